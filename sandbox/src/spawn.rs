//! Starting a tool inside its fence, waiting for it, and saying what stopped it.

use crate::cgroup::CallCgroup;
use crate::event::{Limit, SandboxEvent};
use crate::fence::{self, Enforcement, Fence};
use crate::kernel::{self, Rlimit};
use crate::profile::{Enforce, Profile, DEFAULT_PATH};
use crate::SandboxError;
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// How a wait for a tool ended.
#[derive(Debug)]
pub enum Wait {
    Exited(ExitStatus),
    /// Past the timeout; everything it started was killed.
    TimedOut,
    /// `check` said to stop it (the reason); everything it started was killed.
    Stopped(String),
}

/// Why the engine stops a tool before it ends.
pub(crate) enum Halt {
    /// A runtime rule it broke (the reason).
    Rule(String),
    /// It printed more than the cap (in bytes) on stdout.
    Overflow(usize),
}

/// The kernel features a sandbox uses, probed once.
#[derive(Debug, Clone, Copy)]
pub struct Sandbox {
    abi: u32,
    root: bool,
}

impl Default for Sandbox {
    fn default() -> Self {
        Sandbox::new()
    }
}

/// A tool process inside its fence. Dropping it kills everything the tool started and
/// removes its working directory and cgroups.
pub struct Jailed {
    /// The tool's main process (its stdin, stdout and stderr are piped).
    pub child: Child,
    fence: Fence,
    limits: Profile,
    cgroup: Option<CallCgroup>,
    workdir: Option<tempfile::TempDir>,
    started: Instant,
    events: Vec<SandboxEvent>,
    finished: bool,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            abi: kernel::landlock_abi(),
            root: kernel::is_root(),
        }
    }

    /// A sandbox that acts as if the kernel offered Landlock ABI `abi` at most (0: none):
    /// what `enforce` does on an older kernel, shown on this one. The kernel still enforces
    /// what it has; only the refusal and the reported fence follow `abi`.
    pub fn assuming_landlock_abi(abi: u32) -> Sandbox {
        let mut s = Sandbox::new();
        s.abi = s.abi.min(abi);
        s
    }

    /// The kernel's Landlock ABI (0: none).
    pub fn landlock_abi(&self) -> u32 {
        self.abi
    }

    /// Starts `argv` under `profile` for the call `call` (which names its cgroup). `extra_env`
    /// is set on top of the cleaned environment (an MCP server's own variables).
    pub fn spawn(
        &self,
        argv: &[String],
        profile: &Profile,
        call: &str,
        extra_env: &[(String, String)],
    ) -> Result<Jailed, SandboxError> {
        self.spawn_watched(argv, profile, call, extra_env, &mut |_| {})
    }

    /// [`Sandbox::spawn`], calling `before_start` with the call's cgroup id once the cgroup
    /// exists and before the tool starts in it: where a watcher (the eBPF sensor) registers,
    /// so that it sees the tool's very first exec.
    pub fn spawn_watched(
        &self,
        argv: &[String],
        profile: &Profile,
        call: &str,
        extra_env: &[(String, String)],
        before_start: &mut dyn FnMut(u64),
    ) -> Result<Jailed, SandboxError> {
        let (program, rest) = argv
            .split_first()
            .ok_or_else(|| SandboxError::Start("the command is empty".into()))?;
        if self.abi == 0 && profile.enforce == Enforce::Required {
            return Err(SandboxError::Unenforceable(
                "this kernel has no Landlock (needs Linux 5.13+ with landlock in the lsm= list); \
                 set `sandbox.enforce: best_effort` to run tools unfenced"
                    .into(),
            ));
        }
        let workdir = tempfile::Builder::new()
            .prefix("bactrian-call-")
            .tempdir()
            .map_err(|e| SandboxError::Start(format!("could not make a working directory: {e}")))?;
        let (ruleset, mut fence) = fence::ruleset(profile, argv, workdir.path(), self.abi)
            .map_err(|e| SandboxError::Start(format!("could not build the Landlock rules: {e}")))?;
        let mut events = Vec::new();
        if fence.landlock == Enforcement::None {
            events.push(SandboxEvent::Unfenced {
                reason: "the kernel has no Landlock; the tool ran without file or network rules"
                    .into(),
            });
        }

        let cgroup = if self.root {
            match CallCgroup::create(call, profile.processes, profile.memory) {
                Ok(cg) => Some(cg),
                Err(e) => {
                    events.push(SandboxEvent::Degraded {
                        what: format!("no cgroup for the call ({e}); limits fall back to rlimits"),
                    });
                    None
                }
            }
        } else {
            None
        };
        let pids_in_cgroup = cgroup.as_ref().is_some_and(CallCgroup::limits_processes);
        let memory_in_cgroup = cgroup.as_ref().is_some_and(CallCgroup::limits_memory);
        fence.processes_limit = if pids_in_cgroup { "cgroup" } else { "rlimit" }.into();
        fence.memory_limit = if memory_in_cgroup { "cgroup" } else { "rlimit" }.into();
        fence.cgroup_id = cgroup.as_ref().and_then(CallCgroup::id);
        let isolate_network = profile.connect.is_empty() && profile.bind.is_empty() && self.root;
        fence.network = if isolate_network {
            "isolated".into()
        } else if profile.connect.is_empty() {
            "no TCP connect".into()
        } else {
            let ports: Vec<String> = profile.connect.iter().map(u16::to_string).collect();
            format!("TCP connect to ports {}", ports.join(", "))
        };
        fence.capabilities_dropped = self.root;

        let mut limits = vec![
            Rlimit {
                resource: libc::RLIMIT_CPU,
                soft: profile.cpu_seconds,
                // SIGXCPU at the soft limit; SIGKILL a second later for a tool that ignores it.
                hard: profile.cpu_seconds.saturating_add(1),
            },
            Rlimit {
                resource: libc::RLIMIT_FSIZE,
                soft: profile.file_size,
                hard: profile.file_size,
            },
            Rlimit {
                resource: libc::RLIMIT_CORE,
                soft: 0,
                hard: 0,
            },
        ];
        if !memory_in_cgroup {
            limits.push(Rlimit {
                resource: libc::RLIMIT_AS,
                soft: profile.memory,
                hard: profile.memory,
            });
        }
        if !pids_in_cgroup {
            // Counts every process of the user, and root is exempt: a weak fallback.
            limits.push(Rlimit {
                resource: libc::RLIMIT_NPROC,
                soft: profile.processes,
                hard: profile.processes,
            });
        }
        let join = cgroup.as_ref().map(|c| c.join.clone()).unwrap_or_default();
        let drop_caps = self.root;
        let required = profile.enforce == Enforce::Required;
        // The child enacts the ruleset by its fd (None: no Landlock here, best effort).
        let ruleset: Option<OwnedFd> = ruleset.into();
        let ruleset_fd = ruleset.as_ref().map(|fd| fd.as_raw_fd());
        let own_proc = fence::own_proc_access();
        // The child says on this pipe whether its Landlock ruleset was enacted: the fence
        // reports what was, not what the kernel's ABI promised.
        let (report, report_in_child) = kernel::pipe_cloexec()
            .map_err(|e| SandboxError::Start(format!("could not make a pipe: {e}")))?;
        let report_fd = report_in_child.as_raw_fd();

        let mut cmd = Command::new(program);
        cmd.args(rest)
            .env_clear()
            .current_dir(workdir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // Its own process group, so a timeout can kill what it started even without cgroups.
            .process_group(0);
        let home = workdir.path().as_os_str();
        cmd.env("PATH", DEFAULT_PATH)
            .env("HOME", home)
            .env("TMPDIR", home)
            .env("LANG", "C.UTF-8");
        for name in &profile.env {
            if let Some(v) = std::env::var_os(name) {
                cmd.env(name, v);
            }
        }
        for (k, v) in extra_env {
            cmd.env(k, v);
        }
        // SAFETY: the closure runs in the child between fork and exec. It only makes system
        // calls on data prepared before the fork (paths as CStrings, the ruleset's fd, plain
        // integers) and allocates nothing.
        unsafe {
            cmd.pre_exec(move || {
                kernel::in_child_die_with_parent()?;
                kernel::in_child_cloexec_from_3()?;
                for procs in &join {
                    kernel::in_child_write_file(procs, b"0")?;
                }
                if isolate_network {
                    kernel::in_child_unshare_network()?;
                }
                for limit in &limits {
                    kernel::in_child_setrlimit(limit)?;
                }
                if drop_caps {
                    kernel::in_child_drop_capabilities()?;
                }
                kernel::in_child_no_new_privs()?;
                if let Some(fd) = ruleset_fd {
                    let enacted = kernel::in_child_enact_landlock(fd, own_proc);
                    let errno: i32 = match &enacted {
                        Ok(()) => 0,
                        Err(e) => e.raw_os_error().unwrap_or(-1),
                    };
                    kernel::in_child_write_fd(report_fd, &errno.to_ne_bytes());
                    if required {
                        enacted?;
                    }
                }
                Ok(())
            });
        }
        if let Some(id) = fence.cgroup_id {
            before_start(id);
        }
        let spawned = cmd.spawn();
        // The child held its own copies of these until exec; ours go now, so that the report
        // reads to its end.
        drop(ruleset);
        drop(report_in_child);
        let landlock_failed = read_report(report);
        let child = match (spawned, &landlock_failed) {
            (Ok(child), _) => child,
            (Err(_), Some(e)) => {
                return Err(SandboxError::Unenforceable(format!(
                    "Landlock could not be enacted in the tool's process ({e})"
                )))
            }
            (Err(e), None) => {
                return Err(SandboxError::Start(format!(
                    "could not start {program} in its sandbox: {e}"
                )))
            }
        };
        if let Some(e) = landlock_failed {
            fence.landlock = Enforcement::None;
            events.push(SandboxEvent::Unfenced {
                reason: format!(
                    "Landlock could not be enacted in the tool's process ({e}); the tool ran \
                     without file or network rules"
                ),
            });
        }
        events.insert(0, SandboxEvent::Fenced(fence.clone()));
        Ok(Jailed {
            child,
            fence,
            limits: profile.clone(),
            cgroup,
            workdir: Some(workdir),
            started: Instant::now(),
            events,
            finished: false,
        })
    }
}

