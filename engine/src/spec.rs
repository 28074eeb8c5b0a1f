//! What the engine knows about a tool: its parameters (in positional order) and how calls to
//! it are judged.

use super::convert::FromConfig;
pub use bactrian_agent_config::{Audience, ParamType};
use bactrian_policy::Verdict;
use bactrian_provenance::Readers;
use serde_json::Value;

/// One declared parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamSpec {
    pub name: String,
    /// The argument's type, checked at call time before any policy sees the call (a wrong
    /// type is a `TypeError`). Default [`ParamType::Any`].
    pub ty: ParamType,
    /// The value passed to the tool when the plan omits the argument (the parameter is then
    /// not required).
    pub default: Option<Value>,
    /// Must be trusted or equal to a value the user gave.
    pub sensitive: bool,
    /// Names who receives the call's data (for the readers rule).
    pub recipient: bool,
    pub required: bool,
    /// Stored as a hash in the record.
    pub redact: bool,
    /// What the parameter means, for the planner's prompt (agent.yaml's `description`, an
    /// MCP tool's schema, a host tool's registration). Not part of the record.
    pub description: Option<String>,
}

impl ParamSpec {
    pub fn new(name: &str) -> ParamSpec {
        ParamSpec {
            name: name.to_string(),
            ty: ParamType::Any,
            default: None,
            sensitive: false,
            recipient: false,
            required: true,
            redact: false,
            description: None,
        }
    }
    pub fn sensitive(mut self) -> Self {
        self.sensitive = true;
        self
    }
    pub fn recipient(mut self) -> Self {
        self.recipient = true;
        self
    }
    pub fn optional(mut self) -> Self {
        self.required = false;
        self
    }
    pub fn typed(mut self, ty: ParamType) -> Self {
        self.ty = ty;
        self
    }
    /// What the parameter means, for the planner's prompt.
    pub fn described(mut self, description: &str) -> Self {
        self.description = Some(description.to_string());
        self
    }
    /// A default value: the parameter is no longer required.
    pub fn default_value(mut self, value: Value) -> Self {
        self.default = Some(value);
        self.required = false;
        self
    }
}

/// One tool.
#[derive(Clone, Debug, PartialEq)]
pub struct ToolSpec {
    pub name: String,
    pub params: Vec<ParamSpec>,
    pub side_effects: bool,
    /// The decision for calls no policy speaks to; `None` uses the engine's default (deny
    /// for tools with side effects).
    pub default: Option<Verdict>,
    pub trusted_output: bool,
    /// Who may read what the tool returns.
    pub output_readers: Readers,
    /// Who reads the arguments the tool is given; `None` is unknown (restricted data may not
    /// reach the tool unless a recipient parameter names its readers).
    pub audience: Option<Audience>,
    /// What the tool does, for the planner's prompt. Not part of the record.
    pub description: Option<String>,
}

impl ToolSpec {
    /// `value` as the result of call `call_id` of this tool, labeled as its declaration says:
    /// from this call, trusted only if its output is, read by its output readers.
    pub fn output(&self, call_id: &str, value: Value) -> bactrian_interpreter::ToolOutput {
        bactrian_interpreter::ToolOutput {
            value,
            sources: [bactrian_provenance::Source::Tool {
                name: self.name.clone(),
                call: call_id.to_string(),
                inner: None,
                trusted: self.trusted_output,
            }]
            .into(),
            readers: self.output_readers.clone(),
            parts: Vec::new(),
        }
    }

    pub fn new(name: &str) -> ToolSpec {
        ToolSpec {
            name: name.to_string(),
            params: Vec::new(),
            side_effects: false,
            default: None,
            trusted_output: false,
            output_readers: Readers::Public,
            audience: None,
            description: None,
        }
    }
    /// What the tool does, for the planner's prompt.
    pub fn described(mut self, description: &str) -> Self {
        self.description = Some(description.to_string());
        self
    }
    pub fn param(mut self, p: ParamSpec) -> Self {
        self.params.push(p);
        self
    }
    pub fn side_effects(mut self) -> Self {
        self.side_effects = true;
        self
    }
    /// Only these principals may read the tool's output (a private mailbox).
    pub fn readers(mut self, principals: &[&str]) -> Self {
        self.output_readers = Readers::only(principals.iter().copied());
        self
    }

