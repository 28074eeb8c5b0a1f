//! An agent from its `agent.yaml`: tools that are real programs, the policies named in the
//! file, the user's trusted values and the approval mode.

use super::approval::{Approval, Approver, FixedApprover};
use super::command::CommandTool;
use super::convert::FromConfig;
use super::mcp::{self, McpServer, McpTool};
use super::quarantined::QuarantinedClient;
use super::sandboxing::{named_profile, profile_for};
use super::sensing::Sensing;
use super::spec::{param_type_from_json_schema, ParamSpec, ToolSpec};
use super::tools::{CallOutcome, OutputBudget, ToolSet};
use super::watch::{CallEvents, SensorReport, Unwatched, Watcher};
use super::Engine;
use bactrian_agent_config::{
    AgentConfig, Approve, ListedParameter, ListedTool, QuarantinedBackend, ToolRunner,
};
use bactrian_interpreter::{Config, HostError, Mode, ToolOutput, QUARANTINED_LLM};
use bactrian_policy::BuiltinRules;
use bactrian_policy::{PolicyError, PolicySet, Verdict};
use bactrian_provenance::Readers;
use bactrian_sandbox::Sandbox;
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
    #[error("{0}")]
    Sensor(#[from] super::sensing::SensingError),
}

/// The tools an `agent.yaml` declares, plus `query_ai_assistant` when a quarantined model is
/// configured.
pub struct AgentTools {
    config: AgentConfig,
    specs: Vec<ToolSpec>,
    /// The tools each MCP server listed at start, expanded to one entry per tool.
    mcp_tools: Vec<bactrian_agent_config::Tool>,
    servers: Vec<RunningServer>,
    quarantined: Option<QuarantinedClient>,
    sandbox: Sandbox,
    /// The eBPF sensor and the runtime rules, where the sensor runs.
    sensing: Option<Sensing>,
    /// What the tools of this run may still return.
    output: OutputBudget,
    /// Set from another thread to cancel the run: a running tool is killed.
    cancel: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

/// An MCP server of the agent, and the sensor's watch on its cgroup.
struct RunningServer {
    name: String,
    server: McpServer,
    watch: Option<bactrian_sensor::Watch>,
}

/// How long an MCP server may take to start and list its tools.
const MCP_START: std::time::Duration = std::time::Duration::from_secs(30);

fn listed(tool: &McpTool) -> ListedTool {
    let parameters = match &tool.input_schema {
        Value::Object(_) => Some(
            mcp::parameters(&tool.input_schema)
                .into_iter()
                .map(|(name, required)| {
                    let declared = tool
                        .input_schema
                        .get("properties")
                        .and_then(|p| p.get(&name));
                    let text =
                        |key: &str| declared.and_then(|d| d.get(key)).and_then(Value::as_str);
                    let ty = param_type_from_json_schema(text("type"));
                    ListedParameter {
                        description: text("description").map(String::from),
                        name,
                        ty,
                        required,
                    }
                })
                .collect(),
        ),
        _ => None,
    };
    ListedTool {
        name: tool.name.clone(),
        description: tool.description.clone(),
        parameters,
    }
}

/// `query_ai_assistant`, when the agent configures a quarantined model.
fn quarantined_spec(config: &AgentConfig) -> Option<ToolSpec> {
    let model = config.llm.quarantined.as_ref()?;
    // The model's provider reads what it is given: restricted data may reach it only when
    // `llm.quarantined.audience` says who that is.
    let mut spec = ToolSpec::new(QUARANTINED_LLM)
        .param(ParamSpec::new("query"))
        .param(ParamSpec::new("output_schema").optional());
    spec.audience = model.audience.clone();
    Some(spec)
}

/// Starts the MCP server of the entry `tool` and lists its tools, expanded with the entry's
/// settings.
fn start_mcp(
    config: &AgentConfig,
    tool: &bactrian_agent_config::Tool,
    server: &bactrian_agent_config::McpServer,
) -> Result<(McpServer, Vec<bactrian_agent_config::Tool>), SetupError> {
    let mut profile = profile_for(config, tool);
    // Start-up and listing get the profile's timeout or MCP_START, whichever is larger:
    // `npx` and Node servers start slowly.
    profile.timeout = profile.timeout.max(MCP_START);
    let mut running = McpServer::start(&server.command, &server.env, &profile)
        .map_err(|e| SetupError::Tool(format!("MCP server {}: {e}", tool.name)))?;
    let tools = running
        .list_tools()
        .map_err(|e| SetupError::Tool(format!("MCP server {}: {e}", tool.name)))?;
    let listed: Vec<ListedTool> = tools.iter().map(listed).collect();
    let expanded = config.expand_mcp(&tool.name, &listed)?;
    Ok((running, expanded))
}

/// Every tool a plan of this agent may call by name, with its parameter names in positional
/// order, as agent.yaml declares them (no MCP server is started), then `query_ai_assistant`
/// when a quarantined model is configured: what `check --agent` checks calls against.
pub fn callable_tools(config: &AgentConfig) -> Vec<(String, Vec<String>)> {
    let mut tools: Vec<(String, Vec<String>)> = config
        .tools
        .iter()
        .map(|t| {
            (
                t.name.clone(),
                t.parameters.iter().map(|p| p.name.clone()).collect(),
            )
        })
        .collect();
    if config.llm.quarantined.is_some() {
        tools.push((
            QUARANTINED_LLM.to_string(),
            vec!["query".to_string(), "output_schema".to_string()],
        ));
    }
    tools
}

/// The tools a plan of this agent may call, as [`AgentTools`] would offer them: the declared
/// tools, each MCP server's tools (the server is started in its sandbox profile to list them,
/// then stopped), and `query_ai_assistant` when a quarantined model is configured. No sensor
/// is loaded and no tool runs. With [`crate::planner_prompt`] this gives an agent's prompt.
pub fn agent_tool_specs(config: &AgentConfig) -> Result<Vec<ToolSpec>, SetupError> {
    let mut specs = Vec::new();
    for tool in &config.tools {
        match &tool.runner {
            ToolRunner::Command { .. } | ToolRunner::McpTool { .. } => {
                specs.push(ToolSpec::from(tool))
            }
            ToolRunner::Mcp(server) => {
                let (running, expanded) = start_mcp(config, tool, server)?;
                drop(running);
                specs.extend(expanded.iter().map(ToolSpec::from));
            }
        }
    }
    specs.extend(quarantined_spec(config));
    Ok(specs)
}

impl AgentTools {
    /// Starts every MCP server and lists its tools.
    /// `policies` judge the sensor's runtime events where one declares `runtime_deny`.
    pub fn new(config: AgentConfig, policies: &PolicySet) -> Result<AgentTools, SetupError> {
        let runtime = policies.judges_runtime().then(|| policies.clone());
        let sensing = Sensing::from_config(&config.sensor, runtime, &config.name)?;
        let mut specs = Vec::new();
        let mut servers = Vec::new();
        let mut mcp_tools = Vec::new();
        for tool in &config.tools {
            match &tool.runner {
                ToolRunner::Command { .. } | ToolRunner::McpTool { .. } => {
                    specs.push(ToolSpec::from(tool))
                }
                ToolRunner::Mcp(server) => {
                    let (running, expanded) = start_mcp(&config, tool, server)?;
                    for expanded in expanded {
                        specs.push(ToolSpec::from(&expanded));
                        mcp_tools.push(expanded);
                    }
                    let watch = match (&sensing, running.cgroup_id()) {
                        (Some(s), Some(id)) => s.watch(id),
                        _ => None,
                    };
                    servers.push(RunningServer {
                        name: tool.name.clone(),
                        server: running,
                        watch,
                    });
                }
            }
        }
        let quarantined = config.llm.quarantined.as_ref().map(|model| {
            let client = QuarantinedClient::new(model);
            match &model.backend {
                QuarantinedBackend::Command { sandbox, .. } => {
                    client.in_sandbox(named_profile(&config, sandbox))
                }
                QuarantinedBackend::Http { .. } => client,
            }
        });
        specs.extend(quarantined_spec(&config));
        Ok(AgentTools {
            config,
            specs,
            mcp_tools,
            servers,
            quarantined,
            sandbox: Sandbox::new(),
            sensing,
            output: OutputBudget::default(),
            cancel: None,
        })
    }
}

impl AgentTools {
    /// Kills a running tool when `flag` is set (the run was cancelled).
    pub fn cancel_with(&mut self, flag: std::sync::Arc<std::sync::atomic::AtomicBool>) {
        self.cancel = Some(flag);
    }
}

/// Stops the tool when the run is cancelled, else asks the sensor.
struct Cancellable<'a> {
    inner: Box<dyn Watcher + 'a>,
    flag: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Watcher for Cancellable<'_> {
    fn started(&mut self, cgroup_id: u64) {
        self.inner.started(cgroup_id)
    }
    fn check(&mut self) -> Option<String> {
        if self.flag.load(std::sync::atomic::Ordering::Relaxed) {
            return Some("the run was cancelled".into());
        }
        self.inner.check()
    }
    fn finished(&mut self) -> CallEvents {
        self.inner.finished()
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
        _labels: &Map<String, Value>,
    ) -> CallOutcome {
        let mut events = CallEvents::default();
        let result = self.run_tool(spec, call_id, args, &mut events);
        CallOutcome { result, events }
    }
}

