//! A cgroup of its own for every tool call. The cgroup v2 leaf names the call: its id is what
//! the eBPF sensor's `bpf_get_current_cgroup_id()` reports, and `cgroup.kill` (Linux 5.14)
//! ends every process in it, even one that left the tool's process group. Process and memory
//! limits go on the `pids` and `memory` controllers, from cgroup v2 where they are delegated
//! there, else from the v1 hierarchies of a hybrid setup.

use std::ffi::CString;
use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Where this process's cgroups live, read once from /proc/self/mountinfo and /proc/self/cgroup.
#[derive(Debug, Clone, Default)]
pub struct Hierarchies {
    /// The cgroup v2 directory this process is in.
    pub unified: Option<PathBuf>,
    /// The `pids` controller's directory for this process (v2 or v1).
    pub pids: Option<Controller>,
    /// The `memory` controller's directory for this process (v2 or v1).
    pub memory: Option<Controller>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Controller {
    pub dir: PathBuf,
    pub v2: bool,
}

/// The parent directory of every call's leaf, under the directory this process is in.
const PARENT: &str = "bactrian";

impl Hierarchies {
    /// This process's hierarchies (read once; they do not move under us).
    pub fn current() -> &'static Hierarchies {
        static CURRENT: OnceLock<Hierarchies> = OnceLock::new();
        CURRENT.get_or_init(|| {
            let mountinfo = fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
            let cgroups = fs::read_to_string("/proc/self/cgroup").unwrap_or_default();
            Hierarchies::discover(&mountinfo, &cgroups, |p| p.is_dir())
        })
    }

    /// Works the hierarchies out from the text of mountinfo and /proc/self/cgroup.
    pub fn discover(mountinfo: &str, cgroups: &str, exists: impl Fn(&Path) -> bool) -> Self {
        let mut h = Hierarchies::default();
        // mountinfo: id parent major:minor root mountpoint options - fstype source superopts
        let mut v2_mount = None;
        let mut v1_mounts: Vec<(Vec<String>, PathBuf)> = Vec::new();
        for line in mountinfo.lines() {
            let fields: Vec<&str> = line.split(' ').collect();
            let Some(dash) = fields.iter().position(|f| *f == "-") else {
                continue;
            };
            let (Some(mount), Some(fstype), Some(superopts)) =
                (fields.get(4), fields.get(dash + 1), fields.get(dash + 3))
            else {
                continue;
            };
            match *fstype {
                "cgroup2" => v2_mount = Some(PathBuf::from(unescape(mount))),
                "cgroup" => v1_mounts.push((
                    superopts.split(',').map(String::from).collect(),
                    PathBuf::from(unescape(mount)),
                )),
                _ => {}
            }
        }
        for line in cgroups.lines() {
            let mut parts = line.splitn(3, ':');
            let (Some(_), Some(controllers), Some(path)) =
                (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let rel = path.trim_start_matches('/');
            if controllers.is_empty() {
                if let Some(m) = &v2_mount {
                    h.unified = Some(if rel.is_empty() {
                        m.clone()
                    } else {
                        m.join(rel)
                    });
                }
                continue;
            }
            for name in controllers.split(',') {
                let Some((_, mount)) = v1_mounts.iter().find(|(o, _)| o.iter().any(|x| x == name))
                else {
                    continue;
                };
                let dir = if rel.is_empty() {
                    mount.clone()
                } else {
                    mount.join(rel)
                };
                let c = Some(Controller { dir, v2: false });
                match name {
                    "pids" => h.pids = c,
                    "memory" => h.memory = c,
                    _ => {}
                }
            }
        }
        // A controller delegated to v2 wins over a v1 hierarchy.
        if let Some(dir) = &h.unified {
            let available = fs::read_to_string(dir.join("cgroup.controllers")).unwrap_or_default();
            for name in available.split_whitespace() {
                let c = Some(Controller {
                    dir: dir.clone(),
                    v2: true,
                });
                match name {
                    "pids" => h.pids = c,
                    "memory" => h.memory = c,
                    _ => {}
                }
            }
        }
        h.unified = h.unified.filter(|d| exists(d));
        h.pids = h.pids.filter(|c| exists(&c.dir));
        h.memory = h.memory.filter(|c| exists(&c.dir));
        h
    }
}

/// mountinfo escapes space, tab, newline and backslash as octal.
fn unescape(s: &str) -> String {
    s.replace("\\040", " ")
        .replace("\\011", "\t")
        .replace("\\012", "\n")
        .replace("\\134", "\\")
}

/// The cgroups of one call: made before the spawn, joined by the child before exec, emptied
/// and removed after.
#[derive(Debug)]
pub struct CallCgroup {
    /// The v2 leaf (always, where cgroup v2 is mounted and writable).
    unified: Option<PathBuf>,
    /// Leaves in v1 hierarchies (pids, memory) that the child joins too.
    v1: Vec<PathBuf>,
    /// The `cgroup.procs` files the child writes "0" into, prepared before fork.
    pub(crate) join: Vec<CString>,
    id: Option<u64>,
    pids_limited: bool,
    memory_limited: bool,
}

/// What the call's cgroups counted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counters {
    /// Times a fork failed at `pids.max`.
    pub pids_max: u64,
    /// Processes the kernel killed at the memory limit.
    pub oom_kills: u64,
}

