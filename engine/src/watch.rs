//! What watches a tool while it runs (the eBPF sensor), as the tool runners see it: told the
//! call's cgroup before the tool starts, asked between polls whether a runtime rule says to
//! stop it, and asked at the end for what it saw.

use serde_json::Value;

/// What the sandbox and the sensor saw of one call, in order, as the record stores them.
#[derive(Debug, Default, Clone)]
pub struct CallEvents {
    /// The sandbox's events (bactrian_sandbox::SandboxEvent, as JSON).
    pub sandbox: Vec<Value>,
    /// The sensor's events of the tool's processes, in kernel-timestamp order.
    pub sensor: Vec<Value>,
    /// Sensor events the kernel could not deliver (ring buffer full): counted, never silent.
    pub sensor_dropped: u64,
}

pub trait Watcher {
    /// The call's cgroup exists; the tool starts in it next.
    fn started(&mut self, cgroup_id: u64);
    /// `Some(reason)` to stop the tool now.
    fn check(&mut self) -> Option<String>;
    /// The tool has ended: what was seen (the `sandbox` list is the caller's to fill).
    fn finished(&mut self) -> CallEvents;
}

/// No sensor: nothing is watched.
pub struct Unwatched;

impl Watcher for Unwatched {
    fn started(&mut self, _: u64) {}
    fn check(&mut self) -> Option<String> {
        None
    }
    fn finished(&mut self) -> CallEvents {
        CallEvents::default()
    }
}
