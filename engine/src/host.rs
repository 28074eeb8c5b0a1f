//! Host tools: tools that live in the client (an agent runtime's own functions), declared with
//! a JSON Schema for their parameters and the same labels as agent.yaml tools. The engine
//! judges a host call like any other; a host (the daemon) carries the allowed call to the
//! client and brings its answer back.
//!
//! The labels of a host tool's result come from its declaration. The client's answer may
//! only tighten them: a part it labels gets fewer readers (never more than the declaration
//! allows) and is trusted only when the declaration says the tool's output is.

use super::spec::{audience_from_json, param_type_from_json_schema, ParamSpec, ToolSpec};
use bactrian_interpreter::{HostError, PartLabel, ToolOutput};
use bactrian_policy::Verdict;
use bactrian_provenance::Readers;
use serde::Deserialize;
use serde_json::{Map, Value};

/// How a client declares a host tool (`POST /v1/agents`, `host_tools`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostToolDecl {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    /// A JSON Schema of type `object`: `properties` in positional order, `required`. A
    /// property may carry `sensitive`, `recipient` and `redact` (booleans), as agent.yaml
    /// parameters do, and `default`.
    #[serde(default)]
    pub parameters: Option<Value>,
    #[serde(default)]
    pub side_effects: bool,
    #[serde(default)]
    pub trusted_output: bool,
    /// `"public"` (the default) or a list of principals.
    #[serde(default)]
    pub output_readers: Option<Readers>,
    /// `"public"`, `"user"` or a list of principals; absent is unknown.
    #[serde(default)]
    pub audience: Option<Value>,
    /// `allow`, `ask` or `deny`: the decision for calls no policy speaks to.
    #[serde(default)]
    pub policy_default: Option<String>,
}

impl HostToolDecl {
    /// The tool as the engine judges it; an error names what is wrong with the declaration.
    pub fn to_spec(&self) -> Result<ToolSpec, String> {
        let name = &self.name;
        // The names agent.yaml accepts, for the same reasons (a plan must be able to call it).
        if let Some(problem) = bactrian_agent_config::tool_name_problem(name) {
            return Err(problem);
        }
        if name == bactrian_interpreter::QUARANTINED_LLM || name == "BaseModel" {
            return Err(format!("tool name `{name}` is reserved"));
        }
        let mut spec = ToolSpec::new(name);
        spec.description = self.description.clone();
        spec.side_effects = self.side_effects;
        spec.trusted_output = self.trusted_output;
        spec.output_readers = self.output_readers.clone().unwrap_or(Readers::Public);
        if let Some(a) = &self.audience {
            spec.audience = Some(audience_from_json(a).ok_or_else(|| {
                format!("{name}: audience must be \"public\", \"user\" or a list of principals")
            })?);
        }
        if let Some(d) = &self.policy_default {
            spec.default = Some(d.parse::<Verdict>().map_err(|_| {
                format!("{name}: policy_default must be allow, ask or deny, not {d:?}")
            })?);
        }
        let Some(schema) = &self.parameters else {
            return Ok(spec);
        };
        let Some(obj) = schema.as_object() else {
            return Err(format!("{name}: parameters must be a JSON Schema object"));
        };
        if let Some(t) = obj.get("type") {
            if t != "object" {
                return Err(format!("{name}: parameters must have \"type\": \"object\""));
            }
        }
        let required: Vec<&str> = match obj.get("required") {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .map(|i| {
                    i.as_str()
                        .ok_or_else(|| format!("{name}: required must list parameter names"))
                })
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(format!("{name}: required must be a list")),
        };
        let properties = match obj.get("properties") {
            None => Map::new(),
            Some(Value::Object(p)) => p.clone(),
            Some(_) => return Err(format!("{name}: properties must be an object")),
        };
        for r in &required {
            if !properties.contains_key(*r) {
                return Err(format!(
                    "{name}: required parameter '{r}' is not among the properties"
                ));
            }
        }
        for (pname, prop) in &properties {
            if let Some(problem) = bactrian_agent_config::parameter_name_problem(pname) {
                return Err(format!("{name}: {problem}"));
            }
            let flag = |key: &str| -> Result<bool, String> {
                match prop.get(key) {
                    None => Ok(false),
                    Some(Value::Bool(b)) => Ok(*b),
                    Some(_) => Err(format!("{name}.{pname}: {key} must be true or false")),
                }
            };
            let ty = param_type_from_json_schema(prop.get("type").and_then(Value::as_str));
            let mut param = ParamSpec::new(pname).typed(ty);
            param.sensitive = flag("sensitive")?;
            param.recipient = flag("recipient")?;
            param.redact = flag("redact")?;
            param.required = required.contains(&pname.as_str());
            param.description = prop
                .get("description")
                .and_then(Value::as_str)
                .map(String::from);
            if let Some(d) = prop.get("default") {
                param = param.default_value(d.clone());
            }
            spec.params.push(param);
        }
        Ok(spec)
    }
}

