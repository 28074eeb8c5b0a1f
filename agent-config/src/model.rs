//! The typed contents of an agent.yaml, after parsing and checking.
//!
//! Paths are absolute (resolved against the directory of agent.yaml), durations are
//! [`Duration`]s, sizes are bytes, and every default is filled in: a consumer never has to
//! know what an absent key means.

use std::collections::BTreeMap;
use std::fmt;
use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

use crate::error::Location;

/// How values are labelled inside branches (see DESIGN.md, "Propagation").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Values computed inside `if`/`for`/`while` on untrusted data carry that data's label.
    #[default]
    Strict,
    /// Only data flow is tracked.
    Normal,
}

/// The `llm:` section.
#[derive(Debug, Clone, PartialEq)]
pub struct Llm {
    /// `llm.secure_execution`; `false` (also when absent) means `bactrian run` refuses the agent.
    pub secure_execution: bool,
    /// Where `secure_execution` (or else the `llm:` section) is written, for the refusal message.
    pub secure_execution_at: Option<Location>,
    pub mode: Mode,
    /// The model behind `query_ai_assistant`, if configured.
    pub quarantined: Option<QuarantinedModel>,
}

/// The quarantined model: reads untrusted text, calls no tools.
#[derive(Debug, Clone, PartialEq)]
pub struct QuarantinedModel {
    pub backend: QuarantinedBackend,
    /// Per request; default 60s.
    pub timeout: Duration,
    /// `audience:` — who reads what the model is given (its provider). `None` (the default)
    /// is unknown: data whose readers are restricted may not be sent to it.
    pub audience: Option<Audience>,
}

/// How to reach the quarantined model.
#[derive(Debug, Clone, PartialEq)]
pub enum QuarantinedBackend {
    /// An OpenAI-compatible chat-completions endpoint.
    Http {
        /// e.g. `http://127.0.0.1:8080/v1` (the client appends `/chat/completions`).
        base_url: String,
        model: String,
        /// The name of the environment variable holding the API key (never the key).
        api_key_env: Option<String>,
    },
    /// A local program speaking JSON on stdin/stdout; `argv[0]` resolved like a tool's. It
    /// runs in the sandbox profile `sandbox` (default `"default"`; always a defined profile).
    Command { argv: Vec<String>, sandbox: String },
}

/// One entry of `tools:`: a JSON-protocol command tool, or an MCP server that provides
/// several tools (see [`ToolRunner`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Tool {
    /// The name the plan calls (for an MCP server: the namespace of its tools).
    pub name: String,
    pub description: Option<String>,
    pub runner: ToolRunner,
    /// Declared parameters, in order: positional arguments map to them in this order.
    /// Empty for an MCP server entry (its tools' parameters come from the server).
    pub parameters: Vec<Parameter>,
    /// The output is trusted (a clock, say). Default false.
    pub trusted_output: bool,
    /// Who may read the output. Default [`Readers::Public`].
    pub output_readers: Readers,
    /// `audience:` — who reads the arguments the tool is given. `None` (the default) is
    /// unknown, unless the tool has `recipient` parameters (then the recipients are).
    pub audience: Option<Audience>,
    /// The tool changes the world (sends, writes, pays). Default false.
    pub side_effects: bool,
    /// `policy_default:` — the decision for calls no policy speaks to, overriding both
    /// `policy.default` and the side-effects rule. See [`crate::AgentConfig::default_decision`].
    pub policy_default: Option<DefaultDecision>,
    /// Wall-clock limit for one call. Default 30s.
    pub timeout: Duration,
    /// Name of the sandbox profile the tool runs under. Default `"default"`; always names a
    /// profile in [`SandboxConfig::profiles`].
    pub sandbox: String,
    /// Where the entry starts in agent.yaml.
    pub location: Option<Location>,
}

impl Tool {
    /// The declared parameter called `name`.
    pub fn parameter(&self, name: &str) -> Option<&Parameter> {
        self.parameters.iter().find(|p| p.name == name)
    }

    /// The parameters marked `sensitive: true`, in declaration order.
    pub fn sensitive_parameters(&self) -> impl Iterator<Item = &Parameter> {
        self.parameters.iter().filter(|p| p.sensitive)
    }

    /// True for an entry that is an MCP server (whose tools are listed at start).
    pub fn is_mcp_server(&self) -> bool {
        matches!(self.runner, ToolRunner::Mcp(_))
    }
}

