//! Where tool calls go once the policy allowed them.

use super::spec::ToolSpec;
use super::watch::CallEvents;
use bactrian_interpreter::{HostError, PartLabel, ToolOutput};
use serde_json::{Map, Value};

/// The tools of an agent: their declarations, and a way to run each.
pub trait ToolSet {
    fn specs(&self) -> Vec<ToolSpec>;
    /// Runs an allowed call with its arguments by name, and each argument's label
    /// (`{"trusted", "sources", "readers"}` by parameter name) for tools that show them
    /// (host tools).
    fn run(
        &mut self,
        spec: &ToolSpec,
        call_id: &str,
        args: &Map<String, Value>,
        labels: &Map<String, Value>,
    ) -> CallOutcome;
}

/// How a host tool's call reaches the client and its answer comes back.
pub type HostCallFn = Box<
    dyn FnMut(
            &ToolSpec,
            &str,
            &Map<String, Value>,
            &Map<String, Value>,
        ) -> Result<ToolOutput, HostError>
        + Send,
>;

/// Tools that live in the client ([`crate::host`]): each allowed call goes to `call`.
pub struct HostTools {
    pub specs: Vec<ToolSpec>,
    pub call: HostCallFn,
}

impl ToolSet for HostTools {
    fn specs(&self) -> Vec<ToolSpec> {
        self.specs.clone()
    }

    fn run(
        &mut self,
        spec: &ToolSpec,
        call_id: &str,
        args: &Map<String, Value>,
        labels: &Map<String, Value>,
    ) -> CallOutcome {
        (self.call)(spec, call_id, args, labels).into()
    }
}

/// What one call gave: the result for the plan, and what the sandbox and the sensor saw of it
/// (nothing, for tools that are not processes).
#[derive(Debug)]
pub struct CallOutcome {
    pub result: Result<ToolOutput, HostError>,
    pub events: CallEvents,
}

impl From<Result<ToolOutput, HostError>> for CallOutcome {
    /// The outcome of a call nothing watched.
    fn from(result: Result<ToolOutput, HostError>) -> Self {
        CallOutcome {
            result,
            events: CallEvents::default(),
        }
    }
}

/// The most a tool may print on stdout in one call (an MCP server: in one message).
pub const MAX_CALL_OUTPUT: usize = 16 << 20;

/// The most the tools of one run may return in all, in bytes of JSON. Tool results are not
/// charged to the plan's allocation limit, and a result costs the interpreter many times its
/// size in JSON (a list of short strings about 40 times): this keeps what tools hand a run
/// well within memory.
pub const MAX_RUN_OUTPUT: usize = 32 << 20;

/// What the tools of one run may still return.
#[derive(Debug)]
pub struct OutputBudget {
    left: usize,
}

impl Default for OutputBudget {
    fn default() -> Self {
        OutputBudget {
            left: MAX_RUN_OUTPUT,
        }
    }
}

impl OutputBudget {
    /// The most the next call may print: [`MAX_CALL_OUTPUT`], or what is left of the run's.
    pub fn next_cap(&self) -> usize {
        MAX_CALL_OUTPUT.min(self.left)
    }

    /// Counts `bytes` of a result against the run's budget.
    pub fn charge(&mut self, bytes: usize) {
        self.left = self.left.saturating_sub(bytes);
    }

    /// Counts a result that arrived whole (an MCP answer) against the budget; an error when
    /// it does not fit what is left.
    pub fn charge_value(&mut self, value: &Value) -> Result<(), HostError> {
        let mut counter = ByteCounter(0);
        // Writing to a counter cannot fail.
        let _ = serde_json::to_writer(&mut counter, value);
        if counter.0 > self.next_cap() {
            return Err(HostError::ToolFailed(self.too_much(self.next_cap())));
        }
        self.charge(counter.0);
        Ok(())
    }

    /// The error of a call that printed more than `cap` bytes, its cap.
    pub fn too_much(&self, cap: usize) -> String {
        if cap >= MAX_CALL_OUTPUT {
            format!("printed more than {MAX_CALL_OUTPUT} bytes")
        } else {
            format!(
                "printed more than the {cap} bytes left of the run's tool output limit \
                 ({MAX_RUN_OUTPUT} bytes for all the tool results of a run)"
            )
        }
    }
}

/// Checks that every labelled part of a tool's result names a part that is there. A label
/// whose path matched nothing would be dropped, and the data it restricts (to its readers, or
/// as untrusted) would go out under the whole result's label: fail closed instead.
pub fn check_part_paths(result: &Value, parts: &[PartLabel]) -> Result<(), HostError> {
    for (i, part) in parts.iter().enumerate() {
        let mut here = result;
        for (depth, step) in part.path.iter().enumerate() {
            let next = match here {
                Value::Object(map) => map.get(step),
                Value::Array(items) => step.parse::<usize>().ok().and_then(|n| items.get(n)),
                _ => None,
            };
            let Some(next) = next else {
                let path = serde_json::to_string(part.path.get(..=depth).unwrap_or_default())
                    .unwrap_or_default();
                return Err(HostError::ToolFailed(format!(
                    "labels[{i}]: the path {path} names nothing in the result, so the \
                     label could not be applied"
                )));
            };
            here = next;
        }
    }
    Ok(())
}

/// Counts the bytes written to it.
struct ByteCounter(usize);

impl std::io::Write for ByteCounter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
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
        _labels: &Map<String, Value>,
    ) -> CallOutcome {
        let Some((_, f)) = self.tools.iter_mut().find(|(s, _)| s.name == spec.name) else {
            return Err(HostError::BadCall(format!("no tool named '{}'", spec.name))).into();
        };
        let value = match f(args) {
            Ok(value) => value,
            Err(e) => return Err(HostError::ToolFailed(e)).into(),
        };
        Ok(spec.output(call_id, value)).into()
    }
}
