//! The policy gate: the interpreter's `ToolHost`. Every call is mapped to parameter names,
//! judged by every policy, approved if it must be, and only then run.

use super::approval::{Approval, Approver};
use super::input::input_document;
use super::recorder::Recorder;
use super::spec::ToolSpec;
use super::tools::ToolSet;
use bactrian_interpreter::{ArgValue, HostError, Progress, ToolCall, ToolHost, ToolOutput};
use bactrian_policy::{Decision, Note, PolicySet, Reason, Verdict};
use serde::Serialize;
use serde_json::{json, Map, Value};

/// One tool call as it appears in `--json` output and in the record.
#[derive(Clone, Debug, Serialize)]
pub struct CallRecord {
    pub id: String,
    pub index: u32,
    pub tool: String,
    pub line: u32,
    /// Arguments by parameter name, each with its value and label.
    pub args: Map<String, Value>,
    /// `allow`, `ask` (then see `approval`) or `deny`.
    pub decision: &'static str,
    pub reasons: Vec<Reason>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<Note>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval: Option<&'static str>,
    /// The tool's result, when it ran and answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// What the sandbox reported: the fence, how the tool ended, limits it hit.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sandbox: Vec<Value>,
    /// What the eBPF sensor saw the tool's processes do, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sensor: Vec<Value>,
    /// Sensor events lost in the kernel (counted, never silent).
    #[serde(skip_serializing_if = "is_zero")]
    pub sensor_dropped: u64,
    /// The input document the policies saw.
    #[serde(skip)]
    pub input: Value,
    /// The derivation nodes of the arguments, in parameter order.
    #[serde(skip)]
    pub arg_nodes: Vec<u32>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

pub struct PolicyGate<'a> {
    pub tools: &'a mut (dyn ToolSet + Send),
    pub policies: &'a PolicySet,
    pub agent: &'a str,
    pub trusted_values: Vec<String>,
    pub default: Verdict,
    pub approver: &'a mut (dyn Approver + Send),
    pub calls: Vec<CallRecord>,
    /// Tools approved "for the rest of the run".
    pub approved_for_run: Vec<String>,
    /// Where every step goes, when the run is recorded.
    pub recorder: Option<&'a mut Recorder>,
    /// When replaying: the recorded decisions, in call order.
    pub replay: Option<std::collections::VecDeque<(Verdict, Decision)>>,
}