static NEXT: AtomicU64 = AtomicU64::new(0);

impl CallCgroup {
    /// Makes the leaves for one call and sets the limits. `processes` and `memory` are set
    /// where a controller is available; the caller learns which from
    /// [`CallCgroup::limits_processes`] and [`CallCgroup::limits_memory`].
    pub fn create(call: &str, processes: u64, memory: u64) -> io::Result<CallCgroup> {
        let h = Hierarchies::current();
        let name = format!(
            "{}-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed),
            call.chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .take(32)
                .collect::<String>()
        );
        let mut cg = CallCgroup {
            unified: None,
            v1: Vec::new(),
            join: Vec::new(),
            id: None,
            pids_limited: false,
            memory_limited: false,
        };
        if let Some(dir) = &h.unified {
            let parent = dir.join(PARENT);
            let mut v2_controllers = Vec::new();
            if h.pids.as_ref().is_some_and(|c| c.v2) {
                v2_controllers.push("pids");
            }
            if h.memory.as_ref().is_some_and(|c| c.v2) {
                v2_controllers.push("memory");
            }
            make_parent(&parent, &v2_controllers)?;
            let leaf = parent.join(&name);
            fs::create_dir(&leaf)?;
            cg.id = Some(fs::metadata(&leaf)?.ino());
            cg.unified = Some(leaf);
        }
        for (controller, limit, file) in [
            (&h.pids, processes, "pids.max"),
            (
                &h.memory,
                memory,
                if h.memory.as_ref().is_some_and(|c| c.v2) {
                    "memory.max"
                } else {
                    "memory.limit_in_bytes"
                },
            ),
        ] {
            let Some(c) = controller else { continue };
            let dir = if c.v2 {
                match &cg.unified {
                    Some(leaf) => leaf.clone(),
                    None => continue,
                }
            } else {
                let parent = c.dir.join(PARENT);
                make_parent(&parent, &[])?;
                let leaf = parent.join(&name);
                fs::create_dir(&leaf)?;
                cg.join.push(procs_path(&leaf)?);
                cg.v1.push(leaf.clone());
                leaf
            };
            if fs::write(dir.join(file), limit.to_string()).is_ok() {
                if file == "pids.max" {
                    cg.pids_limited = true;
                } else {
                    cg.memory_limited = true;
                    // No swap to escape into, where the kernel has the knob.
                    let swap = if c.v2 {
                        "memory.swap.max"
                    } else {
                        "memory.memsw.limit_in_bytes"
                    };
                    let _ = fs::write(
                        dir.join(swap),
                        if c.v2 {
                            "0".to_string()
                        } else {
                            limit.to_string()
                        },
                    );
                }
            }
        }
        // The v2 leaf is joined last: the sensor watches it, and the child's own opens of the
        // v1 `cgroup.procs` files are Bactrian's doing, not the tool's.
        if let Some(leaf) = &cg.unified {
            cg.join.push(procs_path(leaf)?);
        }
        Ok(cg)
    }

    /// The cgroup v2 id of the call: what eBPF's `bpf_get_current_cgroup_id()` reports for
    /// the tool's processes.
    pub fn id(&self) -> Option<u64> {
        self.id
    }

    pub fn limits_processes(&self) -> bool {
        self.pids_limited
    }

    pub fn limits_memory(&self) -> bool {
        self.memory_limited
    }

    fn leaves(&self) -> impl Iterator<Item = &PathBuf> {
        self.unified.iter().chain(self.v1.iter())
    }

