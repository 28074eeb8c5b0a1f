//! Replay: re-run a recorded program offline, answering every tool call from the record, check
//! that every step matches, and re-judge every call under other policies.

use super::approval::Approval;
use super::gate::{judge, DecisionSource};
use super::input::InputVersion;
use super::recorder::{MemorySink, MERGED, PARTS_THAT_DIFFER};
use super::spec::{audience_from_json, param_type_from_str, ParamSpec, ToolSpec};
use super::tools::{CallOutcome, ToolSet};
use super::watch::CallEvents;
use super::Engine;
use crate::fields::{field, text_field};
use crate::record::{node_hash, part_labels_from_json, with_key_order, Record};
use bactrian_interpreter::{HostError, Mode, PartLabel};
use bactrian_policy::{Decision, PolicySet, Reason, Verdict};
use bactrian_provenance::Readers;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{HashMap, VecDeque};

/// A call whose decision changes under the new policies.
#[derive(Debug, Serialize)]
pub struct Rejudged {
    pub call: String,
    pub tool: String,
    pub recorded: String,
    pub now: String,
    pub reasons: Vec<Reason>,
}

/// What a replay found.
#[derive(Debug, Serialize)]
pub struct ReplayReport {
    /// Nodes in the record and produced by the replay.
    pub recorded_nodes: usize,
    pub replayed_nodes: usize,
    /// Every step matched.
    pub identical: bool,
    /// The first step that differs, in words.
    pub divergence: Option<String>,
    /// Calls judged again (with `--policy`): those whose decision changes.
    pub changed: Vec<Rejudged>,
    /// How many calls were judged again.
    pub rejudged: usize,
}

/// Answers each call from the record.
struct RecordedTools {
    specs: Vec<ToolSpec>,
    /// Each call's result and the labels the tool gave its parts.
    results: HashMap<String, Result<(Value, Vec<PartLabel>), HostError>>,
    /// What the sandbox and the sensor saw of each call, as recorded.
    events: HashMap<String, CallEvents>,
}

impl ToolSet for RecordedTools {
    fn specs(&self) -> Vec<ToolSpec> {
        self.specs.clone()
    }

    fn run(
        &mut self,
        spec: &ToolSpec,
        call_id: &str,
        _args: &Map<String, Value>,
        _labels: &Map<String, Value>,
    ) -> CallOutcome {
        let events = self.events.remove(call_id).unwrap_or_default();
        let result = match self.results.get(call_id) {
            Some(Ok((value, parts))) => {
                let mut output = spec.output(call_id, value.clone());
                output.parts = parts.clone();
                Ok(output)
            }
            Some(Err(e)) => Err(e.clone()),
            None => Err(HostError::ToolFailed(format!(
                "the record holds no result for call {call_id}"
            ))),
        };
        CallOutcome { result, events }
    }
}

