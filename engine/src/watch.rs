//! What watches a tool while it runs (the eBPF sensor), as the tool runners see it: told the
//! call's cgroup before the tool starts, asked between polls whether a runtime rule says to
//! stop it, and asked at the end for what it saw.

use bactrian_sandbox::SandboxEvent;
use bactrian_sensor::Event;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{json, Value};

/// A runtime rule a tool's process broke (agent.yaml's `sensor.rules`, or a policy's
/// `runtime_deny`): the run stops.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Violation {
    /// Which rule: `deny_connect 10.0.0.0/8`, `policy: runtime_deny`.
    pub rule: String,
    /// What the process did, in words (`connected to 10.1.2.3:443`).
    pub what: String,
    pub event: Event,
}

/// One thing the sensor reports of a call.
#[derive(Debug, Clone, PartialEq)]
pub enum SensorReport {
    /// Something a process of the tool did.
    Seen(Event),
    /// A runtime rule it broke.
    Violated(Violation),
    /// The call could not be watched (why).
    Unwatched { reason: String },
}

/// As the record and `--json` carry a report: the event itself, or an object whose `kind` is
/// `rule_violated` or `unwatched`.
impl Serialize for SensorReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            SensorReport::Seen(event) => event.serialize(serializer),
            SensorReport::Violated(v) => json!({
                "kind": "rule_violated", "rule": v.rule, "what": v.what, "event": v.event,
            })
            .serialize(serializer),
            SensorReport::Unwatched { reason } => {
                json!({"kind": "unwatched", "reason": reason}).serialize(serializer)
            }
        }
    }
}

impl<'de> Deserialize<'de> for SensorReport {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = Value::deserialize(deserializer)?;
        match value.get("kind").and_then(Value::as_str) {
            Some("rule_violated") => serde_json::from_value(value)
                .map(SensorReport::Violated)
                .map_err(D::Error::custom),
            Some("unwatched") => Ok(SensorReport::Unwatched {
                reason: value
                    .get("reason")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
            }),
            _ => serde_json::from_value(value)
                .map(SensorReport::Seen)
                .map_err(D::Error::custom),
        }
    }
}

/// What the sandbox and the sensor saw of one call, in order.
#[derive(Debug, Default, Clone)]
pub struct CallEvents {
    pub sandbox: Vec<SandboxEvent>,
    /// The sensor's reports of the tool's processes, in kernel-timestamp order.
    pub sensor: Vec<SensorReport>,
    /// Sensor events the kernel could not deliver (ring buffer full): counted, never silent.
    pub sensor_dropped: u64,
}

impl CallEvents {
    /// The runtime rule the call's processes broke, if one was.
    pub fn violation(&self) -> Option<&Violation> {
        self.sensor.iter().find_map(|r| match r {
            SensorReport::Violated(v) => Some(v),
            _ => None,
        })
    }
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