/// Maps positional and keyword arguments to the tool's declared parameters, so that no rule
/// can be bypassed by passing a recipient positionally.
fn bind<'c>(spec: &ToolSpec, call: &'c ToolCall) -> Result<Vec<(String, &'c ArgValue)>, HostError> {
    let name = &spec.name;
    if call.args.len() > spec.params.len() {
        return Err(HostError::BadCall(format!(
            "{name}() takes {} positional argument{} but {} were given",
            spec.params.len(),
            if spec.params.len() == 1 { "" } else { "s" },
            call.args.len()
        )));
    }
    let mut named: Vec<(String, &ArgValue)> = spec
        .params
        .iter()
        .zip(&call.args)
        .map(|(p, a)| (p.name.clone(), a))
        .collect();
    for (k, v) in &call.kwargs {
        if !spec.params.iter().any(|p| &p.name == k) {
            return Err(HostError::BadCall(format!(
                "{name}() got an unexpected keyword argument '{k}'"
            )));
        }
        if named.iter().any(|(n, _)| n == k) {
            return Err(HostError::BadCall(format!(
                "{name}() got multiple values for argument '{k}'"
            )));
        }
        named.push((k.clone(), v));
    }
    let missing: Vec<&str> = spec
        .params
        .iter()
        .filter(|p| p.required && !named.iter().any(|(n, _)| n == &p.name))
        .map(|p| p.name.as_str())
        .collect();
    if !missing.is_empty() {
        return Err(HostError::BadCall(format!(
            "{name}() missing required argument{}: {}",
            if missing.len() == 1 { "" } else { "s" },
            missing
                .iter()
                .map(|m| format!("'{m}'"))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    // Declared order, whatever order they were passed in.
    named.sort_by_key(|(n, _)| spec.params.iter().position(|p| &p.name == n));
    Ok(named)
}

/// Asks every policy about one call; when none speaks, the tool's default decides (deny for
/// tools with side effects), then the engine's.
pub fn judge(
    spec: &ToolSpec,
    policies: &PolicySet,
    input: &Value,
    default: Verdict,
) -> (Verdict, Decision) {
    let mut decision = policies.decide(input);
    let verdict = match decision.verdict {
        Some(v) => v,
        None => {
            let (v, why) = match spec.default {
                Some(v) => (
                    v,
                    format!("the default for {} is {}", spec.name, v.as_str()),
                ),
                None if spec.side_effects => (
                    Verdict::Deny,
                    format!("{} has side effects and no policy allows it", spec.name),
                ),
                None => (
                    default,
                    format!("the default decision is {}", default.as_str()),
                ),
            };
            decision.add("default", v, format!("no policy spoke; {why}"));
            v
        }
    };
    (verdict, decision)
}

impl PolicyGate<'_> {
    fn history(&self) -> Vec<Value> {
        self.calls
            .iter()
            .map(|c| json!({"tool": c.tool, "call": c.id, "decision": c.decision}))
            .collect()
    }
}

impl ToolHost for PolicyGate<'_> {
    fn tool_names(&self) -> Vec<String> {
        self.tools.specs().into_iter().map(|s| s.name).collect()
    }

    fn progress(&mut self, progress: Progress<'_>) {
        if let Some(recorder) = self.recorder.as_deref_mut() {
            recorder.progress(&progress);
        }
    }

    fn call(&mut self, call: &ToolCall) -> Result<ToolOutput, HostError> {
        let Some(spec) = self.tools.specs().into_iter().find(|s| s.name == call.tool) else {
            return Err(HostError::BadCall(format!("no tool named '{}'", call.tool)));
        };
        let named = bind(&spec, call)?;
        let input = input_document(
            &spec,
            call,
            &named,
            &self.trusted_values,
            self.agent,
            &self.history(),
        );
        let (verdict, decision) = match self.replay.as_mut().and_then(|r| r.pop_front()) {
            // Replaying: the decision the record holds.
            Some(recorded) => recorded,
            None => judge(&spec, self.policies, &input, self.default),
        };
        let args: Map<String, Value> = match &input["args"] {
            Value::Object(m) => m.clone(),
            _ => Map::new(),
        };
        let mut record = CallRecord {
            id: call.id.clone(),
            index: call.index,
            tool: call.tool.clone(),
            line: call.line,
            args,
            decision: verdict.as_str(),
            reasons: decision.reasons.clone(),
            audit: decision.audit.clone(),
            approval: None,
            result: None,
            error: None,
            sandbox: Vec::new(),
            sensor: Vec::new(),
            sensor_dropped: 0,
            input,
            arg_nodes: named.iter().map(|(_, a)| a.node).collect(),
        };
        let allowed = match verdict {
            Verdict::Allow => true,
            Verdict::Deny => false,
            Verdict::Ask => {
                let approval = if self.approved_for_run.contains(&spec.name) {
                    Approval::ForRun
                } else {
                    self.approver.approve(call, &decision.reasons)
                };
                record.approval = Some(approval.as_str());
                if approval == Approval::ForRun && !self.approved_for_run.contains(&spec.name) {
                    self.approved_for_run.push(spec.name.clone());
                }
                approval != Approval::Deny
            }
        };
        let redacted: Vec<String> = spec
            .params
            .iter()
            .filter(|p| p.redact)
            .map(|p| p.name.clone())
            .collect();
        if let Some(recorder) = self.recorder.as_deref_mut() {
            recorder.decided(&record, &redacted);
            if let Some(failure) = &recorder.failure {
                // Fail closed: nothing runs that the record cannot show.
                let reason = format!("the record could not be written: {failure}");
                self.calls.push(record);
                return Err(HostError::Stopped(reason));
            }
        }
        if !allowed {
            let mut reasons: Vec<String> = Vec::new();
            for r in decision.reasons.iter().filter(|r| r.verdict == verdict) {
                if !reasons.contains(&r.message) {
                    reasons.push(r.message.clone());
                }
            }
            let mut reason = reasons.join("; ");
            if verdict == Verdict::Ask {
                reason = format!("approval was not given ({reason})");
            }
            self.calls.push(record);
            return Err(HostError::Denied { reason });
        }
        let plain: Map<String, Value> = named
            .iter()
            .map(|(n, a)| (n.clone(), a.value.clone()))
            .collect();
        let result = self.tools.run(&spec, &call.id, &plain);
        let events = self.tools.take_events(&call.id);
        record.sandbox = events.sandbox;
        record.sensor = events.sensor;
        record.sensor_dropped = events.sensor_dropped;
        match &result {
            Ok(out) => record.result = Some(out.value.clone()),
            Err(e) => record.error = Some(e.to_string()),
        }
        if let Some(recorder) = self.recorder.as_deref_mut() {
            recorder.finished(&record);
        }
        self.calls.push(record);
        result
    }
}
