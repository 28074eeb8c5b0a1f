//! Where tool calls go once the policy allowed them.

use super::spec::ToolSpec;
use bactrian_interpreter::{HostError, ToolOutput};
use bactrian_provenance::Source;
use serde_json::{Map, Value};

/// The tools of an agent: their declarations, and a way to run each.
pub trait ToolSet {
    fn specs(&self) -> Vec<ToolSpec>;
    /// Runs an allowed call with its arguments by name.
    fn run(
        &mut self,
        spec: &ToolSpec,
        call_id: &str,
        args: &Map<String, Value>,
    ) -> Result<ToolOutput, HostError>;

    /// What the sandbox and the sensor saw of the call `run` just made (nothing, for tools
    /// that are not processes).
    fn take_events(&mut self, _call_id: &str) -> super::watch::CallEvents {
        super::watch::CallEvents::default()
    }
}

type ToolFn = Box<dyn FnMut(&Map<String, Value>) -> Result<Value, String> + Send>;

/// Tools as Rust closures, for tests and embedding.
#[derive(Default)]
pub struct InProcessTools {
    tools: Vec<(ToolSpec, ToolFn)>,
}

impl InProcessTools {
    pub fn new() -> InProcessTools {
        InProcessTools::default()
    }

    pub fn tool(
        mut self,
        spec: ToolSpec,
        f: impl FnMut(&Map<String, Value>) -> Result<Value, String> + Send + 'static,
    ) -> Self {
        self.tools.push((spec, Box::new(f)));
        self
    }
}

impl ToolSet for InProcessTools {
    fn specs(&self) -> Vec<ToolSpec> {
        self.tools.iter().map(|(s, _)| s.clone()).collect()
    }

    fn run(
        &mut self,
        spec: &ToolSpec,
        call_id: &str,
        args: &Map<String, Value>,
    ) -> Result<ToolOutput, HostError> {
        let Some((_, f)) = self.tools.iter_mut().find(|(s, _)| s.name == spec.name) else {
            return Err(HostError::BadCall(format!("no tool named '{}'", spec.name)));
        };
        let value = f(args).map_err(HostError::ToolFailed)?;
        Ok(ToolOutput {
            value,
            sources: [Source::Tool {
                name: spec.name.clone(),
                call: call_id.to_string(),
                inner: None,
                trusted: spec.trusted_output,
            }]
            .into(),
            readers: spec.output_readers.clone(),
            parts: Vec::new(),
        })
    }
}