/// How a tool runs.
#[derive(Debug, Clone, PartialEq)]
pub enum ToolRunner {
    /// A process per call: JSON request on stdin, JSON result on stdout.
    /// `argv[0]` is resolved (see docs/agent-yaml.md, "Commands").
    Command { argv: Vec<String> },
    /// An MCP server over stdio, as written in agent.yaml.
    Mcp(McpServer),
    /// One tool of an MCP server, produced by [`crate::AgentConfig::expand_mcp`].
    McpTool {
        /// The server entry's name.
        server: String,
        /// The tool's name as the server lists it.
        tool: String,
    },
}

/// An `mcp:` entry.
#[derive(Debug, Clone, PartialEq)]
pub struct McpServer {
    /// The server's command line; `argv[0]` resolved like a tool's.
    pub command: Vec<String>,
    /// Extra environment variables for the server, in file order.
    pub env: Vec<(String, String)>,
    /// `tools:` — per-tool settings, in file order.
    pub overrides: Vec<McpToolOverride>,
}

/// Settings for one tool of an MCP server (`tools: {write_file: {...}}`). Unset fields take
/// the server entry's values.
#[derive(Debug, Clone, PartialEq)]
pub struct McpToolOverride {
    /// The tool's name as the server lists it.
    pub tool: String,
    pub description: Option<String>,
    pub parameters: Vec<ParameterOverride>,
    pub trusted_output: Option<bool>,
    pub output_readers: Option<Readers>,
    pub audience: Option<Audience>,
    pub side_effects: Option<bool>,
    pub policy_default: Option<DefaultDecision>,
    pub timeout: Option<Duration>,
    pub location: Option<Location>,
}

/// Settings for one parameter of an MCP tool; its type and requiredness come from the server.
#[derive(Debug, Clone, PartialEq)]
pub struct ParameterOverride {
    pub name: String,
    pub description: Option<String>,
    pub sensitive: Option<bool>,
    pub recipient: Option<bool>,
    pub redact: Option<bool>,
    pub location: Option<Location>,
}

/// One declared parameter of a tool.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub name: String,
    /// Default [`ParamType::Any`].
    pub ty: ParamType,
    pub description: Option<String>,
    /// Default: true unless a `default` is given.
    pub required: bool,
    /// The value used when the plan does not pass this argument.
    pub default: Option<Literal>,
    /// The built-in rule applies: the argument must be trusted or one of the user's
    /// trusted values. Default false.
    pub sensitive: bool,
    /// The argument names who receives the call's data (readers checks). Default false.
    pub recipient: bool,
    /// Keep the argument's value out of the record and printed output. Default false.
    pub redact: bool,
}

/// The declared type of a parameter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamType {
    Str,
    Int,
    Float,
    Bool,
    List,
    Dict,
    #[default]
    Any,
}

impl ParamType {
    /// The name as written in agent.yaml.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamType::Str => "str",
            ParamType::Int => "int",
            ParamType::Float => "float",
            ParamType::Bool => "bool",
            ParamType::List => "list",
            ParamType::Dict => "dict",
            ParamType::Any => "any",
        }
    }

    /// Whether `value` fits this type (`null` fits every type: Python's `None` default).
    pub fn admits(self, value: &Literal) -> bool {
        matches!(
            (self, value),
            (_, Literal::Null)
                | (ParamType::Any, _)
                | (ParamType::Str, Literal::Str(_))
                | (ParamType::Int, Literal::Int(_))
                | (ParamType::Float, Literal::Int(_) | Literal::Float(_))
                | (ParamType::Bool, Literal::Bool(_))
                | (ParamType::List, Literal::List(_))
                | (ParamType::Dict, Literal::Dict(_))
        )
    }
}

impl fmt::Display for ParamType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A value written in agent.yaml (a parameter's `default`).
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Literal>),
    /// Keys are strings, in file order.
    Dict(Vec<(String, Literal)>),
}

/// Who may read a tool's output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum Readers {
    #[default]
    Public,
    /// Only these principals (email addresses, user ids). An empty list means nobody.
    Principals(Vec<String>),
}

/// Who reads the arguments a tool is given (`audience:`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Anyone: the tool publishes what it is given.
    Public,
    /// The user alone (a notification, the user's own screen): may read anything the
    /// agent reads.
    User,
    /// These principals (email addresses, user ids).
    Principals(Vec<String>),
}

/// How the built-in rules answer a violation (`policy.builtin`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum BuiltinRules {
    /// Deny the call (the default; `true` in agent.yaml).
    #[default]
    Deny,
    /// Ask: the call runs only if a person approves it.
    Ask,
    /// The built-in rules are off (`false` in agent.yaml).
    Off,
}

