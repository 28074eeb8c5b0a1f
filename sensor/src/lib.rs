//! Bactrian's eBPF sensor: what the processes of a tool call do — exec, connect, open, exit —
//! observed in the kernel, filtered to the cgroups being watched, and checked against
//! runtime rules.
//!
//! Each tool call runs in its own cgroup v2 leaf; the leaf's id (the inode number of its
//! directory) names the call. Load the sensor once per process, watch a cgroup, run the
//! tool inside it, then finish the watch and check what it did:
//!
//! ```no_run
//! use std::os::unix::fs::MetadataExt;
//! use std::time::Duration;
//! use bactrian_sensor::{probe, Rule, RuleSet, Sensor};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // `bactrian doctor`: can the programs load here, and if not, why.
//! println!("{}", probe());
//!
//! let sensor = Sensor::load()?; // root; mounts tracefs if needed; starts the reader thread
//! let cgroup = std::fs::metadata("/sys/fs/cgroup/bactrian/call-1")?.ino();
//! let watch = sensor.watch(cgroup)?;
//!
//! let rules = RuleSet::new(&[
//!     Rule::DenyConnect { net: Some(("169.254.169.254".parse()?, 32)), port: None },
//!     Rule::DenyOpen { glob: "**/.ssh/**".into() },
//!     Rule::DenyExec { glob: "/bin/*sh".into() },
//! ])?;
//!
//! // ... start the tool inside the cgroup; while it runs:
//! while let Some(event) = watch.recv_timeout(Duration::from_millis(100)) {
//!     if let Some(violation) = rules.check(&event) {
//!         eprintln!("stopping the tool: {violation}"); // "opened /root/.ssh/id_rsa (rule ...)"
//!         break;
//!     }
//! }
//!
//! // After the tool exits: the rest of its events, and how many were lost (never silently).
//! let finished = watch.finish(Duration::from_millis(500));
//! println!("{} events, {} dropped", finished.events.len(), finished.dropped);
//! println!("{}", serde_json::to_string(&finished.events)?); // {"kind":"exec",...}
//! # Ok(())
//! # }
//! ```
//!
//! What is observed, and how: tracepoints `sched/sched_process_exec` (filename, first 16
//! arguments), `syscalls/sys_enter_connect` (IPv4 and IPv6 address and port, read from the
//! caller's sockaddr), `syscalls/sys_enter_openat`, `sys_enter_openat2` and `sys_enter_open`
//! (path as passed, flags) and `sched/sched_process_exit` (once per process, with its wait
//! status). Every event carries the process id, its parent's, the cgroup id and the kernel's
//! monotonic timestamp. Programs return at once for tasks outside the watched cgroups.
//!
//! Loss is counted: when the ring buffer is full the kernel adds one to the cgroup's drop
//! counter ([`Finished::dropped`]) and to the total ([`Sensor::dropped_total`]).
//!
//! Limits: syscall arguments are read at syscall entry, from the caller's memory; a path or
//! sockaddr the kernel cannot read without faulting in a page is reported empty (open, exec)
//! or not at all (connect). Paths longer than 511 bytes, file names longer than 255 and
//! argument areas longer than 1024 bytes are cut. Open paths relative to a directory fd are
//! reported as passed. Without clang at build time, or without root, BTF or tracefs at run
//! time, [`Sensor::load`] returns an error saying which; [`probe`] says it in one line.
//!
//! See docs/sensor.md in the repository for the full account.

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

mod error;
mod kernel;
pub mod rules;
mod sensor;

use std::net::IpAddr;

pub use error::SensorError;
pub use rules::{Rule, RuleSet, Violation};
pub use sensor::{probe, Finished, Probe, Sensor, Watch};

/// Something a process in a watched cgroup did.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Event {
    /// The cgroup v2 id of the process when it did it.
    pub cgroup_id: u64,
    /// Process id (thread-group id).
    pub pid: u32,
    /// The parent's process id.
    pub ppid: u32,
    /// `CLOCK_MONOTONIC` nanoseconds (`bpf_ktime_get_ns`), comparable across events.
    pub ktime_ns: u64,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// What happened, and its details.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    /// A successful execve/execveat. `filename` is the path the program was run by, as the
    /// kernel resolved it from the call; `argv` holds the first 16 arguments.
    Exec { filename: String, argv: Vec<String> },
    /// A connect(2) to an IPv4 or IPv6 address (attempted: reported at syscall entry).
    Connect { addr: IpAddr, port: u16 },
    /// An open (open, openat, openat2) attempt, with the path as passed and the open flags.
    Open { path: String, flags: i32 },
    /// The process ended: `signal` is the signal that killed it, if any; `code` is the exit
    /// status, or 128 + the signal when killed (as a shell reports it).
    Exit { code: i32, signal: Option<i32> },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sensor_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Sensor>();
        check::<Watch>();
    }

    #[test]
    fn events_serialize_tagged() {
        let e = Event {
            cgroup_id: 5,
            pid: 10,
            ppid: 1,
            ktime_ns: 7,
            kind: EventKind::Connect {
                addr: "127.0.0.1".parse().unwrap(),
                port: 80,
            },
        };
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["kind"], "connect");
        assert_eq!(json["addr"], "127.0.0.1");
        assert_eq!(json["port"], 80);
        assert_eq!(json["pid"], 10);
    }
}
