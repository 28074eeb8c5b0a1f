//! Bactrian's sandbox: every tool runs as its own process, fenced before it executes a
//! single instruction of its own.
//!
//! In the child, between fork and exec: it joins a cgroup made for the call (whose id names
//! the call for the eBPF sensor, and whose `pids`/`memory` controllers hold its limits), gets
//! a network namespace of its own when it may connect nowhere, takes rlimits (CPU, file size,
//! no core dumps; address space and process count where no cgroup controller is there),
//! drops every capability, sets `no_new_privs`, and enacts a Landlock ruleset: read the
//! system and its own directory, write only a private working directory, connect only to
//! the TCP ports its profile names, signal nothing outside itself. The environment is
//! cleared but for an allowlist; a wall-clock timeout kills the whole cgroup. The fence the
//! tool starts in is reported as enacted: the child tells the parent whether its Landlock
//! ruleset took hold.
//!
//! [`Jailed::exchange`] gives a started tool one request and collects its answer: the
//! request is written on a thread of its own, stdout (capped) and stderr (read to its end,
//! its tail kept) are read while it runs, and nothing it does with its pipes holds the
//! caller past the timeout. A long-lived process (an MCP server) uses the same pieces:
//! [`StdinWriter`], [`read_lines`], [`StderrTail`].
//!
//! ```no_run
//! use bactrian_sandbox::{Ending, Profile, Sandbox, SandboxEvent};
//!
//! let sandbox = Sandbox::new();
//! let argv = vec!["/bin/cat".to_string(), "/etc/hostname".to_string()];
//! let tool = sandbox.spawn(&argv, &Profile::default(), "c1", &[]).unwrap();
//! let answer = tool.exchange(b"a request".to_vec(), 1 << 20, &mut || None);
//! assert!(matches!(answer.ending, Ending::Exited(status) if status.code() == Some(1)));
//! // /etc/hostname is not the system's to share.
//! assert!(answer.stderr.last_line().unwrap().contains("Permission denied"));
//! assert!(matches!(answer.events[0], SandboxEvent::Fenced(_)));
//! assert!(answer.events.iter().any(|e| matches!(e, SandboxEvent::Exited { code: 1 })));
//! ```
//!
//! [`doctor`] says what this kernel can enforce.

// Errors, not panics, outside tests: nothing a plan, a config or a tool sends can abort.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod cgroup;
mod event;
mod exchange;
mod fence;
mod kernel;
mod profile;
mod spawn;

pub use cgroup::{CallCgroup, Hierarchies};
pub use event::{Limit, SandboxEvent};
pub use exchange::{
    read_lines, Ending, Exchange, Line, StderrTail, StdinWriter, Tail, LINE_CHARS, STDERR_TAIL,
};
pub use fence::{own_directories, Enforcement, Fence};
pub use profile::{Enforce, Profile, DEFAULT_PATH, SYSTEM_READ};
pub use spawn::{Jailed, Sandbox, Wait};

/// Why a tool could not be started in its sandbox.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// The profile says `enforce: required` and the kernel cannot enforce it.
    #[error("refused to run the tool unfenced: {0}")]
    Unenforceable(String),
    #[error("{0}")]
    Start(String),
}

/// What the kernel offers the sandbox, for `bactrian doctor`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Doctor {
    pub landlock_abi: u32,
    pub root: bool,
    pub cgroup_v2: Option<std::path::PathBuf>,
    pub pids_controller: Option<String>,
    pub memory_controller: Option<String>,
}

/// Probes the kernel features the sandbox uses.
pub fn doctor() -> Doctor {
    let h = Hierarchies::current();
    let describe = |c: &Option<cgroup::Controller>| {
        c.as_ref().map(|c| {
            format!(
                "{} ({})",
                c.dir.display(),
                if c.v2 { "cgroup v2" } else { "cgroup v1" }
            )
        })
    };
    Doctor {
        landlock_abi: kernel::landlock_abi(),
        root: kernel::is_root(),
        cgroup_v2: h.unified.clone(),
        pids_controller: describe(&h.pids),
        memory_controller: describe(&h.memory),
    }
}
