//! `agent.yaml`: the file in which an agent declares its tools, their parameters, the
//! policies that judge every call, the sandbox profiles tools run under, the sensor, and
//! where the signed record goes. The full reference is docs/agent-yaml.md.
//!
//! The file is a promise to users: an unknown key, a wrong type or a missing file is an
//! error with `path:line:col`, never a silently ignored setting.
//!
//! A tour:
//!
//! ```
//! use bactrian_agent_config::{AgentConfig, DefaultDecision, ParamType, ToolRunner};
//!
//! let yaml = r#"
//! name: news-reporter
//! llm:
//!   secure_execution: true
//! tools:
//!   - name: web_search
//!     command: [news-search-tool, --json]
//!     parameters:
//!       query: {type: str}
//!   - name: send_message
//!     command: [message-tool]
//!     side_effects: true
//!     parameters:
//!       to: {type: str, sensitive: true, recipient: true}
//!       content: {type: str}
//! user:
//!   trusted_values: ["human-operator"]
//! "#;
//! let config = AgentConfig::from_str(yaml, "agents/news/agent.yaml")?;
//! assert!(config.check_secure_execution().is_ok());
//!
//! // Tools keep their declared order, and so do their parameters: positional
//! // arguments map to parameters in this order.
//! let send = config.tool("send_message").expect("declared above");
//! let names: Vec<&str> = send.parameters.iter().map(|p| p.name.as_str()).collect();
//! assert_eq!(names, ["to", "content"]);
//! let sensitive: Vec<&str> = send.sensitive_parameters().map(|p| p.name.as_str()).collect();
//! assert_eq!(sensitive, ["to"]);
//! assert_eq!(send.parameter("to").map(|p| p.ty), Some(ParamType::Str));
//! assert!(send.parameter("content").is_some_and(|p| p.required));
//!
//! // Defaults are filled in: a tool with side effects is denied unless a policy allows it.
//! assert_eq!(config.default_decision(send), DefaultDecision::Deny);
//! let search = config.tool("web_search").expect("declared above");
//! assert_eq!(config.default_decision(search), DefaultDecision::Allow);
//! assert_eq!(search.timeout, std::time::Duration::from_secs(30));
//!
//! // A program without a `/` is looked up on PATH; one that is not there is a warning
//! // (the call would fail), while a missing relative path is an error.
//! assert!(matches!(&search.runner, ToolRunner::Command { argv } if argv[1] == "--json"));
//! assert!(config.warnings.iter().any(|w| w.message.contains("news-search-tool")));
//! # Ok::<(), bactrian_agent_config::ConfigError>(())
//! ```
//!
//! Mistakes come back with their place in the file. A misspelt key is an error, so it can
//! never quietly turn a protection off:
//!
//! ```
//! use bactrian_agent_config::AgentConfig;
//!
//! let yaml = "name: x\ntools:\n  - name: pay\n    command: [pay-tool]\n    side_efects: true\n";
//! let err = AgentConfig::from_str(yaml, "agent.yaml").unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "agent.yaml:5:5: tools[0]: unknown field `side_efects`, expected one of `name`, `description`, \
//!      `command`, `mcp`, `parameters`, `trusted_output`, `output_readers`, `audience`, \
//!      `side_effects`, `policy_default`, `timeout`, `sandbox`, `tools` (did you mean \
//!      `side_effects`?)"
//! );
//! ```
//!
//! Trusted values can also come from the user's request:
//!
//! ```
//! use bactrian_agent_config::trusted_values_from_query;
//! assert_eq!(
//!     trusted_values_from_query("send ticket 149 to human-operator"),
//!     ["send ticket 149 to human-operator", "149", "human-operator"],
//! );
//! ```

#![forbid(unsafe_code)]
// Errors, not panics, outside tests: nothing a plan, a config or a tool sends can abort.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod capped;
mod error;
mod locate;
mod model;
mod names;
pub use names::{parameter_name_problem, tool_name_problem};
mod nesting;
mod raw;
mod trusted;
mod units;
mod validate;

use std::path::{Path, PathBuf};

