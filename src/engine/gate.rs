//! The policy gate: the interpreter's `ToolHost`. Every call is mapped to parameter names,
//! judged by every policy, approved if it must be, and only then run.

use super::approval::{Approval, Approver};
use super::input::input_document;
use super::spec::ToolSpec;
use super::tools::ToolSet;
use bactrian_interpreter::{ArgValue, HostError, ToolCall, ToolHost, ToolOutput};
use bactrian_policy::{Note, PolicySet, Reason, Verdict};
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
    /// The input document the policies saw.
    #[serde(skip)]
    pub input: Value,
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
        let mut decision = self.policies.decide(&input);
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
                        self.default,
                        format!("the default decision is {}", self.default.as_str()),
                    ),
                };
                decision.add("default", v, format!("no policy spoke; {why}"));
                v
            }
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
            input,
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
        match &result {
            Ok(out) => record.result = Some(out.value.clone()),
            Err(e) => record.error = Some(e.to_string()),
        }
        self.calls.push(record);
        result
    }
}
