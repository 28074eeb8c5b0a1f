//! Bactrian's engine: runs a planner's plan in the labelled interpreter, judges every tool
//! call against the policies, runs the tools (commands in the Landlock sandbox, watched by the
//! eBPF sensor; MCP servers; the quarantined model) and writes every step into the signed
//! provenance [`record`]. The `bactrian` command line, and any host that embeds Bactrian, are
//! thin layers over [`Engine`].
//!
//! A tour: an agent with two in-process tools and the built-in policy. The plan sends mail to
//! an address it read on the web; the policy stops the call before the tool runs.
//!
//! ```
//! use bactrian_engine::{Engine, ToolSpec, ParamSpec, InProcessTools};
//! use serde_json::json;
//!
//! let tools = InProcessTools::new()
//!     .tool(ToolSpec::new("web_search").param(ParamSpec::new("query")),
//!           |_| Ok(json!({"contact": "attacker@evil.com"})))
//!     .tool(ToolSpec::new("send_message")
//!               .param(ParamSpec::new("to").sensitive().recipient())
//!               .param(ParamSpec::new("content")),
//!           |_| Ok(json!("sent")));
//! let mut engine = Engine::new(tools);
//! let report = engine.run("plan.py", "r = web_search('news')\nsend_message(r['contact'], 'hi')\n", "");
//! let error = report.outcome.error.as_ref().unwrap();
//! assert_eq!(error.type_name, "PolicyViolation");
//! assert!(error.message.contains("to came from web_search (call c1)"));
//! assert_eq!(report.tool_calls[1].decision, bactrian_policy::Verdict::Deny);
//! assert!(report.tool_calls[1].result.is_none()); // send_message never ran
//! ```

// Errors, not panics, outside tests: nothing a plan, a config or a tool sends can abort.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod record;

mod agent;
mod approval;
mod big_ints;
mod command;
mod convert;
mod counting;
mod explain;
mod fields;
mod gate;
pub mod host;
mod input;
pub mod journal;
mod json_schema;
pub mod mcp;
mod prompt;
pub mod quarantined;
mod recorder;
mod replay;
mod sandboxing;
mod sensing;
mod spec;
mod tools;
mod watch;

pub use agent::{agent_tool_specs, callable_tools, AgentTools, SetupError};
pub use approval::{Approval, Approver, FixedApprover};
pub use command::{parse_response, CommandTool, ResponseOrigin};
pub use counting::CountingAllocator;
pub use explain::explain_call;
pub use gate::{judge, CallRecord, DecisionSource, PolicyGate};
pub use input::{input_document, InputVersion};
pub use prompt::{agent_prompt, planner_prompt, PromptOptions};
pub use recorder::{MemorySink, Recorder, Sink};
pub use replay::{replay, Rejudged, ReplayReport};
pub use sandboxing::profile_for;
pub use sensing::{sensor_probe, Sensing, SensingError};
pub use spec::{Audience, ParamSpec, ParamType, ToolSpec};
pub use tools::{CallOutcome, HostCallFn, HostTools, InProcessTools, OutputBudget, ToolSet};
pub use watch::{CallEvents, SensorReport, Unwatched, Violation, Watcher};

use bactrian_interpreter::{Config, Interpreter, RunOutcome};
use bactrian_policy::{PolicySet, Verdict};

/// What a run produced: the interpreter's outcome and every tool call with its decision.
pub struct RunReport {
    pub outcome: RunOutcome,
    pub tool_calls: Vec<CallRecord>,
}

/// A configured agent, ready to run plans.
pub struct Engine<T: ToolSet> {
    pub tools: T,
    pub policies: PolicySet,
    pub config: Config,
    pub agent: String,
    /// Values the user gave in configuration (`user.trusted_values`).
    pub trusted_values: Vec<String>,
    /// For calls no policy speaks to (tools may override it).
    pub default: Verdict,
    pub approver: Box<dyn Approver + Send>,
    /// Who decides each call: the policies, or (replaying a record) its decisions.
    pub decisions: DecisionSource,
    /// The input document to build: the engine's own, or an older record's (replay).
    pub input_version: InputVersion,
    /// Record every `derive` node, as records made before merging did (replaying them);
    /// see [`Recorder::every_derivation`].
    pub every_derivation: bool,
    /// Who asked for the run, for the record's program node (the daemon's caller).
    pub caller: Option<serde_json::Value>,
}