impl Jailed {
    /// The cgroup v2 id naming this call (what the eBPF sensor sees), if it has a cgroup.
    pub fn cgroup_id(&self) -> Option<u64> {
        self.fence.cgroup_id
    }

    pub fn fence(&self) -> &Fence {
        &self.fence
    }

    /// The call's private working directory.
    pub fn workdir(&self) -> Option<&std::path::Path> {
        self.workdir.as_ref().map(tempfile::TempDir::path)
    }

    /// Waits for the main process until `timeout` has passed since the start; past it, kills
    /// everything the tool started. `Ok(None)` means it timed out.
    pub fn wait_timeout(&mut self, timeout: Duration) -> std::io::Result<Option<ExitStatus>> {
        match self.wait(timeout, &mut || None)? {
            Wait::Exited(status) => Ok(Some(status)),
            Wait::TimedOut | Wait::Stopped(_) => Ok(None),
        }
    }

    /// Waits for the main process, asking `check` between polls whether the tool must be
    /// stopped (a runtime rule it broke): then, or past `timeout`, everything it started is
    /// killed.
    pub fn wait(
        &mut self,
        timeout: Duration,
        check: &mut dyn FnMut() -> Option<String>,
    ) -> std::io::Result<Wait> {
        self.wait_or_halt(timeout, &mut || check().map(Halt::Rule))
    }

