//! The policy gate: the interpreter's `ToolHost`. Every call is mapped to parameter names,
//! judged by every policy, approved if it must be, and only then run.

use super::approval::{Approval, Approver};
use super::input::{input_document, InputVersion};
use super::recorder::Recorder;
use super::spec::{ParamSpec, ParamType, ToolSpec};
use super::tools::ToolSet;
use super::watch::SensorReport;
use bactrian_interpreter::{
    ArgValue, HostError, PartLabel, Progress, ToolCall, ToolHost, ToolOutput,
};
use bactrian_policy::{Decision, Note, PolicySet, Reason, Verdict};
use bactrian_sandbox::SandboxEvent;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::borrow::Cow;

/// One tool call as it appears in `--json` output and in the record.
#[derive(Clone, Debug, Serialize)]
pub struct CallRecord {
    pub id: String,
    pub index: u32,
    pub tool: String,
    pub line: u32,
    /// The input document the policies saw. Written out as `args`, its arguments by
    /// parameter name, each with its value and label (one copy, not two: a list argument
    /// may be large).
    #[serde(rename = "args", serialize_with = "serialize_args")]
    pub input: Value,
    /// What the policies decided (for `ask`, see `approval`).
    pub decision: Verdict,
    pub reasons: Vec<Reason>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<Note>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval: Option<&'static str>,
    /// The tool's result, when it ran and answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
    /// The labels the tool gave parts of its result (the record keeps them for replay).
    #[serde(skip)]
    pub result_parts: Vec<PartLabel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The error stopped the run (a sandbox or sensor rule, a fence that could not be
    /// enacted), rather than reaching the plan as a `ToolError`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub stopped: bool,
    /// What the sandbox reported: the fence, how the tool ended, limits it hit.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sandbox: Vec<SandboxEvent>,
    /// What the eBPF sensor saw the tool's processes do, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sensor: Vec<SensorReport>,
    /// Sensor events lost in the kernel (counted, never silent).
    #[serde(skip_serializing_if = "is_zero")]
    pub sensor_dropped: u64,
    /// The derivation nodes of the arguments, in parameter order.
    #[serde(skip)]
    pub arg_nodes: Vec<u32>,
}

impl CallRecord {
    /// The arguments by parameter name, each with its value and label.
    pub fn args(&self) -> Option<&Map<String, Value>> {
        self.input.get("args").and_then(Value::as_object)
    }
}

fn serialize_args<S: serde::Serializer>(input: &Value, out: S) -> Result<S::Ok, S::Error> {
    match input.get("args") {
        Some(args) => args.serialize(out),
        None => Map::new().serialize(out),
    }
}

/// The run stops: the record could not be written.
fn record_failure(failure: &str) -> HostError {
    HostError::Stopped(format!("the record could not be written: {failure}"))
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Where each call's decision comes from.
#[derive(Debug, Default)]
pub enum DecisionSource {
    /// The policies judge each call; the default answers a call none speaks to.
    #[default]
    Policies,
    /// Replaying a record: the decisions it holds, in call order (then the policies, for
    /// calls the record does not have).
    Recorded(std::collections::VecDeque<(Verdict, Decision)>),
}

impl DecisionSource {
    fn decide(
        &mut self,
        spec: &ToolSpec,
        policies: &PolicySet,
        input: &Value,
        default: Verdict,
    ) -> (Verdict, Decision) {
        match self {
            DecisionSource::Recorded(recorded) => match recorded.pop_front() {
                Some(decision) => decision,
                None => judge(spec, policies, input, default),
            },
            DecisionSource::Policies => judge(spec, policies, input, default),
        }
    }
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
    /// Who decides each call: the policies, or (replaying) the record.
    pub decisions: &'a mut DecisionSource,
    /// The input document to build (an older record's, when replaying it).
    pub input_version: InputVersion,
    /// Why the record could not take the steps before the next call, if it could not.
    pub record_broken: Option<String>,
}

/// The Python name of a JSON value's type, for `TypeError` messages (never the value).
fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_i64() || n.is_u64() => "int",
        Value::Number(_) => "float",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// Whether an argument's value fits the parameter's declared type. `None` fits only a
/// parameter that is not required; an `int` is a `float` too; a big integer (beyond 64 bits)
/// reaches the host as a string of digits and is an `int`.
fn fits(param: &ParamSpec, v: &Value) -> bool {
    let big_int = |s: &str| {
        let digits = s.strip_prefix('-').unwrap_or(s);
        !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<i64>().is_err()
            && s.parse::<u64>().is_err()
    };
    match (param.ty, v) {
        (_, Value::Null) => !param.required,
        (ParamType::Any, _) => true,
        (ParamType::Str, Value::String(_)) => true,
        (ParamType::Int, Value::Number(n)) => n.is_i64() || n.is_u64(),
        (ParamType::Int, Value::String(s)) => big_int(s),
        (ParamType::Float, Value::Number(_)) => true,
        (ParamType::Float, Value::String(s)) => big_int(s),
        (ParamType::Bool, Value::Bool(_)) => true,
        (ParamType::List, Value::Array(_)) => true,
        (ParamType::Dict, Value::Object(_)) => true,
        _ => false,
    }
}

/// Why values of a call must not be quoted by the engine: each argument (or, when none is,
/// the call's context) that is untrusted or whose readers are restricted, with its untrusted
/// sources. `None` when everything is trusted and public.
fn taint_of(named: &[(String, &ArgValue)], call: &ToolCall) -> Option<String> {
    let phrase = |name: &str, label: &bactrian_provenance::LabelData| {
        let restricted = matches!(label.readers, bactrian_provenance::Readers::Only(_));
        let untrusted: Vec<String> = label.untrusted_sources().map(|s| s.describe()).collect();
        match (untrusted.is_empty(), restricted) {
            (true, false) => None,
            (true, true) => Some(format!("{name} is restricted to its readers")),
            (false, r) => Some(format!(
                "{name} came from {}{}",
                untrusted.join(", "),
                if r {
                    " and is restricted to its readers"
                } else {
                    ""
                }
            )),
        }
    };
    let mut phrases: Vec<String> = named
        .iter()
        .filter_map(|(n, a)| phrase(n, &a.label))
        .collect();
    if phrases.is_empty() {
        phrases.extend(phrase("the call's context", &call.context));
    }
    (!phrases.is_empty()).then(|| phrases.join("; "))
}

/// Maps positional and keyword arguments to the tool's declared parameters, so that no rule
/// can be bypassed by passing a recipient positionally; checks each argument's declared type
/// (a `TypeError` that names the parameter and the types, never the value); and adds the
/// declared default of each parameter the plan omits. A default is labeled with the call's
/// context: it is passed because the call happens.
fn bind<'c>(
    spec: &ToolSpec,
    call: &'c ToolCall,
) -> Result<Vec<(String, Cow<'c, ArgValue>)>, HostError> {
    let name = &spec.name;
    if call.args.len() > spec.params.len() {
        return Err(HostError::BadCall(format!(
            "{name}() takes {} positional argument{} but {} were given",
            spec.params.len(),
            if spec.params.len() == 1 { "" } else { "s" },
            call.args.len()
        )));
    }
    let mut named: Vec<(String, Cow<'c, ArgValue>)> = spec
        .params
        .iter()
        .zip(&call.args)
        .map(|(p, a)| (p.name.clone(), Cow::Borrowed(a)))
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
        named.push((k.clone(), Cow::Borrowed(v)));
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
    for p in &spec.params {
        if let Some((_, arg)) = named.iter().find(|(n, _)| n == &p.name) {
            if !fits(p, &arg.value) {
                let want = if arg.value.is_null() {
                    format!("{} (it is required)", p.ty)
                } else {
                    p.ty.to_string()
                };
                return Err(HostError::BadCall(format!(
                    "{name}() argument '{}' must be {want}, not {}",
                    p.name,
                    type_name(&arg.value)
                )));
            }
        }
    }
    for p in &spec.params {
        if let Some(default) = &p.default {
            if !named.iter().any(|(n, _)| n == &p.name) {
                named.push((
                    p.name.clone(),
                    Cow::Owned(ArgValue {
                        value: default.clone(),
                        label: call.context.clone(),
                        node: 0,
                        lineage: format!("{} (the default in agent.yaml)", p.name),
                        items: Vec::new(),
                        fields: Vec::new(),
                    }),
                ));
            }
        }
    }
    // Declared order, whatever order they were passed in.
    named.sort_by_key(|(n, _)| spec.params.iter().position(|p| &p.name == n));
    Ok(named)
}

/// Asks every policy about one call, then applies the defaults.
///
/// The built-in rules never allow; a configured policy (a YAML rule or Rego) permits the
/// tool by answering `allow` or `ask` ([`Decision::permitted`]). When none does, and nothing
/// denied the call already, the default joins the answers: the tool's `policy_default` if
/// set, else `deny` for a tool with side effects, else the engine's default. The strictest
/// answer wins, so a tool with side effects runs only when a policy allows it or its own
/// default does, and a built-in violation (`deny`, or `ask` under `policy.builtin: ask`)
/// still stands.
pub fn judge(
    spec: &ToolSpec,
    policies: &PolicySet,
    input: &Value,
    default: Verdict,
) -> (Verdict, Decision) {
    let mut decision = policies.decide(input);
    if !decision.permitted && decision.verdict != Some(Verdict::Deny) {
        let (v, why) = match spec.default {
            Some(v) => (
                v,
                format!(
                    "no policy allows {}; its policy_default is {}",
                    spec.name,
                    v.as_str()
                ),
            ),
            None if spec.side_effects => (
                Verdict::Deny,
                format!("{} has side effects and no policy allows it", spec.name),
            ),
            None => (
                default,
                format!(
                    "no policy allows {}; the default decision is {}",
                    spec.name,
                    default.as_str()
                ),
            ),
        };
        decision.add("default", v, why);
    }
    let verdict = decision.verdict.unwrap_or(default);
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
            if let Err(failure) = recorder.progress(&progress) {
                self.record_broken = Some(failure);
            }
        }
    }

