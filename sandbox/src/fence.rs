//! The Landlock ruleset of one call: what the tool may read, write and connect to.

use crate::profile::{Profile, SYSTEM_DEVICES, SYSTEM_READ};
use landlock::{
    Access, AccessFs, AccessNet, CompatLevel, Compatible, NetPort, PathBeneath, PathFd, Ruleset,
    RulesetAttr, RulesetCreated, RulesetCreatedAttr, Scope, ABI,
};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// The newest Landlock ABI this build asks for (signal and abstract-socket scoping).
pub const WANTED_ABI: ABI = ABI::V6;

/// What a tool may do in its own `/proc/PID`: read it, no more.
pub fn own_proc_access() -> u64 {
    (AccessFs::ReadFile | AccessFs::ReadDir).bits()
}

/// How much of a profile the kernel enforces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Enforcement {
    /// Every rule: files, TCP ports, signal and abstract-socket scoping.
    Full,
    /// Files, but an older kernel lacks some of the rest (named in the fence).
    Partial,
    /// No Landlock at all: the tool runs unfenced (only under `enforce: best_effort`).
    None,
}

/// What fences one call, as the call's first sandbox event reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fence {
    pub landlock: Enforcement,
    /// The kernel's Landlock ABI (0: none).
    pub abi: u32,
    /// What Landlock leaves unfenced on this kernel, in words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<String>,
    /// `isolated` (a network namespace of its own), or the TCP ports it may connect to.
    pub network: String,
    /// Where the processes and memory limits are enforced: `cgroup` or `rlimit`.
    pub processes_limit: Cow<'static, str>,
    pub memory_limit: Cow<'static, str>,
    /// The cgroup v2 id naming the call, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cgroup_id: Option<u64>,
    /// Capabilities dropped (a root tool keeps none).
    pub capabilities_dropped: bool,
    pub readable: Vec<PathBuf>,
    pub writable: Vec<PathBuf>,
}

/// The directories a tool reads as its own: the program's installation prefix (`P` for
/// `P/bin/x` or `P/shims/x`), and the script's directory — or, for a script inside an npm
/// tree, the directory that holds its `node_modules`.
pub fn own_directories(argv: &[String]) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    let Some(program) = argv.first() else {
        return dirs;
    };
    let program = Path::new(program);
    for p in [
        program.to_path_buf(),
        std::fs::canonicalize(program).unwrap_or_default(),
    ] {
        let Some(dir) = p.parent().filter(|d| d.is_absolute()) else {
            continue;
        };
        let prefix = match dir.file_name().and_then(|n| n.to_str()) {
            Some("bin" | "sbin" | "shims") => dir.parent().unwrap_or(dir),
            _ => dir,
        };
        dirs.push(prefix.to_path_buf());
    }
    // The first argument that names an existing file is the script an interpreter runs.
    if let Some(script) = argv
        .iter()
        .skip(1)
        .map(Path::new)
        .find(|a| a.is_absolute() && a.is_file())
    {
        let root = script
            .ancestors()
            .find(|a| a.file_name().is_some_and(|n| n == "node_modules"))
            .and_then(Path::parent)
            .or_else(|| script.parent());
        if let Some(root) = root {
            dirs.push(root.to_path_buf());
        }
    }
    dirs.retain(|d| d != Path::new("/") && !d.as_os_str().is_empty());
    dirs.sort();
    dirs.dedup();
    dirs
}