impl AgentTools {
    /// Runs one call; what the sandbox and the sensor saw of it goes into `events`.
    fn run_tool(
        &mut self,
        spec: &ToolSpec,
        call_id: &str,
        args: &Map<String, Value>,
        events: &mut CallEvents,
    ) -> Result<ToolOutput, HostError> {
        if spec.name == QUARANTINED_LLM {
            return self.ask_quarantined(call_id, args);
        }
        let tool = self
            .config
            .tool(&spec.name)
            .or_else(|| self.mcp_tools.iter().find(|t| t.name == spec.name));
        let Some(tool) = tool else {
            return Err(HostError::BadCall(format!("no tool named '{}'", spec.name)));
        };
        match &tool.runner {
            ToolRunner::Command { argv } => {
                let profile = profile_for(&self.config, tool);
                let mut watcher: Box<dyn Watcher> = match &self.sensing {
                    Some(s) => Box::new(s.watcher(&tool.name, call_id)),
                    None => Box::new(Unwatched),
                };
                if let Some(flag) = &self.cancel {
                    watcher = Box::new(Cancellable {
                        inner: watcher,
                        flag: flag.clone(),
                    });
                }
                let outcome = CommandTool {
                    name: &tool.name,
                    argv,
                    profile: &profile,
                    sandbox: &self.sandbox,
                    trusted_output: tool.trusted_output,
                    readers: Readers::from_config(&tool.output_readers),
                    trusted_principals: &self.config.user.trusted_values,
                    output: &mut self.output,
                }
                .call(call_id, args, watcher.as_mut());
                // A rule broken after the tool's last check (too late to stop the tool, not
                // too late to stop the run).
                let late = outcome.events.violation().map(|v| v.what.clone());
                *events = outcome.events;
                match (outcome.result, late) {
                    (Err(HostError::Stopped(why)), _) => Err(HostError::Stopped(why)),
                    (_, Some(what)) => Err(HostError::Stopped(format!("it {what}"))),
                    (result, None) => result,
                }
            }
            ToolRunner::McpTool {
                server,
                tool: listed_name,
            } => {
                let (name, timeout) = (tool.name.clone(), tool.timeout);
                let Some(running) = self.servers.iter_mut().find(|s| &s.name == server) else {
                    return Err(HostError::ToolFailed(format!(
                        "MCP server {server} is not running"
                    )));
                };
                let value = running.server.call_tool(listed_name, args, timeout);
                events.sandbox = running.server.take_sandbox_events();
                // What the server's processes did since the last call is this call's doing.
                if let (Some(sensing), Some(watch)) = (&self.sensing, &running.watch) {
                    let seen = watch.try_events();
                    let violation = sensing.check(&seen, &name, call_id);
                    events.sensor = seen.into_iter().map(SensorReport::Seen).collect();
                    if let Some(v) = violation {
                        let what = v.what.clone();
                        events.sensor.push(SensorReport::Violated(v));
                        // The server broke a runtime rule: it serves no further call.
                        self.servers.retain(|s| &s.name != server);
                        return Err(HostError::Stopped(format!(
                            "its MCP server {server} {what}"
                        )));
                    }
                }
                let value = value.map_err(|e| match e {
                    mcp::McpError::InvalidArguments(m) => {
                        HostError::BadCall(format!("{name}(): {m}"))
                    }
                    other => HostError::ToolFailed(other.to_string()),
                })?;
                self.output.charge_value(&value)?;
                Ok(spec.output(call_id, value))
            }
            ToolRunner::Mcp(_) => Err(HostError::BadCall(format!(
                "{} is an MCP server, not a tool",
                tool.name
            ))),
        }
    }