    pub fn trusted_output(mut self) -> Self {
        self.trusted_output = true;
        self
    }
    pub fn default_decision(mut self, v: Verdict) -> Self {
        self.default = Some(v);
        self
    }
    /// Who reads the arguments the tool is given.
    pub fn audience(mut self, audience: Audience) -> Self {
        self.audience = Some(audience);
        self
    }
}

/// A default from agent.yaml as the JSON a tool receives.
pub fn literal_json(l: &bactrian_agent_config::Literal) -> Value {
    use bactrian_agent_config::Literal;
    match l {
        Literal::Null => Value::Null,
        Literal::Bool(b) => Value::Bool(*b),
        Literal::Int(i) => Value::from(*i),
        Literal::Float(f) => serde_json::Number::from_f64(*f)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        Literal::Str(s) => Value::String(s.clone()),
        Literal::List(items) => Value::Array(items.iter().map(literal_json).collect()),
        Literal::Dict(pairs) => Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.clone(), literal_json(v)))
                .collect(),
        ),
    }
}

/// The audience as the input document and the record write it: `"public"`, `"user"`, a
/// list of principals, or `"unknown"`.
pub fn audience_json(audience: Option<&Audience>) -> Value {
    match audience {
        None => Value::from("unknown"),
        Some(Audience::Public) => Value::from("public"),
        Some(Audience::User) => Value::from("user"),
        Some(Audience::Principals(p)) => Value::from(p.clone()),
    }
}

/// The audience written by [`audience_json`]; anything else is unknown.
pub fn audience_from_json(v: &Value) -> Option<Audience> {
    match v {
        Value::String(s) if s == "public" => Some(Audience::Public),
        Value::String(s) if s == "user" => Some(Audience::User),
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map(String::from))
            .collect::<Option<Vec<_>>>()
            .map(Audience::Principals),
        _ => None,
    }
}

/// The parameter type of a JSON Schema `type` (an MCP tool's or a host tool's property);
/// `any` for anything else.
pub fn param_type_from_json_schema(ty: Option<&str>) -> ParamType {
    match ty {
        Some("string") => ParamType::Str,
        Some("integer") => ParamType::Int,
        Some("number") => ParamType::Float,
        Some("boolean") => ParamType::Bool,
        Some("array") => ParamType::List,
        Some("object") => ParamType::Dict,
        _ => ParamType::Any,
    }
}

/// `str`, `int`, ... for a type as agent.yaml writes it; `any` for anything unknown.
pub fn param_type_from_str(s: &str) -> ParamType {
    match s {
        "str" => ParamType::Str,
        "int" => ParamType::Int,
        "float" => ParamType::Float,
        "bool" => ParamType::Bool,
        "list" => ParamType::List,
        "dict" => ParamType::Dict,
        _ => ParamType::Any,
    }
}

impl From<&bactrian_agent_config::Tool> for ToolSpec {
    fn from(t: &bactrian_agent_config::Tool) -> ToolSpec {
        ToolSpec {
            name: t.name.clone(),
            params: t
                .parameters
                .iter()
                .map(|p| ParamSpec {
                    name: p.name.clone(),
                    ty: p.ty,
                    default: p.default.as_ref().map(literal_json),
                    sensitive: p.sensitive,
                    recipient: p.recipient,
                    required: p.required,
                    redact: p.redact,
                    description: p.description.clone(),
                })
                .collect(),
            side_effects: t.side_effects,
            default: t.policy_default.as_ref().map(Verdict::from_config),
            trusted_output: t.trusted_output,
            output_readers: Readers::from_config(&t.output_readers),
            audience: t.audience.clone(),
            description: t.description.clone(),
        }
    }
}