impl<'de> Deserialize<'de> for BuiltinRules {
    /// `deny`, `ask`, `off`, `true` (deny) or `false` (off).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<BuiltinRules, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = BuiltinRules;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`deny`, `ask`, `off`, `true` or `false`")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<BuiltinRules, E> {
                Ok(if v {
                    BuiltinRules::Deny
                } else {
                    BuiltinRules::Off
                })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<BuiltinRules, E> {
                match v {
                    "deny" => Ok(BuiltinRules::Deny),
                    "ask" => Ok(BuiltinRules::Ask),
                    "off" => Ok(BuiltinRules::Off),
                    other => Err(E::unknown_variant(other, &["deny", "ask", "off"])),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// A decision for calls no policy speaks to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DefaultDecision {
    #[default]
    Allow,
    /// Needs an approval (see [`Approve`]).
    Ask,
    Deny,
}

/// How `ask` decisions are answered when nobody is watching.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approve {
    /// Every `ask` becomes a denial.
    #[default]
    Never,
    /// Every `ask` is approved (and the approval recorded).
    Always,
    /// Ask on the terminal; where there is none, deny.
    Prompt,
}

/// A policy file from `policies:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyFile {
    /// Absolute; the file existed when agent.yaml was loaded.
    pub path: PathBuf,
    pub kind: PolicyKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PolicyKind {
    /// `.rego`
    Rego,
    /// `.yaml` or `.yml`: Bactrian's YAML rule set.
    Yaml,
}

/// The `policy:` section.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyConfig {
    /// Default [`DefaultDecision::Allow`].
    pub default: DefaultDecision,
    /// The built-in sensitive-parameter and readers rules (`policy.builtin`, or the older
    /// `policy.builtin_rules: true|false`). Default [`BuiltinRules::Deny`].
    pub builtin: BuiltinRules,
    /// Default [`Approve::Never`].
    pub approve: Approve,
}

impl PolicyConfig {
    /// Whether the built-in rules are on.
    pub fn builtin_rules(&self) -> bool {
        self.builtin != BuiltinRules::Off
    }
}

impl Default for PolicyConfig {
    fn default() -> Self {
        PolicyConfig {
            default: DefaultDecision::Allow,
            builtin: BuiltinRules::Deny,
            approve: Approve::Never,
        }
    }
}

/// The `user:` section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserConfig {
    /// Values a sensitive argument may equal even when untrusted, in file order.
    pub trusted_values: Vec<String>,
}

/// What to do where the kernel cannot enforce a sandbox profile.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Enforce {
    /// Refuse to run the tool.
    #[default]
    Required,
    /// Run it with what can be enforced, and record that.
    BestEffort,
}

/// The `sandbox:` section.
#[derive(Debug, Clone, PartialEq)]
pub struct SandboxConfig {
    pub enforce: Enforce,
    /// Always holds `"default"` (the built-in defaults unless agent.yaml defines it).
    pub profiles: BTreeMap<String, SandboxProfile>,
}

impl SandboxConfig {
    pub fn profile(&self, name: &str) -> Option<&SandboxProfile> {
        self.profiles.get(name)
    }
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            enforce: Enforce::Required,
            profiles: BTreeMap::from([("default".to_string(), SandboxProfile::default())]),
        }
    }
}

/// One sandbox profile. Unset keys take the defaults below; profiles do not inherit from
/// each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SandboxProfile {
    /// Extra read-only paths (absolute). Default none.
    pub read: Vec<PathBuf>,
    /// Extra read-write paths (absolute). Default none.
    pub write: Vec<PathBuf>,
    /// TCP ports the tool may connect to. Default none.
    pub connect: Vec<u16>,
    /// TCP ports the tool may bind. Default none.
    pub bind: Vec<u16>,
    /// Default 10.
    pub cpu_seconds: u64,
    /// Bytes of address space. Default 512 MiB.
    pub memory: u64,
    /// Default 32.
    pub processes: u64,
    /// Largest file the tool may write, in bytes. Default 64 MiB.
    pub file_size: u64,
    /// Wall-clock limit; when set, the smaller of this and the tool's `timeout` applies.
    pub timeout: Option<Duration>,
    /// Environment variables passed through from Bactrian's environment. Default none.
    pub env: Vec<String>,
}

impl Default for SandboxProfile {
    fn default() -> Self {
        SandboxProfile {
            read: Vec::new(),
            write: Vec::new(),
            connect: Vec::new(),
            bind: Vec::new(),
            cpu_seconds: 10,
            memory: 512 << 20,
            processes: 32,
            file_size: 64 << 20,
            timeout: None,
            env: Vec::new(),
        }
    }
}

/// Whether the eBPF sensor must run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SensorMode {
    /// Use it where it loads; say so in one line where it does not.
    #[default]
    Auto,
    /// Refuse to run where it cannot load.
    Required,
    Off,
}