    /// Asks the quarantined model; the interpreter labels and shapes the answer.
    fn ask_quarantined(
        &mut self,
        call_id: &str,
        args: &Map<String, Value>,
    ) -> Result<ToolOutput, HostError> {
        let Some(client) = &self.quarantined else {
            return Err(HostError::BadCall(
                "no quarantined model is configured (llm.quarantined)".into(),
            ));
        };
        let query = match args.get("query") {
            Some(Value::String(q)) => q.clone(),
            Some(other) => other.to_string(),
            None => {
                return Err(HostError::BadCall(
                    "query_ai_assistant() needs a query".into(),
                ))
            }
        };
        let schema = args
            .get("output_schema")
            .cloned()
            .unwrap_or_else(|| serde_json::json!({"type": "string"}));
        let answer = client
            .ask(&query, &schema)
            .map_err(|e| HostError::ToolFailed(e.to_string()))?;
        self.output.charge_value(&answer)?;
        Ok(ToolOutput {
            value: answer,
            sources: [bactrian_provenance::Source::QuarantinedLlm {
                call: call_id.to_string(),
            }]
            .into(),
            readers: Readers::Public,
            parts: Vec::new(),
        })
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
        policies.set_builtin(BuiltinRules::from_config(&config.policy.builtin));
        let approver: Box<dyn Approver + Send> = match (config.policy.approve, prompt) {
            (Approve::Always, _) => Box::new(FixedApprover(Approval::Once)),
            (Approve::Prompt, Some(p)) => p,
            _ => Box::new(FixedApprover(Approval::Deny)),
        };
        let mode = Mode::from_config(&config.llm.mode);
        let agent = config.name.clone();
        let trusted_values = config.user.trusted_values.clone();
        let default = Verdict::from_config(&config.policy.default);
        let tools = AgentTools::new(config, &policies)?;
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
            decisions: Default::default(),
            input_version: crate::InputVersion::default(),
            every_derivation: false,
            caller: None,
        })
    }
}
