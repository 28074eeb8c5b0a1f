//! An agent from its `agent.yaml`: tools that are real programs, the policies named in the
//! file, the user's trusted values and the approval mode.

use super::approval::{Approval, Approver, FixedApprover};
use super::command::CommandTool;
use super::spec::ToolSpec;
use super::tools::ToolSet;
use super::Engine;
use bactrian_agent_config::{AgentConfig, Approve, DefaultDecision, ToolRunner};
use bactrian_interpreter::{Config, HostError, Mode, ToolOutput};
use bactrian_policy::{PolicyError, PolicySet, Verdict};
use bactrian_provenance::Readers;
use serde_json::{Map, Value};

/// Why an agent could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("{0}")]
    Config(#[from] bactrian_agent_config::ConfigError),
    #[error("{0}")]
    Policy(#[from] PolicyError),
    #[error("{0}")]
    Tool(String),
}

/// The tools an `agent.yaml` declares.
pub struct AgentTools {
    config: AgentConfig,
    specs: Vec<ToolSpec>,
}

fn readers(r: &bactrian_agent_config::Readers) -> Readers {
    match r {
        bactrian_agent_config::Readers::Public => Readers::Public,
        bactrian_agent_config::Readers::Principals(p) => Readers::only(p.iter().cloned()),
    }
}

impl AgentTools {
    pub fn new(config: AgentConfig) -> Result<AgentTools, SetupError> {
        let mut specs = Vec::new();
        for tool in &config.tools {
            match &tool.runner {
                ToolRunner::Command { .. } => specs.push(ToolSpec::from(tool)),
                ToolRunner::Mcp(_) | ToolRunner::McpTool { .. } => {
                    return Err(SetupError::Tool(format!(
                        "{}: MCP servers are not supported yet",
                        tool.name
                    )))
                }
            }
        }
        Ok(AgentTools { config, specs })
    }
}

impl ToolSet for AgentTools {
    fn specs(&self) -> Vec<ToolSpec> {
        self.specs.clone()
    }

    fn run(
        &mut self,
        spec: &ToolSpec,
        call_id: &str,
        args: &Map<String, Value>,
    ) -> Result<ToolOutput, HostError> {
        let Some(tool) = self.config.tool(&spec.name) else {
            return Err(HostError::BadCall(format!("no tool named '{}'", spec.name)));
        };
        match &tool.runner {
            ToolRunner::Command { argv } => CommandTool {
                name: &tool.name,
                argv,
                timeout: tool.timeout,
                trusted_output: tool.trusted_output,
                readers: readers(&tool.output_readers),
                trusted_principals: &self.config.user.trusted_values,
            }
            .call(call_id, args),
            _ => Err(HostError::ToolFailed(
                "MCP tools are not supported yet".into(),
            )),
        }
    }
}

fn verdict(d: DefaultDecision) -> Verdict {
    match d {
        DefaultDecision::Allow => Verdict::Allow,
        DefaultDecision::Ask => Verdict::Ask,
        DefaultDecision::Deny => Verdict::Deny,
    }
}

impl Engine<AgentTools> {
    /// Sets up an agent from its configuration. `approver` answers `ask` decisions when the
    /// configuration says to prompt; otherwise `policy.approve` decides.
    pub fn from_agent(
        config: AgentConfig,
        prompt: Option<Box<dyn Approver + Send>>,
    ) -> Result<Engine<AgentTools>, SetupError> {
        config.check_secure_execution()?;
        let paths: Vec<_> = config.policies.iter().map(|p| p.path.clone()).collect();
        let mut policies = PolicySet::load(&paths)?;
        policies.set_builtin_rules(config.policy.builtin_rules);
        let approver: Box<dyn Approver + Send> = match (config.policy.approve, prompt) {
            (Approve::Always, _) => Box::new(FixedApprover(Approval::Once)),
            (Approve::Prompt, Some(p)) => p,
            _ => Box::new(FixedApprover(Approval::Deny)),
        };
        let mode = match config.llm.mode {
            bactrian_agent_config::Mode::Strict => Mode::Strict,
            bactrian_agent_config::Mode::Normal => Mode::Normal,
        };
        let agent = config.name.clone();
        let trusted_values = config.user.trusted_values.clone();
        let default = verdict(config.policy.default);
        let tools = AgentTools::new(config)?;
        Ok(Engine {
            tools,
            policies,
            config: Config {
                mode,
                inspect: bactrian_interpreter::Inspect::Names(vec!["result".into()]),
                ..Config::default()
            },
            agent,
            trusted_values,
            default,
            approver,
        })
    }
}
