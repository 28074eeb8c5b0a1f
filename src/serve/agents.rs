//! Registered agents: an agent.yaml (text or path) plus the client's host tools.

use bactrian_agent_config::AgentConfig;
use bactrian_engine::host::HostToolDecl;
use bactrian_engine::ToolSpec;
use serde::Deserialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::path::PathBuf;

/// `POST /v1/agents`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// The agent.yaml text; relative paths in it resolve against `base_dir`.
    #[serde(default)]
    pub agent_yaml: Option<String>,
    #[serde(default)]
    pub base_dir: Option<PathBuf>,
    /// Or the path of an agent.yaml the daemon reads.
    #[serde(default)]
    pub path: Option<PathBuf>,
    #[serde(default)]
    pub host_tools: Vec<HostToolDecl>,
}

/// An agent runs can name.
#[derive(Debug)]
pub struct Agent {
    pub id: String,
    pub name: String,
    /// SHA-256 of the agent.yaml text, where it resolves paths, and the host tools.
    pub digest: String,
    pub config_text: String,
    /// The agent.yaml's path (real or, for text, `base_dir/agent.yaml`): relative paths in it
    /// resolve against its directory.
    pub origin: PathBuf,
    pub host_specs: Vec<ToolSpec>,
    /// The planner's prompt, made on first request (listing an MCP server's tools starts it).
    pub prompt: std::sync::OnceLock<String>,
    /// Every tool the plan may call (agent.yaml's, the quarantined model, host tools), with
    /// its parameter names in positional order (to name an approval's arguments).
    pub tools: Vec<(String, Vec<String>)>,
    /// What was registered, as given (stored so the agent survives a restart).
    pub registration: Value,
}

impl Agent {
    /// Checks a registration and makes the agent; the error says what is wrong.
    pub fn register(raw: Value) -> Result<Agent, String> {
        let reg: Registration = serde_json::from_value(raw.clone())
            .map_err(|e| format!("invalid registration: {e}"))?;
        let (text, origin) = match (&reg.agent_yaml, &reg.path) {
            (Some(text), None) => {
                let base = match &reg.base_dir {
                    Some(dir) => dir.clone(),
                    None => std::env::current_dir().map_err(|e| e.to_string())?,
                };
                (text.clone(), base.join("agent.yaml"))
            }
            (None, Some(path)) => {
                if reg.base_dir.is_some() {
                    return Err("base_dir goes with agent_yaml, not with path".into());
                }
                let cap = 1 << 20;
                let text = bactrian_agent_config::read_capped_text(path, cap, "an agent file")
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                (text, path.clone())
            }
            _ => return Err("give either agent_yaml (with base_dir) or path".into()),
        };
        let config = AgentConfig::from_str(&text, &origin).map_err(|e| e.to_string())?;
        config.check_secure_execution().map_err(|e| e.to_string())?;
        let policy_paths: Vec<_> = config.policies.iter().map(|p| p.path.clone()).collect();
        bactrian_policy::PolicySet::load(&policy_paths).map_err(|e| e.to_string())?;
        let mut tools = bactrian_engine::callable_tools(&config);
        let mut host_specs = Vec::new();
        for decl in &reg.host_tools {
            let spec = decl.to_spec()?;
            if tools.iter().any(|(name, _)| *name == spec.name) {
                return Err(format!(
                    "host tool {} has the name of another tool of the agent",
                    spec.name
                ));
            }
            tools.push((
                spec.name.clone(),
                spec.params.iter().map(|p| p.name.clone()).collect(),
            ));
            host_specs.push(spec);
        }
        let mut hasher = Sha256::new();
        hasher.update(text.as_bytes());
        hasher.update([0]);
        hasher.update(origin.to_string_lossy().as_bytes());
        hasher.update([0]);
        hasher.update(json!(raw.get("host_tools")).to_string().as_bytes());
        let digest: String = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(Agent {
            id: format!("agent_{}", &digest[..16]),
            name: config.name.clone(),
            digest,
            config_text: text,
            origin,
            host_specs,
            prompt: std::sync::OnceLock::new(),
            tools,
            registration: raw,
        })
    }

    /// The planner's system prompt: the agent's tools (host tools included) as typed stubs,
    /// and the Python the interpreter accepts.
    pub fn prompt(&self) -> Result<String, String> {
        if let Some(p) = self.prompt.get() {
            return Ok(p.clone());
        }
        let config =
            AgentConfig::from_str(&self.config_text, &self.origin).map_err(|e| e.to_string())?;
        let mut specs = bactrian_engine::agent_tool_specs(&config).map_err(|e| e.to_string())?;
        // Host tools go before query_ai_assistant, which the prompt treats apart.
        let at = specs
            .iter()
            .position(|s| s.name == bactrian_interpreter::QUARANTINED_LLM)
            .unwrap_or(specs.len());
        for (i, spec) in self.host_specs.iter().enumerate() {
            specs.insert(at + i, spec.clone());
        }
        let text = bactrian_engine::planner_prompt(
            &specs,
            &bactrian_engine::PromptOptions::for_agent(&config),
        );
        Ok(self.prompt.get_or_init(|| text).clone())
    }

    /// The parameter names of tool `name`, in positional order.
    pub fn params_of(&self, name: &str) -> Option<&[String]> {
        self.tools
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, params)| params.as_slice())
    }

    pub fn view(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "digest": self.digest,
            "tools": self.tools.iter().map(|(name, _)| name).collect::<Vec<_>>(),
            "host_tools": self.host_specs.iter().map(|s| &s.name).collect::<Vec<_>>(),
        })
    }
}
