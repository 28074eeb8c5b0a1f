//! The eBPF sensor on the engine's side: loaded once per process, told each call's cgroup
//! before the tool starts, its events checked against the agent's runtime rules while the
//! tool runs (a violation stops the tool and the run), and kept with the call.

use super::convert::FromConfig;
use super::watch::{CallEvents, SensorReport, Violation, Watcher};
use bactrian_agent_config::{SensorConfig, SensorMode};
use bactrian_policy::PolicySet;
use bactrian_sensor::{Event, Rule, RuleSet, Sensor, Watch};
use serde_json::json;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// How long the end of a call waits for the last events in flight.
const SETTLE: Duration = Duration::from_millis(200);

/// The sensor of this process: loaded on first use, once (the kernel programs are global).
fn loaded() -> &'static Result<Arc<Sensor>, String> {
    static SENSOR: OnceLock<Result<Arc<Sensor>, String>> = OnceLock::new();
    SENSOR.get_or_init(|| Sensor::load().map(Arc::new).map_err(|e| e.to_string()))
}

/// Whether the sensor loads here: what it watches, or why not.
pub fn sensor_probe() -> Result<String, String> {
    let probe = bactrian_sensor::probe();
    if probe.available {
        Ok(probe.detail)
    } else {
        Err(probe.detail)
    }
}

/// The sensor and the agent's runtime rules.
#[derive(Clone)]
pub struct Sensing {
    sensor: Arc<Sensor>,
    rules: Arc<RuleSet>,
    /// Policies that declare `runtime_deny`, asked about every event.
    policies: Option<Arc<PolicySet>>,
    agent: String,
}

/// Why the sensor section cannot be honoured.
#[derive(Debug, thiserror::Error)]
pub enum SensingError {
    #[error("sensor.mode is required, but the eBPF sensor cannot load: {0}")]
    Required(String),
    #[error("sensor rule: {0}")]
    Rule(String),
}

impl Sensing {
    /// The sensor as `sensor:` asks: `None` for `off`, or for `auto` where it cannot load
    /// (said once on stderr).
    pub fn from_config(
        config: &SensorConfig,
        policies: Option<PolicySet>,
        agent: &str,
    ) -> Result<Option<Sensing>, SensingError> {
        if config.mode == SensorMode::Off {
            return Ok(None);
        }
        let rules: Vec<Rule> = config.rules.iter().map(Rule::from_config).collect();
        let rules = RuleSet::new(&rules).map_err(|e| SensingError::Rule(e.to_string()))?;
        match loaded() {
            Ok(sensor) => Ok(Some(Sensing {
                sensor: sensor.clone(),
                rules: Arc::new(rules),
                policies: policies.map(Arc::new),
                agent: agent.to_string(),
            })),
            Err(why) if config.mode == SensorMode::Required => {
                Err(SensingError::Required(why.clone()))
            }
            Err(why) => {
                static SAID: OnceLock<()> = OnceLock::new();
                SAID.get_or_init(|| {
                    eprintln!("bactrian: the eBPF sensor is off ({why}); tools run unwatched");
                });
                Ok(None)
            }
        }
    }

    /// A watcher for one call.
    pub fn watcher(&self, tool: &str, call: &str) -> SensorWatcher {
        SensorWatcher {
            sensing: self.clone(),
            tool: tool.to_string(),
            call: call.to_string(),
            watch: None,
            seen: Vec::new(),
            violation: None,
            error: None,
        }
    }

    /// Starts watching a long-lived process's cgroup (an MCP server).
    pub fn watch(&self, cgroup_id: u64) -> Option<Watch> {
        self.sensor.watch(cgroup_id).ok()
    }

    /// Checks events of a long-lived process; the first violation, if any.
    pub fn check(&self, events: &[Event], tool: &str, call: &str) -> Option<Violation> {
        events.iter().find_map(|e| self.judge(e, tool, call))
    }

    /// The first rule `event` breaks — agent.yaml's runtime rules, then the policies'
    /// `runtime_deny` — as the violation the record keeps.
    fn judge(&self, event: &Event, tool: &str, call: &str) -> Option<Violation> {
        if let Some(v) = self.rules.check(event) {
            return Some(Violation {
                rule: v.rule.to_string(),
                what: v.to_string(),
                event: v.event.clone(),
            });
        }
        let policies = self.policies.as_ref()?;
        let input = json!({"tool": tool, "call": call, "agent": self.agent, "event": event});
        let reasons = policies.runtime_deny(&input);
        let (policy, message) = reasons.into_iter().next()?;
        Some(Violation {
            rule: format!("{policy}: runtime_deny"),
            what: format!("was denied by {policy}: {message}"),
            event: event.clone(),
        })
    }
}

/// Watches one call: registered before the tool starts, checked between polls.
pub struct SensorWatcher {
    sensing: Sensing,
    tool: String,
    call: String,
    watch: Option<Watch>,
    seen: Vec<Event>,
    violation: Option<Violation>,
    error: Option<String>,
}

impl Watcher for SensorWatcher {
    fn started(&mut self, cgroup_id: u64) {
        match self.sensing.sensor.watch(cgroup_id) {
            Ok(w) => self.watch = Some(w),
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    fn check(&mut self) -> Option<String> {
        let watch = self.watch.as_ref()?;
        let fresh = watch.try_events();
        // Opens reach the reader in batches; rules must not wait for a batch to fill.
        watch.flush();
        let violation = fresh
            .iter()
            .find_map(|e| self.sensing.judge(e, &self.tool, &self.call));
        self.seen.extend(fresh);
        let v = violation?;
        let reason = format!("it {}", v.what);
        self.violation = Some(v);
        Some(reason)
    }

    fn finished(&mut self) -> CallEvents {
        let mut events = CallEvents::default();
        if let Some(watch) = self.watch.take() {
            let finished = watch.finish(SETTLE);
            // Events after the last check still answer to the rules: the record says so even
            // when the tool had already ended.
            if self.violation.is_none() {
                self.violation = finished
                    .events
                    .iter()
                    .find_map(|e| self.sensing.judge(e, &self.tool, &self.call));
            }
            self.seen.extend(finished.events);
            events.sensor_dropped = finished.dropped;
        }
        self.seen.sort_by_key(|e| e.ktime_ns);
        events.sensor = self.seen.drain(..).map(SensorReport::Seen).collect();
        if let Some(v) = self.violation.take() {
            events.sensor.push(SensorReport::Violated(v));
        }
        if let Some(reason) = self.error.take() {
            events.sensor.push(SensorReport::Unwatched { reason });
        }
        events
    }
}