/// A label the client puts on part of its answer (`labels` in a resume).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerLabel {
    /// Object keys and array indices from the result's root.
    #[serde(default)]
    pub path: Vec<Value>,
    /// Fewer readers for this part (met with the declared output readers).
    #[serde(default)]
    pub readers: Option<Readers>,
    /// Who wrote this part (an email's sender), for the record and the policies.
    #[serde(default)]
    pub inner: Option<String>,
    /// `false` marks the part untrusted even when the tool's output is trusted; `true` is
    /// the declaration's to give, never the answer's.
    #[serde(default)]
    pub trusted: Option<bool>,
}

/// The labelled output of host call `call_id` from the client's `result` and `labels`: the
/// declaration's labels, tightened by the answer's, never loosened.
pub fn host_output(
    spec: &ToolSpec,
    call_id: &str,
    result: Value,
    labels: &[AnswerLabel],
) -> Result<ToolOutput, HostError> {
    let mut output = spec.output(call_id, result);
    let mut parts = Vec::with_capacity(labels.len());
    for (i, label) in labels.iter().enumerate() {
        let path = label
            .path
            .iter()
            .map(|p| match p {
                Value::String(s) => Ok(s.clone()),
                Value::Number(n) if n.is_u64() => Ok(n.to_string()),
                _ => Err(HostError::ToolFailed(format!(
                    "labels[{i}].path: each step is a key (string) or an index (integer)"
                ))),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let readers = Some(match &label.readers {
            Some(r) => r.meet(&spec.output_readers),
            None => spec.output_readers.clone(),
        });
        parts.push(PartLabel {
            path,
            inner: label.inner.clone(),
            readers,
            trusted: spec.trusted_output && label.trusted != Some(false),
        });
    }
    super::tools::check_part_paths(&output.value, &parts)?;
    output.parts = parts;
    Ok(output)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn decl(v: Value) -> HostToolDecl {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn a_declaration_becomes_a_spec_with_its_labels() {
        let spec = decl(json!({
            "name": "send_email",
            "parameters": {"type": "object",
                "properties": {"to": {"type": "string", "sensitive": true, "recipient": true},
                               "body": {"type": "string"},
                               "cc": {"type": "array", "default": []}},
                "required": ["to", "body"]},
            "side_effects": true, "audience": "user"}))
        .to_spec()
        .unwrap();
        let names: Vec<&str> = spec.params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["to", "body", "cc"]);
        assert!(spec.params[0].sensitive && spec.params[0].recipient && spec.params[0].required);
        assert!(!spec.params[2].required);
        assert!(spec.side_effects);
        assert_eq!(spec.audience, Some(bactrian_agent_config::Audience::User));
    }

    #[test]
    fn bad_declarations_are_refused_with_a_reason() {
        for (v, want) in [
            (json!({"name": "not a name"}), "not a Python identifier"),
            (json!({"name": "t", "parameters": []}), "JSON Schema object"),
            (
                json!({"name": "t", "parameters": {"properties": {}, "required": ["x"]}}),
                "not among the properties",
            ),
            (
                json!({"name": "t", "parameters": {"properties": {"x": {"sensitive": "yes"}}}}),
                "must be true or false",
            ),
            (
                json!({"name": "t", "policy_default": "maybe"}),
                "allow, ask or deny",
            ),
        ] {
            let err = decl(v).to_spec().unwrap_err();
            assert!(err.contains(want), "{err}");
        }
    }

    #[test]
    fn an_answer_cannot_loosen_the_declared_labels() {
        let mut spec = ToolSpec::new("read_inbox");
        spec.output_readers = Readers::only(["alice@x.com"]);
        let labels: Vec<AnswerLabel> = serde_json::from_value(json!([
            {"path": ["body"], "readers": "public", "trusted": true, "inner": "alice@x.com"}
        ]))
        .unwrap();
        let out = host_output(&spec, "c1", json!({"body": "hi"}), &labels).unwrap();
        let part = &out.parts[0];
        assert!(!part.trusted, "the declaration does not trust the output");
        assert_eq!(part.readers, Some(Readers::only(["alice@x.com"])));
        assert_eq!(out.readers, Readers::only(["alice@x.com"]));
    }

    #[test]
    fn an_answer_can_tighten_the_declared_labels() {
        let mut spec = ToolSpec::new("clock");
        spec.trusted_output = true;
        let labels: Vec<AnswerLabel> = serde_json::from_value(json!([
            {"path": ["note"], "readers": ["bob"], "trusted": false}
        ]))
        .unwrap();
        let out = host_output(&spec, "c1", json!({"note": "x", "t": 1}), &labels).unwrap();
        assert!(!out.parts[0].trusted);
        assert_eq!(out.parts[0].readers, Some(Readers::only(["bob"])));
        let missing: Vec<AnswerLabel> =
            serde_json::from_value(json!([{"path": ["nope"]}])).unwrap();
        assert!(host_output(&spec, "c1", json!({}), &missing).is_err());
    }
}