pub use capped::{read_capped, read_capped_text, too_large};
pub use error::{ConfigError, Location, Problem};
pub use model::{
    Approve, Audience, BuiltinRules, DefaultDecision, Enforce, IpNet, ListedParameter, ListedTool,
    Literal, Llm, McpServer, McpToolOverride, Mode, ParamType, Parameter, ParameterOverride,
    PolicyConfig, PolicyFile, PolicyKind, QuarantinedBackend, QuarantinedModel, Readers,
    RecordConfig, SandboxConfig, SandboxProfile, SensorConfig, SensorMode, SensorRule, Tool,
    ToolRunner, UserConfig, MAX_RECORD_BYTES, MIN_RECORD_BYTES,
};
pub use trusted::trusted_values_from_query;
pub use units::{parse_duration, parse_size};

/// The largest agent.yaml read, in bytes (a config with thousands of tools is well under it).
pub const MAX_CONFIG_BYTES: u64 = 4 << 20;

/// A parsed and checked agent.yaml.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentConfig {
    /// The path the config was loaded from (as given; used in messages).
    pub path: PathBuf,
    /// The directory relative paths were resolved against (absolute when possible).
    pub dir: PathBuf,
    pub name: String,
    pub description: Option<String>,
    pub llm: Llm,
    /// In file order.
    pub tools: Vec<Tool>,
    /// In file order; every file existed at load time.
    pub policies: Vec<PolicyFile>,
    pub policy: PolicyConfig,
    pub user: UserConfig,
    pub sandbox: SandboxConfig,
    pub sensor: SensorConfig,
    pub record: RecordConfig,
    /// Things that are not errors but will likely fail later (a program not on PATH).
    pub warnings: Vec<Problem>,
}

impl AgentConfig {
    /// Read and check the agent.yaml at `path`. Relative paths inside it resolve against
    /// its directory.
    pub fn load(path: impl AsRef<Path>) -> Result<AgentConfig, ConfigError> {
        let path = path.as_ref();
        let text = read_capped_text(path, MAX_CONFIG_BYTES, "an agent.yaml").map_err(|source| {
            ConfigError::Read {
                path: path.to_path_buf(),
                source,
            }
        })?;
        validate::build(&text, path)
    }

    /// Check agent.yaml `text` as if it had been read from `origin`: `origin` names the file
    /// in messages, and relative paths resolve against its directory.
    #[allow(clippy::should_implement_trait)] // two arguments: not `FromStr`
    pub fn from_str(text: &str, origin: impl AsRef<Path>) -> Result<AgentConfig, ConfigError> {
        validate::build(text, origin.as_ref())
    }

    /// The tool entry called `name` (for an MCP server, its namespace).
    pub fn tool(&self, name: &str) -> Option<&Tool> {
        self.tools.iter().find(|t| t.name == name)
    }

    /// The decision for a call of `tool` that no policy speaks to: the tool's
    /// `policy_default` if set; else `deny` for a tool with `side_effects: true`; else
    /// `policy.default`.
    pub fn default_decision(&self, tool: &Tool) -> DefaultDecision {
        match tool.policy_default {
            Some(d) => d,
            None if tool.side_effects => DefaultDecision::Deny,
            None => self.policy.default,
        }
    }

    /// All trusted values for a run on `query`: `user.trusted_values`, then the values
    /// [`trusted_values_from_query`] finds in the query, without duplicates.
    pub fn trusted_values(&self, query: &str) -> Vec<String> {
        let mut out = self.user.trusted_values.clone();
        for v in trusted_values_from_query(query) {
            if !out.contains(&v) {
                out.push(v);
            }
        }
        out
    }

    /// `Ok` when `llm.secure_execution` is `true`; otherwise the error `bactrian run` reports
    /// when it refuses the agent ("secure execution is off").
    pub fn check_secure_execution(&self) -> Result<(), ConfigError> {
        if self.llm.secure_execution {
            return Ok(());
        }
        Err(ConfigError::one(
            &self.path,
            self.llm.secure_execution_at,
            "secure execution is off: bactrian runs only agents with `llm: {secure_execution: true}`",
        ))
    }