    /// The profile's wall-clock limit for the call.
    pub fn timeout(&self) -> Duration {
        self.limits.timeout
    }

    /// [`Jailed::wait`], with the reasons to stop the tool the engine and the exchange have.
    pub(crate) fn wait_or_halt(
        &mut self,
        timeout: Duration,
        check: &mut dyn FnMut() -> Option<Halt>,
    ) -> std::io::Result<Wait> {
        // A timeout too large to add is no timeout at all.
        let deadline = self.started.checked_add(timeout);
        let mut pause = Duration::from_micros(200);
        loop {
            if let Some(halt) = check() {
                self.kill_all();
                let _ = self.child.wait();
                let (event, reason) = match halt {
                    Halt::Rule(reason) => (
                        SandboxEvent::Stopped {
                            reason: reason.clone(),
                        },
                        reason,
                    ),
                    Halt::Overflow(cap) => (
                        crate::exchange::output_limit_hit(cap),
                        format!("printed more than {cap} bytes"),
                    ),
                };
                self.events.push(event);
                return Ok(Wait::Stopped(reason));
            }
            if let Some(status) = self.child.try_wait()? {
                return Ok(Wait::Exited(status));
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                self.kill_all();
                let _ = self.child.wait();
                self.events.push(SandboxEvent::TimedOut {
                    after_ms: timeout.as_millis() as u64,
                });
                return Ok(Wait::TimedOut);
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(5));
        }
    }