/// Builds the ruleset for a call (in the parent, so the child only has to enact it).
/// Paths that do not exist are skipped: there is nothing there to allow.
pub fn ruleset(
    profile: &Profile,
    argv: &[String],
    workdir: &Path,
    abi: u32,
) -> Result<(RulesetCreated, Fence), landlock::RulesetError> {
    let wanted = WANTED_ABI;
    let read = AccessFs::from_read(wanted);
    let all = AccessFs::from_all(wanted);
    let file = AccessFs::from_file(wanted);
    let mut readable: Vec<PathBuf> = SYSTEM_READ.iter().map(PathBuf::from).collect();
    readable.extend(own_directories(argv));
    readable.extend(profile.read.iter().cloned());
    let mut writable = vec![workdir.to_path_buf()];
    writable.extend(profile.write.iter().cloned());
    // A write path that does not exist yet is made, as a directory: the tool's outbox.
    for path in &profile.write {
        if !path.exists() {
            let _ = std::fs::create_dir_all(path);
        }
    }

    let mut rs = Ruleset::default()
        .set_compatibility(CompatLevel::BestEffort)
        .handle_access(all)?
        .handle_access(AccessNet::from_all(wanted))?
        .scope(Scope::from_all(wanted))?
        .create()?;
    for path in readable.iter().filter(|p| p.exists()) {
        if let Ok(fd) = PathFd::new(path) {
            rs = rs.add_rule(PathBeneath::new(fd, read))?;
        }
    }
    for dev in SYSTEM_DEVICES {
        if let Ok(fd) = PathFd::new(dev) {
            rs = rs.add_rule(PathBeneath::new(fd, file))?;
        }
    }
    for path in writable.iter().filter(|p| p.exists()) {
        if let Ok(fd) = PathFd::new(path) {
            rs = rs.add_rule(PathBeneath::new(fd, all))?;
        }
    }
    for port in &profile.connect {
        rs = rs.add_rule(NetPort::new(*port, AccessNet::ConnectTcp))?;
    }
    for port in &profile.bind {
        rs = rs.add_rule(NetPort::new(*port, AccessNet::BindTcp))?;
    }

    let mut gaps = Vec::new();
    if abi < 4 {
        gaps.push("TCP connect and bind (Landlock ABI 4, Linux 6.7)".to_string());
    }
    if abi < 6 {
        gaps.push("signals and abstract Unix sockets (Landlock ABI 6, Linux 6.12)".to_string());
    }
    if (1..3).contains(&abi) {
        gaps.push("truncate (Landlock ABI 3, Linux 6.2)".to_string());
    }
    let landlock = match abi {
        0 => Enforcement::None,
        a if a >= wanted as u32 => Enforcement::Full,
        _ => Enforcement::Partial,
    };
    for list in [&mut readable, &mut writable] {
        list.retain(|p| p.exists());
        let mut seen = std::collections::HashSet::new();
        list.retain(|p| seen.insert(p.clone()));
    }
    let fence = Fence {
        landlock,
        abi,
        gaps,
        network: String::new(),
        processes_limit: "rlimit".into(),
        memory_limit: "rlimit".into(),
        cgroup_id: None,
        capabilities_dropped: false,
        readable,
        writable,
    };
    Ok((rs, fence))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_program_in_bin_owns_its_prefix() {
        let d = own_directories(&args(&["/opt/tool/bin/run"]));
        assert!(d.contains(&PathBuf::from("/opt/tool")), "{d:?}");
    }

    #[test]
    fn a_script_owns_its_directory() {
        let dir = tempfile::tempdir().expect("tempdir");
        let script = dir.path().join("tools").join("t.py");
        std::fs::create_dir_all(script.parent().expect("parent")).expect("mkdir");
        std::fs::write(&script, "").expect("write");
        let d = own_directories(&args(&[
            "/usr/bin/python3",
            script.to_str().expect("utf-8"),
        ]));
        assert!(d.contains(&dir.path().join("tools")), "{d:?}");
        assert!(!d.contains(&dir.path().to_path_buf()), "{d:?}");
    }

    #[test]
    fn a_script_in_node_modules_owns_the_npm_tree() {
        let dir = tempfile::tempdir().expect("tempdir");
        let script = dir.path().join("node_modules/@x/server/dist/index.js");
        std::fs::create_dir_all(script.parent().expect("parent")).expect("mkdir");
        std::fs::write(&script, "").expect("write");
        let d = own_directories(&args(&["/usr/bin/node", script.to_str().expect("utf-8")]));
        assert!(d.contains(&dir.path().to_path_buf()), "{d:?}");
    }
}
