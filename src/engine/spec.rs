//! What the engine knows about a tool: its parameters (in positional order) and how calls to
//! it are judged.

use bactrian_policy::Verdict;
use bactrian_provenance::Readers;

/// One declared parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamSpec {
    pub name: String,
    /// Must be trusted or equal to a value the user gave.
    pub sensitive: bool,
    /// Names who receives the call's data (for the readers rule).
    pub recipient: bool,
    pub required: bool,
    /// Stored as a hash in the record.
    pub redact: bool,
}

impl ParamSpec {
    pub fn new(name: &str) -> ParamSpec {
        ParamSpec {
            name: name.to_string(),
            sensitive: false,
            recipient: false,
            required: true,
            redact: false,
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
}

impl ToolSpec {
    pub fn new(name: &str) -> ToolSpec {
        ToolSpec {
            name: name.to_string(),
            params: Vec::new(),
            side_effects: false,
            default: None,
            trusted_output: false,
            output_readers: Readers::Public,
        }
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
                    sensitive: p.sensitive,
                    recipient: p.recipient,
                    required: p.required,
                    redact: p.redact,
                })
                .collect(),
            side_effects: t.side_effects,
            default: t.policy_default.map(|d| match d {
                bactrian_agent_config::DefaultDecision::Allow => Verdict::Allow,
                bactrian_agent_config::DefaultDecision::Ask => Verdict::Ask,
                bactrian_agent_config::DefaultDecision::Deny => Verdict::Deny,
            }),
            trusted_output: t.trusted_output,
            output_readers: match &t.output_readers {
                bactrian_agent_config::Readers::Public => Readers::Public,
                bactrian_agent_config::Readers::Principals(p) => Readers::only(p.iter().cloned()),
            },
        }
    }
}