    /// Kills every process of the call: the cgroup where there is one, and the process group.
    pub fn kill_all(&mut self) {
        if let Some(cg) = &self.cgroup {
            cg.kill_all();
        }
        kernel::kill_group(self.child.id(), libc::SIGKILL);
    }

    /// Adds an event the engine observed (a sensor rule that stopped the tool, say).
    pub fn note(&mut self, event: SandboxEvent) {
        self.events.push(event);
    }

    /// Ends the call: kills what the tool left running, reads what the cgroups counted, says
    /// why the tool ended, removes its cgroups and working directory, and returns the call's
    /// sandbox events in order. `status` is the main process's, when it was reaped.
    pub fn finish(&mut self, status: Option<ExitStatus>) -> Vec<SandboxEvent> {
        if self.finished {
            return Vec::new();
        }
        self.finished = true;
        let counters = self
            .cgroup
            .as_ref()
            .map(CallCgroup::counters)
            .unwrap_or_default();
        let mut leftover = 0;
        if let Some(cg) = &mut self.cgroup {
            leftover = cg.remove(Duration::from_secs(2));
        }
        kernel::kill_group(self.child.id(), libc::SIGKILL);
        if counters.pids_max > 0 {
            self.events.push(SandboxEvent::LimitHit {
                limit: Limit::Processes,
                detail: format!(
                    "{} fork(s) refused at the limit of {} processes",
                    counters.pids_max, self.limits.processes
                ),
            });
        }
        if counters.oom_kills > 0 {
            self.events.push(SandboxEvent::LimitHit {
                limit: Limit::Memory,
                detail: format!(
                    "{} process(es) killed at the memory limit of {} bytes",
                    counters.oom_kills, self.limits.memory
                ),
            });
        }
        if let Some(status) = status {
            self.events.push(match (status.code(), status.signal()) {
                (Some(code), _) => SandboxEvent::Exited { code },
                (None, Some(signal)) => SandboxEvent::Killed {
                    signal,
                    cause: cause(signal, &counters),
                },
                (None, None) => SandboxEvent::Exited { code: -1 },
            });
            if let (None, Some(signal)) = (status.code(), status.signal()) {
                if let Some(limit) = cause(signal, &counters) {
                    if !matches!(limit, Limit::Memory) {
                        self.events.push(SandboxEvent::LimitHit {
                            limit,
                            detail: limit.describe(&self.limits),
                        });
                    }
                }
            }
        }
        if leftover > 0 {
            self.events.push(SandboxEvent::Cleaned {
                processes: leftover,
            });
        }
        if let Some(dir) = self.workdir.take() {
            let _ = dir.close();
        }
        std::mem::take(&mut self.events)
    }
}

/// The error the child met enacting Landlock, from its report (none: enacted, or not tried).
fn read_report(report: OwnedFd) -> Option<std::io::Error> {
    use std::io::Read;
    let mut bytes = [0u8; 4];
    let mut file = std::fs::File::from(report);
    file.read_exact(&mut bytes).ok()?;
    match i32::from_ne_bytes(bytes) {
        0 => None,
        -1 => Some(std::io::Error::other("an error without a number")),
        errno => Some(std::io::Error::from_raw_os_error(errno)),
    }
}

/// What a deadly signal says about the limit that sent it.
fn cause(signal: i32, counters: &crate::cgroup::Counters) -> Option<Limit> {
    match signal {
        libc::SIGXCPU => Some(Limit::Cpu),
        libc::SIGXFSZ => Some(Limit::FileSize),
        libc::SIGKILL if counters.oom_kills > 0 => Some(Limit::Memory),
        _ => None,
    }
}

impl Drop for Jailed {
    fn drop(&mut self) {
        if !self.finished {
            self.kill_all();
            let _ = self.child.wait();
            self.finish(None);
        }
    }
}