/// The `sensor:` section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SensorConfig {
    pub mode: SensorMode,
    pub rules: Vec<SensorRule>,
}

/// A runtime rule: a tool process doing this is stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SensorRule {
    /// A connect to this network and/or port (at least one is set).
    DenyConnect {
        net: Option<IpNet>,
        port: Option<u16>,
    },
    /// An open of a path matching this glob.
    DenyOpen { glob: String },
    /// An exec of a path matching this glob.
    DenyExec { glob: String },
}

/// An IP network: an address and a prefix length (`10.0.0.0/8`; a bare address is /32 or /128).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IpNet {
    pub addr: IpAddr,
    pub prefix: u8,
}

impl IpNet {
    /// Parse `addr` or `addr/prefix`.
    pub fn parse(text: &str) -> Result<IpNet, String> {
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let addr: IpAddr = addr
            .parse()
            .map_err(|_| format!("`{text}` is not an IP address or network (`10.0.0.0/8`)"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => match p.parse::<u8>() {
                Ok(p) if p <= max => p,
                _ => return Err(format!("`{text}`: the prefix length must be 0..={max}")),
            },
        };
        Ok(IpNet { addr, prefix })
    }

    /// Whether `ip` is inside this network.
    pub fn contains(&self, ip: IpAddr) -> bool {
        // A prefix longer than the address (possible only by building an IpNet by hand)
        // counts as the whole address.
        fn masked(bits: u128, prefix: u8, width: u8) -> u128 {
            let prefix = prefix.min(width);
            if prefix == 0 {
                0
            } else {
                bits >> (width - prefix)
            }
        }
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                masked(u32::from(net).into(), self.prefix, 32)
                    == masked(u32::from(ip).into(), self.prefix, 32)
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                masked(net.into(), self.prefix, 128) == masked(ip.into(), self.prefix, 128)
            }
            _ => false,
        }
    }
}

impl fmt::Display for IpNet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

/// The `record:` section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordConfig {
    /// Where `bactrian run` writes the record (absolute; may hold `{timestamp}`).
    pub path: Option<PathBuf>,
    /// The ed25519 signing key file (absolute; not checked at load).
    pub key: Option<PathBuf>,
    /// The most bytes the record may take; `None` is [`MAX_RECORD_BYTES`], the most it can.
    pub max_size: Option<u64>,
}

/// The largest record a run writes and `verify` or `replay` reads, in bytes.
pub const MAX_RECORD_BYTES: u64 = 256 << 20;

/// The smallest `record.max_size`: room for the header, the program and the envelope.
pub const MIN_RECORD_BYTES: u64 = 16 << 10;

/// A tool as an MCP server lists it, for [`crate::AgentConfig::expand_mcp`].
#[derive(Debug, Clone, PartialEq)]
pub struct ListedTool {
    pub name: String,
    pub description: Option<String>,
    /// `None` when the server published no usable input schema.
    pub parameters: Option<Vec<ListedParameter>>,
}

/// A parameter from an MCP tool's input schema.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedParameter {
    pub name: String,
    pub ty: ParamType,
    pub required: bool,
    pub description: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networks() {
        let net = IpNet::parse("10.0.0.0/8").unwrap();
        assert!(net.contains("10.1.2.3".parse().unwrap()));
        assert!(!net.contains("11.0.0.1".parse().unwrap()));
        assert!(!net.contains("::1".parse().unwrap()));
        let one = IpNet::parse("169.254.169.254").unwrap();
        assert_eq!(one.prefix, 32);
        assert!(one.contains("169.254.169.254".parse().unwrap()));
        assert!(!one.contains("169.254.169.253".parse().unwrap()));
        assert!(IpNet::parse("0.0.0.0/0")
            .unwrap()
            .contains("8.8.8.8".parse().unwrap()));
        assert!(IpNet::parse("fd00::/8")
            .unwrap()
            .contains("fd12::1".parse().unwrap()));
        assert!(IpNet::parse("10.0.0.0/33").is_err());
        assert!(IpNet::parse("example.com").is_err());
        assert_eq!(
            IpNet::parse("10.0.0.0/8").unwrap().to_string(),
            "10.0.0.0/8"
        );
    }

    #[test]
    fn types_admit_literals() {
        assert!(ParamType::Float.admits(&Literal::Int(1)));
        assert!(!ParamType::Int.admits(&Literal::Float(1.0)));
        assert!(!ParamType::Int.admits(&Literal::Bool(true)));
        assert!(ParamType::Str.admits(&Literal::Null));
        assert!(ParamType::Any.admits(&Literal::List(vec![])));
    }
}