fn spec_of(tool: &Value) -> ToolSpec {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    ToolSpec {
        name: text(field(tool, "name")),
        params: field(tool, "params")
            .as_array()
            .map(|ps| {
                ps.iter()
                    .map(|p| ParamSpec {
                        name: text(field(p, "name")),
                        ty: param_type_from_str(text_field(p, "type").unwrap_or("any")),
                        default: p.get("default").cloned(),
                        sensitive: field(p, "sensitive").as_bool().unwrap_or(false),
                        recipient: field(p, "recipient").as_bool().unwrap_or(false),
                        required: field(p, "required").as_bool().unwrap_or(true),
                        redact: field(p, "redact").as_bool().unwrap_or(false),
                        // Descriptions are for the planner; the record does not keep them.
                        description: None,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        side_effects: field(tool, "side_effects").as_bool().unwrap_or(false),
        default: text_field(tool, "default").and_then(|d| d.parse().ok()),
        trusted_output: field(tool, "trusted_output").as_bool().unwrap_or(false),
        output_readers: serde_json::from_value(field(tool, "output_readers").clone())
            .unwrap_or(Readers::Public),
        audience: audience_from_json(field(tool, "audience")),
        description: None,
    }
}

/// Re-runs the program of `record`; with `policies`, also judges every recorded call again.
pub fn replay(record: &Record, policies: Option<&PolicySet>) -> Result<ReplayReport, String> {
    let program = record
        .nodes
        .iter()
        .find(|n| n.kind == "program")
        .ok_or("the record holds no program")?;
    let body = &program.body;
    let source = field(body, "source")
        .as_str()
        .ok_or("the program node has no source")?;
    let filename = text_field(body, "filename").unwrap_or("plan.py");
    let specs: Vec<ToolSpec> = field(body, "tools")
        .as_array()
        .map(|t| t.iter().map(spec_of).collect())
        .unwrap_or_default();
    let trusted: Vec<String> =
        serde_json::from_value(field(body, "trusted_values").clone()).unwrap_or_default();
    let default: Verdict = field(body, "default")
        .as_str()
        .and_then(|d| d.parse().ok())
        .unwrap_or(Verdict::Allow);

    let mut results = HashMap::new();
    let mut events: HashMap<String, CallEvents> = HashMap::new();
    let mut decisions = VecDeque::new();
    let mut approvals = VecDeque::new();
    let mut inputs = Vec::new();
    for n in &record.nodes {
        let call = text_field(&n.body, "call").unwrap_or_default().to_string();
        match n.kind.as_str() {
            "tool_result" => {
                let result = match n.body.get("keys") {
                    Some(keys) => with_key_order(field(&n.body, "result"), keys),
                    None => field(&n.body, "result").clone(),
                };
                let parts = match n.body.get("labels") {
                    Some(labels) => part_labels_from_json(labels)
                        .map_err(|e| format!("node {}: the tool result's {e}", n.seq))?,
                    None => Vec::new(),
                };
                results.insert(call, Ok((result, parts)));
            }
            "sandbox_event" => {
                let event =
                    serde_json::from_value(field(&n.body, "event").clone()).map_err(|e| {
                        format!("node {}: a sandbox event that does not parse: {e}", n.seq)
                    })?;
                events.entry(call).or_default().sandbox.push(event)
            }
            "sensor_event" if text_field(field(&n.body, "event"), "kind") == Some("dropped") => {
                events.entry(call).or_default().sensor_dropped =
                    field(field(&n.body, "event"), "count")
                        .as_u64()
                        .unwrap_or(0);
            }
            "sensor_event" => {
                let report =
                    serde_json::from_value(field(&n.body, "event").clone()).map_err(|e| {
                        format!("node {}: a sensor event that does not parse: {e}", n.seq)
                    })?;
                events.entry(call).or_default().sensor.push(report)
            }
            "tool_error" => {
                let error = text_field(&n.body, "error").unwrap_or_default().to_string();
                let failure = if field(&n.body, "stopped") == true {
                    HostError::Stopped(error)
                } else {
                    HostError::ToolFailed(error)
                };
                results.insert(call, Err(failure));
            }
            "decision" => {
                let verdict: Verdict = field(&n.body, "verdict")
                    .as_str()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(Verdict::Deny);
                let decision = Decision {
                    verdict: Some(verdict),
                    reasons: serde_json::from_value(field(&n.body, "reasons").clone())
                        .unwrap_or_default(),
                    audit: serde_json::from_value(field(&n.body, "audit").clone())
                        .unwrap_or_default(),
                    permitted: field(&n.body, "permitted").as_bool().unwrap_or(false),
                };
                decisions.push_back((verdict, decision));
                inputs.push((call, verdict, field(&n.body, "input").clone()));
            }
            "approval" => approvals.push_back(match text_field(&n.body, "answer") {
                Some("allow once") => Approval::Once,
                Some("allow for the rest of the run") => Approval::ForRun,
                _ => Approval::Deny,
            }),
            _ => {}
        }
    }

    let mut engine = Engine::new(RecordedTools {
        specs: specs.clone(),
        results,
        events,
    });
    engine.agent = text_field(body, "agent").unwrap_or("agent").to_string();
    engine.trusted_values = trusted;
    engine.default = default;
    engine.config.mode = if text_field(body, "mode") == Some("normal") {
        Mode::Normal
    } else {
        Mode::Strict
    };
    engine.decisions = DecisionSource::Recorded(decisions);
    // Records made before the input document had `context` and `audience` declare no
    // audience for their tools.
    let no_audience = field(body, "tools").as_array().is_some_and(|tools| {
        !tools.is_empty() && tools.iter().all(|t| t.get("audience").is_none())
    });
    // Records made before derivations sharing a lineage were merged have every one.
    engine.every_derivation = text_field(body, "derivations") != Some(MERGED);
    engine.input_version = if no_audience {
        InputVersion::NoContext
    } else if text_field(body, "input") == Some(PARTS_THAT_DIFFER) {
        InputVersion::PartsThatDiffer
    } else {
        // Records made before the program node said which document they built list
        // every part.
        InputVersion::EveryPart
    };
    engine.caller = body.get("caller").cloned();
    engine.approver = Box::new(move |_: &bactrian_interpreter::ToolCall, _: &[Reason]| {
        approvals.pop_front().unwrap_or(Approval::Deny)
    });
    let (_, recorder) = engine.run_recorded(filename, source, "", Box::new(MemorySink::default()));
    let replayed = recorder.into_memory().map(|m| m.nodes).unwrap_or_default();

    let mut divergence = None;
    for (i, (kind, body, parents)) in replayed.iter().enumerate() {
        let Some(recorded) = record.nodes.get(i) else {
            divergence = Some(format!(
                "step {}: the replay goes on ({kind}) where the record ends",
                i + 1
            ));
            break;
        };
        if node_hash(kind, body, parents) != recorded.hash.to_hex() {
            divergence = Some(format!(
                "step {} differs: the record has {} {}, the replay made {} {}",
                i + 1,
                recorded.kind,
                summary(&recorded.body),
                kind,
                summary(body)
            ));
            break;
        }
    }
    if divergence.is_none() && replayed.len() < record.nodes.len() {
        divergence = Some(format!(
            "step {}: the record goes on ({}) where the replay ended",
            replayed.len() + 1,
            record
                .nodes
                .get(replayed.len())
                .map_or("", |n| n.kind.as_str())
        ));
    }

    let mut changed = Vec::new();
    let mut rejudged = 0;
    if let Some(policies) = policies {
        for (call, verdict, input) in &inputs {
            let tool = text_field(input, "tool").unwrap_or_default();
            let Some(spec) = specs.iter().find(|s| s.name == tool) else {
                continue;
            };
            rejudged += 1;
            let (now, decision) = judge(spec, policies, input, default);
            if now != *verdict {
                changed.push(Rejudged {
                    call: call.clone(),
                    tool: tool.to_string(),
                    recorded: verdict.as_str().to_string(),
                    now: now.as_str().to_string(),
                    reasons: decision
                        .reasons
                        .into_iter()
                        .filter(|r| r.verdict == now)
                        .collect(),
                });
            }
        }
    }
    Ok(ReplayReport {
        recorded_nodes: record.nodes.len(),
        replayed_nodes: replayed.len(),
        identical: divergence.is_none(),
        divergence,
        changed,
        rejudged,
    })
}

/// A short description of a node body for divergence messages.
fn summary(body: &Value) -> String {
    let text = body.to_string();
    if text.chars().count() > 120 {
        format!("{}…", text.chars().take(119).collect::<String>())
    } else {
        text
    }
}