    /// Turn the MCP server entry `server` into one [`Tool`] per tool the server listed at
    /// start, applying the entry's settings and its per-tool `tools:` settings.
    ///
    /// Each tool is named `<server>_<tool>` (characters other than letters, digits and `_`
    /// become `_`). Errors, located at the setting in agent.yaml: a setting for a tool the
    /// server does not list; a parameter setting for a parameter the tool does not have, or
    /// for a tool whose parameters are unknown (no input schema); a name that collides
    /// with another tool.
    pub fn expand_mcp(
        &self,
        server: &str,
        listed: &[ListedTool],
    ) -> Result<Vec<Tool>, ConfigError> {
        let Some((entry, mcp)) = self.tools.iter().find_map(|t| match &t.runner {
            ToolRunner::Mcp(m) if t.name == server => Some((t, m)),
            _ => None,
        }) else {
            return Err(ConfigError::one(
                &self.path,
                None,
                format!("no MCP server named `{server}` in the agent config"),
            ));
        };
        let mut problems = Vec::new();
        for o in &mcp.overrides {
            let Some(found) = listed.iter().find(|l| l.name == o.tool) else {
                let names: Vec<&str> = listed.iter().map(|l| l.name.as_str()).collect();
                problems.push(Problem::new(
                    o.location,
                    format!(
                        "MCP server `{server}` has no tool `{}` (it lists: {})",
                        o.tool,
                        if names.is_empty() {
                            "nothing".to_string()
                        } else {
                            names.join(", ")
                        }
                    ),
                ));
                continue;
            };
            for p in &o.parameters {
                match &found.parameters {
                    None => problems.push(Problem::new(
                        p.location,
                        format!(
                            "settings for parameter `{}` of `{server}.{}`, whose parameters are unknown (the server published no input schema)",
                            p.name, o.tool
                        ),
                    )),
                    Some(params) if !params.iter().any(|lp| lp.name == p.name) => {
                        let names: Vec<&str> = params.iter().map(|lp| lp.name.as_str()).collect();
                        problems.push(Problem::new(
                            p.location,
                            format!(
                                "MCP tool `{server}.{}` has no parameter `{}` (it has: {})",
                                o.tool,
                                p.name,
                                if names.is_empty() { "none".to_string() } else { names.join(", ") }
                            ),
                        ));
                    }
                    Some(_) => {}
                }
            }
        }
        let mut tools: Vec<Tool> = Vec::new();
        for l in listed {
            let o = mcp.overrides.iter().find(|o| o.tool == l.name);
            let name = format!(
                "{server}_{}",
                l.name
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() || c == '_' {
                        c
                    } else {
                        '_'
                    })
                    .collect::<String>()
            );
            let location = o.and_then(|o| o.location).or(entry.location);
            if self.tool(&name).is_some() || tools.iter().any(|t| t.name == name) {
                problems.push(Problem::new(
                    location,
                    format!("MCP tool `{server}.{}` would be called `{name}`, which another tool already is", l.name),
                ));
                continue;
            }
            let parameters = l
                .parameters
                .iter()
                .flatten()
                .map(|lp| {
                    let po = o.and_then(|o| o.parameters.iter().find(|p| p.name == lp.name));
                    Parameter {
                        name: lp.name.clone(),
                        ty: lp.ty,
                        description: po
                            .and_then(|p| p.description.clone())
                            .or_else(|| lp.description.clone()),
                        required: lp.required,
                        default: None,
                        sensitive: po.and_then(|p| p.sensitive).unwrap_or(false),
                        recipient: po.and_then(|p| p.recipient).unwrap_or(false),
                        redact: po.and_then(|p| p.redact).unwrap_or(false),
                    }
                })
                .collect();
            tools.push(Tool {
                name,
                description: o
                    .and_then(|o| o.description.clone())
                    .or_else(|| l.description.clone()),
                runner: ToolRunner::McpTool {
                    server: server.to_string(),
                    tool: l.name.clone(),
                },
                parameters,
                trusted_output: o
                    .and_then(|o| o.trusted_output)
                    .unwrap_or(entry.trusted_output),
                output_readers: o
                    .and_then(|o| o.output_readers.clone())
                    .unwrap_or_else(|| entry.output_readers.clone()),
                audience: o
                    .and_then(|o| o.audience.clone())
                    .or_else(|| entry.audience.clone()),
                side_effects: o.and_then(|o| o.side_effects).unwrap_or(entry.side_effects),
                policy_default: o.and_then(|o| o.policy_default).or(entry.policy_default),
                timeout: o.and_then(|o| o.timeout).unwrap_or(entry.timeout),
                sandbox: entry.sandbox.clone(),
                location,
            });
        }
        if problems.is_empty() {
            Ok(tools)
        } else {
            Err(ConfigError::invalid(&self.path, problems))
        }
    }
}