    /// Kills every process in the call's cgroups: `cgroup.kill` where the kernel has it,
    /// else SIGKILL to each listed process until none is left.
    pub fn kill_all(&self) {
        if let Some(leaf) = &self.unified {
            if fs::write(leaf.join("cgroup.kill"), "1").is_ok() {
                return;
            }
        }
        for _ in 0..100 {
            let pids = self.processes();
            if pids.is_empty() {
                return;
            }
            for pid in pids {
                crate::kernel::kill_pid(pid, libc::SIGKILL);
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// The processes still in the call's cgroups.
    pub fn processes(&self) -> Vec<u32> {
        let mut pids: Vec<u32> = self
            .leaves()
            .filter_map(|l| fs::read_to_string(l.join("cgroup.procs")).ok())
            .flat_map(|t| {
                t.split_whitespace()
                    .filter_map(|p| p.parse().ok())
                    .collect::<Vec<_>>()
            })
            .collect();
        pids.sort_unstable();
        pids.dedup();
        pids
    }

    /// What the cgroups counted so far.
    pub fn counters(&self) -> Counters {
        let mut c = Counters::default();
        for leaf in self.leaves() {
            c.pids_max = c.pids_max.max(read_key(&leaf.join("pids.events"), "max"));
            c.oom_kills = c
                .oom_kills
                .max(read_key(&leaf.join("memory.events"), "oom_kill"))
                .max(read_key(&leaf.join("memory.oom_control"), "oom_kill"));
        }
        c
    }

    /// Waits (up to `within`) for every process to be gone, then removes the leaves.
    /// Returns how many processes had to be killed.
    pub fn remove(&mut self, within: Duration) -> usize {
        let left = self.processes().len();
        if left > 0 {
            self.kill_all();
        }
        let deadline = Instant::now() + within;
        while !self.processes().is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
        for leaf in self.leaves() {
            // A leaf whose last process is still exiting refuses rmdir for a moment.
            for _ in 0..200 {
                if fs::remove_dir(leaf).is_ok() || !leaf.exists() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        self.unified = None;
        self.v1.clear();
        left
    }
}

impl Drop for CallCgroup {
    fn drop(&mut self) {
        if self.unified.is_some() || !self.v1.is_empty() {
            self.remove(Duration::from_secs(1));
        }
    }
}

fn procs_path(leaf: &Path) -> io::Result<CString> {
    CString::new(
        leaf.join("cgroup.procs")
            .into_os_string()
            .into_encoded_bytes(),
    )
    .map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "a cgroup path holds a NUL byte",
        )
    })
}

/// Makes the parent of the call leaves (once) and enables the v2 controllers in it.
fn make_parent(parent: &Path, v2_controllers: &[&str]) -> io::Result<()> {
    match fs::create_dir(parent) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    if !v2_controllers.is_empty() {
        // Enabled in this process's cgroup (refused where it holds processes and is not the
        // root: then the limits fall back to rlimits) and in the parent, for the leaves.
        let enable: Vec<String> = v2_controllers.iter().map(|c| format!("+{c}")).collect();
        if let Some(ours) = parent.parent() {
            let _ = fs::write(ours.join("cgroup.subtree_control"), enable.join(" "));
        }
        let _ = fs::write(parent.join("cgroup.subtree_control"), enable.join(" "));
    }
    Ok(())
}

/// `key N` from a flat-keyed cgroup file; 0 when absent.
fn read_key(path: &Path, key: &str) -> u64 {
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(' ')?;
            (k == key).then(|| v.trim().parse().ok()).flatten()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTINFO: &str = "\
30 23 0:26 / /sys/fs/cgroup rw,nosuid - tmpfs tmpfs rw,mode=755
31 30 0:27 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
32 30 0:28 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
33 30 0:29 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
34 30 0:30 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct
";
    const CGROUPS: &str = "\
9:name=systemd:/
8:pids:/
4:memory:/process_api/c0
2:cpu,cpuacct:/
0::/
";

    #[test]
    fn a_hybrid_setup_takes_pids_and_memory_from_v1() {
        let h = Hierarchies::discover(MOUNTINFO, CGROUPS, |_| true);
        assert_eq!(h.unified, Some(PathBuf::from("/sys/fs/cgroup/unified")));
        assert_eq!(
            h.pids,
            Some(Controller {
                dir: "/sys/fs/cgroup/pids".into(),
                v2: false
            })
        );
        assert_eq!(
            h.memory,
            Some(Controller {
                dir: "/sys/fs/cgroup/memory/process_api/c0".into(),
                v2: false
            })
        );
    }

    #[test]
    fn no_cgroup_mounts_means_no_cgroups() {
        let h = Hierarchies::discover("", "0::/\n", |_| true);
        assert!(h.unified.is_none() && h.pids.is_none() && h.memory.is_none());
    }

    #[test]
    fn flat_keyed_files_are_read_by_key() {
        let dir = tempfile::tempdir().expect("tempdir");
        let f = dir.path().join("pids.events");
        fs::write(&f, "max 7\n").expect("write");
        assert_eq!(read_key(&f, "max"), 7);
        assert_eq!(read_key(&f, "other"), 0);
        assert_eq!(read_key(&dir.path().join("missing"), "max"), 0);
    }
}