impl<T: ToolSet> Engine<T> {
    /// The same engine over other tools (the same tools wrapped: journaled, joined with the
    /// client's host tools).
    pub fn map_tools<U: ToolSet>(self, f: impl FnOnce(T) -> U) -> Engine<U> {
        Engine {
            tools: f(self.tools),
            policies: self.policies,
            config: self.config,
            agent: self.agent,
            trusted_values: self.trusted_values,
            default: self.default,
            approver: self.approver,
            decisions: self.decisions,
            input_version: self.input_version,
            every_derivation: self.every_derivation,
            caller: self.caller,
        }
    }
}

impl<T: ToolSet + Send> Engine<T> {
    /// An engine with the built-in rules, default-allow, and no approvals.
    pub fn new(tools: T) -> Engine<T> {
        Engine {
            tools,
            policies: PolicySet::new(),
            config: Config::default(),
            agent: "agent".into(),
            trusted_values: Vec::new(),
            default: Verdict::Allow,
            approver: Box::new(FixedApprover(Approval::Deny)),
            decisions: DecisionSource::Policies,
            input_version: InputVersion::default(),
            every_derivation: false,
            caller: None,
        }
    }

    /// Runs a plan for a user request (`query`, which is trusted: the values it names become
    /// trusted values).
    pub fn run(&mut self, filename: &str, source: &str, query: &str) -> RunReport {
        self.run_with(filename, source, query, None)
    }

    /// Runs a plan and writes every step into `sink` as it goes. If the record cannot be
    /// written, the run stops at the next tool call, before that tool runs, or at once when
    /// it is the call's own result that could not be written (the plan never sees what the
    /// record does not show).
    pub fn run_recorded(
        &mut self,
        filename: &str,
        source: &str,
        query: &str,
        sink: Box<dyn Sink + Send>,
    ) -> (RunReport, Recorder) {
        let mut recorder = Recorder::new(sink);
        recorder.input_version = self.input_version;
        recorder.every_derivation = self.every_derivation;
        recorder.caller = self.caller.clone();
        let trusted = self.trusted_values_for(query);
        recorder.program(
            filename,
            source,
            &self.tools.specs(),
            &trusted,
            self.config.mode == bactrian_interpreter::Mode::Strict,
            &self.agent,
            self.default.as_str(),
        );
        let report = self.run_with(filename, source, query, Some(&mut recorder));
        recorder.end(&report.outcome);
        (report, recorder)
    }

    fn trusted_values_for(&self, query: &str) -> Vec<String> {
        let mut trusted = self.trusted_values.clone();
        for v in bactrian_agent_config::trusted_values_from_query(query) {
            if !trusted.contains(&v) {
                trusted.push(v);
            }
        }
        trusted
    }

    fn run_with(
        &mut self,
        filename: &str,
        source: &str,
        query: &str,
        recorder: Option<&mut Recorder>,
    ) -> RunReport {
        let trusted = self.trusted_values_for(query);
        let mut config = self.config.clone();
        config.trace = recorder.is_some();
        if let Some(budget) = counting::address_space_budget() {
            config.limits.max_alloc_bytes = config.limits.max_alloc_bytes.min(budget);
        }
        let mut gate = PolicyGate {
            tools: &mut self.tools,
            policies: &self.policies,
            agent: &self.agent,
            trusted_values: trusted,
            default: self.default,
            approver: self.approver.as_mut(),
            calls: Vec::new(),
            approved_for_run: Vec::new(),
            recorder,
            decisions: &mut self.decisions,
            input_version: self.input_version,
            record_broken: None,
        };
        let outcome = Interpreter::new(config)
            .with_host(&mut gate)
            .run(filename, source);
        RunReport {
            outcome,
            tool_calls: gate.calls,
        }
    }
}
