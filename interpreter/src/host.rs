//! The boundary between the interpreter and the world: every tool call goes to a [`ToolHost`],
//! which is where policy, sandbox and record plug in.

use bactrian_provenance::{LabelData, NodeId, Readers, Source};
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The name plans use to ask the quarantined model (CaMeL's name). Its answer is labeled
/// with everything it was given, and built into the `output_schema` the plan asked for.
pub const QUARANTINED_LLM: &str = "query_ai_assistant";

/// An argument as the host sees it: its plain JSON value, the label of the whole value, and
/// for lists, tuples, sets, dicts and data models the labeled parts, so that a policy can ask
/// about each recipient of a list.
#[derive(Clone, Debug, Serialize)]
pub struct ArgValue {
    pub value: serde_json::Value,
    /// The full label: the join over the whole value (and the call's control context).
    pub label: Arc<LabelData>,
    #[serde(skip)]
    pub node: NodeId,
    /// The lineage in plain words (`to (line 3) ← r['email'] (line 2) ← web_search(call c1)`).
    pub lineage: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ArgValue>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<(String, ArgValue)>,
}

impl ArgValue {
    pub fn is_trusted(&self) -> bool {
        self.label.is_trusted()
    }
}

/// One tool call, after the interpreter evaluated its arguments.
#[derive(Clone, Debug, Serialize)]
pub struct ToolCall {
    /// `c1`, `c2`, ... in call order.
    pub id: String,
    /// 1-based position of the call in the run.
    pub index: u32,
    pub tool: String,
    pub args: Vec<ArgValue>,
    pub kwargs: Vec<(String, ArgValue)>,
    pub line: u32,
    /// The label of the call's control context: everything that decided whether this call
    /// happens at all (the conditions and loops around it, what a `try` body computed before
    /// it). Every argument's label already includes it; a call with no argument still
    /// tells its audience this much.
    pub context: Arc<LabelData>,
}

/// A label the host attaches to part of a tool's result (an email's `from` field carries its
/// sender as inner source, a document its readers).
#[derive(Clone, Debug, PartialEq)]
pub struct PartLabel {
    /// Object keys and array indices (as strings) from the result's root.
    pub path: Vec<String>,
    pub inner: Option<String>,
    pub readers: Option<Readers>,
    pub trusted: bool,
}

/// What a tool returned.
#[derive(Clone, Debug, PartialEq)]
pub struct ToolOutput {
    pub value: serde_json::Value,
    /// Sources of the whole result (normally one `Source::Tool`).
    pub sources: BTreeSet<Source>,
    pub readers: Readers,
    pub parts: Vec<PartLabel>,
}

impl ToolOutput {
    /// An untrusted, public result of `tool` for call `call`.
    pub fn untrusted(tool: &str, call: &str, value: serde_json::Value) -> ToolOutput {
        ToolOutput {
            value,
            sources: [Source::tool(tool, call)].into(),
            readers: Readers::Public,
            parts: Vec::new(),
        }
    }
}

/// Why a tool call did not produce a result.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum HostError {
    /// A policy denied the call: the run ends with `PolicyViolation`, which the plan cannot
    /// catch.
    #[error("{reason}")]
    Denied { reason: String },
    /// The tool ran and failed (crashed, timed out, answered with an error): the plan sees a
    /// `ToolError` it may catch.
    #[error("{0}")]
    ToolFailed(String),
    /// A sandbox or sensor rule stopped the tool: the run ends.
    #[error("{0}")]
    Stopped(String),
    /// The call is malformed (unknown parameter, wrong type): the plan sees a `TypeError`.
    #[error("{0}")]
    BadCall(String),
}

/// What happened since the host last heard: the lines of the statements executed, in order,
/// and the derivation nodes added to the graph (`graph` nodes `new_nodes`).
pub struct Progress<'a> {
    pub lines: &'a [u32],
    pub graph: &'a bactrian_provenance::Graph,
    pub new_nodes: std::ops::Range<u32>,
}

/// Receives every tool call of a run.
pub trait ToolHost {
    /// The names of the tools the plan may call.
    fn tool_names(&self) -> Vec<String>;

    /// Performs one call.
    fn call(&mut self, call: &ToolCall) -> Result<ToolOutput, HostError>;

    /// Called before each tool call and once at the end of the run, when the run is traced
    /// (`Config::trace`): the record hooks in here.
    fn progress(&mut self, _progress: Progress<'_>) {}
}

/// A host with no tools.
#[derive(Default)]
pub struct NoTools;

impl ToolHost for NoTools {
    fn tool_names(&self) -> Vec<String> {
        Vec::new()
    }
    fn call(&mut self, call: &ToolCall) -> Result<ToolOutput, HostError> {
        Err(HostError::BadCall(format!("no tool named '{}'", call.tool)))
    }
}

type ToolFn = Box<dyn FnMut(&ToolCall) -> Result<serde_json::Value, String> + Send>;

/// An in-process host for tests and examples: tools are Rust closures; results are labeled
/// as untrusted output of the tool unless the tool was added as trusted. Every call is kept
/// in `calls`.
#[derive(Default)]
pub struct InProcessHost {
    tools: Vec<(String, ToolFn, bool)>,
    pub calls: Vec<ToolCall>,
}

impl InProcessHost {
    pub fn new() -> InProcessHost {
        InProcessHost::default()
    }

    /// Adds a tool whose output is untrusted.
    pub fn tool(
        mut self,
        name: &str,
        f: impl FnMut(&ToolCall) -> Result<serde_json::Value, String> + Send + 'static,
    ) -> Self {
        self.tools.push((name.to_string(), Box::new(f), false));
        self
    }

    /// Adds a tool whose output is trusted (a clock, say).
    pub fn trusted_tool(
        mut self,
        name: &str,
        f: impl FnMut(&ToolCall) -> Result<serde_json::Value, String> + Send + 'static,
    ) -> Self {
        self.tools.push((name.to_string(), Box::new(f), true));
        self
    }
}

impl ToolHost for InProcessHost {
    fn tool_names(&self) -> Vec<String> {
        self.tools.iter().map(|(n, _, _)| n.clone()).collect()
    }

    fn call(&mut self, call: &ToolCall) -> Result<ToolOutput, HostError> {
        self.calls.push(call.clone());
        let Some((_, f, trusted)) = self.tools.iter_mut().find(|(n, _, _)| *n == call.tool) else {
            return Err(HostError::BadCall(format!("no tool named '{}'", call.tool)));
        };
        let value = f(call).map_err(HostError::ToolFailed)?;
        let source = Source::Tool {
            name: call.tool.clone(),
            call: call.id.clone(),
            inner: None,
            trusted: *trusted,
        };
        Ok(ToolOutput {
            value,
            sources: [source].into(),
            readers: Readers::Public,
            parts: Vec::new(),
        })
    }
}
