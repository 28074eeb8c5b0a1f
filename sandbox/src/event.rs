//! What the sandbox observed of one call, in order: these become the call's `sandbox_event`
//! nodes in the record and its `sandbox` list in `--json` output.

use crate::fence::Fence;
use crate::profile::Profile;
use serde::{Deserialize, Serialize};

/// A limit of the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    Cpu,
    Memory,
    Processes,
    FileSize,
    Timeout,
    /// What a tool may print on stdout for one call.
    Output,
}

impl Limit {
    pub fn describe(&self, p: &Profile) -> String {
        match self {
            Limit::Cpu => format!("the CPU limit of {} s", p.cpu_seconds),
            Limit::Memory => format!("the memory limit of {} bytes", p.memory),
            Limit::Processes => format!("the limit of {} processes", p.processes),
            Limit::FileSize => format!("the file-size limit of {} bytes", p.file_size),
            Limit::Timeout => format!("the timeout of {:.1} s", p.timeout.as_secs_f64()),
            Limit::Output => "the limit on what it may print".to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum SandboxEvent {
    /// The fence the tool started in.
    Fenced(Fence),
    /// Under `enforce: best_effort` on a kernel without Landlock.
    Unfenced { reason: String },
    /// A part of the fence could not be set up (the rest holds).
    Degraded { what: String },
    /// The main process exited on its own.
    Exited { code: i32 },
    /// The main process died of a signal; `cause` names the limit that sent it, if one did.
    Killed {
        signal: i32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cause: Option<Limit>,
    },
    /// A limit was reached.
    LimitHit { limit: Limit, detail: String },
    /// The wall-clock limit passed; everything the tool started was killed.
    TimedOut { after_ms: u64 },
    /// A watcher (the sensor's runtime rules) said to stop it; everything it started was
    /// killed.
    Stopped { reason: String },
    /// Processes the tool left running were killed when it ended.
    Cleaned { processes: usize },
}

impl SandboxEvent {
    /// One line for a person.
    pub fn describe(&self) -> String {
        match self {
            SandboxEvent::Fenced(f) => format!(
                "fenced: Landlock {:?} (ABI {}), network {}, processes by {}, memory by {}",
                f.landlock, f.abi, f.network, f.processes_limit, f.memory_limit
            ),
            SandboxEvent::Unfenced { reason } => format!("unfenced: {reason}"),
            SandboxEvent::Degraded { what } => format!("degraded: {what}"),
            SandboxEvent::Exited { code } => format!("exited with status {code}"),
            SandboxEvent::Killed { signal, cause } => match cause {
                Some(l) => format!("killed by signal {signal} ({l:?} limit)"),
                None => format!("killed by signal {signal}"),
            },
            SandboxEvent::LimitHit { detail, .. } => format!("limit reached: {detail}"),
            SandboxEvent::TimedOut { after_ms } => {
                format!(
                    "timed out after {:.1} s; everything it started was killed",
                    *after_ms as f64 / 1000.0
                )
            }
            SandboxEvent::Stopped { reason } => format!("stopped: {reason}"),
            SandboxEvent::Cleaned { processes } => {
                format!("{processes} process(es) it left running were killed")
            }
        }
    }

    /// The limit this event says stopped the tool, if any.
    pub fn stopped_by(&self) -> Option<Limit> {
        match self {
            SandboxEvent::LimitHit { limit, .. } => Some(*limit),
            SandboxEvent::Killed { cause, .. } => *cause,
            SandboxEvent::TimedOut { .. } => Some(Limit::Timeout),
            _ => None,
        }
    }
}