    fn call(&mut self, call: &ToolCall) -> Result<ToolOutput, HostError> {
        // The steps before this call are not all in the record: stop before the policies
        // judge the call or a person is asked to approve it.
        if let Some(failure) = &self.record_broken {
            return Err(record_failure(failure));
        }
        let Some(spec) = self.tools.specs().into_iter().find(|s| s.name == call.tool) else {
            return Err(HostError::BadCall(format!("no tool named '{}'", call.tool)));
        };
        let named = bind(&spec, call)?;
        let borrowed: Vec<(String, &ArgValue)> =
            named.iter().map(|(n, a)| (n.clone(), a.as_ref())).collect();
        let input = input_document(
            &spec,
            call,
            &borrowed,
            &self.trusted_values,
            self.agent,
            &self.history(),
            self.input_version,
        );
        let (verdict, decision) = self
            .decisions
            .decide(&spec, self.policies, &input, self.default);
        let mut record = CallRecord {
            id: call.id.clone(),
            index: call.index,
            tool: call.tool.clone(),
            line: call.line,
            input,
            decision: verdict,
            reasons: decision.reasons.clone(),
            audit: decision.audit.clone(),
            approval: None,
            result: None,
            result_parts: Vec::new(),
            error: None,
            stopped: false,
            sandbox: Vec::new(),
            sensor: Vec::new(),
            sensor_dropped: 0,
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
            if let Err(failure) = recorder.decided(&record, &redacted) {
                // Fail closed: nothing runs that the record cannot show.
                self.calls.push(record);
                return Err(record_failure(&failure));
            }
        }
        if !allowed {
            // Each message once, in order (a set: a policy may give many).
            let mut seen = std::collections::HashSet::new();
            let reasons: Vec<&str> = decision
                .reasons
                .iter()
                .filter(|r| r.verdict == verdict && seen.insert(r.message.as_str()))
                .map(|r| r.message.as_str())
                .collect();
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
        let labels: Map<String, Value> = named
            .iter()
            .map(|(n, a)| {
                (
                    n.clone(),
                    json!({"trusted": a.label.is_trusted(), "sources": a.label.sources, "readers": a.label.readers}),
                )
            })
            .collect();
        let outcome = self.tools.run(&spec, &call.id, &plain, &labels);
        let result = match outcome.result {
            // A tool's own complaint about its arguments (an MCP server's validation error)
            // may quote them: it reaches the plan as a TypeError, whose message is trusted.
            Err(HostError::BadCall(message)) => {
                Err(HostError::BadCall(match taint_of(&borrowed, call) {
                    Some(taint) => format!(
                        "{}() refused its arguments; its message is withheld (it may quote \
                         untrusted or restricted data): {taint}",
                        spec.name
                    ),
                    None => message,
                }))
            }
            other => other,
        };
        let events = outcome.events;
        record.sandbox = events.sandbox;
        record.sensor = events.sensor;
        record.sensor_dropped = events.sensor_dropped;
        match &result {
            Ok(out) => {
                record.result = Some(out.value.clone());
                record.result_parts = out.parts.clone();
            }
            Err(e) => {
                record.error = Some(e.to_string());
                record.stopped = matches!(e, HostError::Stopped(_));
            }
        }
        if let Some(recorder) = self.recorder.as_deref_mut() {
            if let Err(failure) = recorder.finished(&record) {
                // Stop at once: the plan must not go on with what the record cannot show.
                self.calls.push(record);
                return Err(record_failure(&failure));
            }
        }
        self.calls.push(record);
        result
    }
}
