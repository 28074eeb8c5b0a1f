//! Bactrian's interpreter: runs the Python subset a planner model writes, with a label on every
//! value, and hands every tool call to a [`ToolHost`].
//!
//! A tour. Run a plan that uses only builtins and read what it printed:
//!
//! ```
//! use bactrian_interpreter::{Config, Interpreter};
//!
//! let outcome = Interpreter::new(Config::default())
//!     .run("plan.py", "total = sum(x * x for x in range(4))\nprint(f'total={total}')\n");
//! assert_eq!(outcome.stdout, "total=14\n");
//! assert!(outcome.error.is_none());
//! ```
//!
//! Errors are Python-shaped, with the line where they happened:
//!
//! ```
//! # use bactrian_interpreter::{Config, Interpreter};
//! let outcome = Interpreter::new(Config::default()).run("plan.py", "d = {}\nd['missing']\n");
//! let error = outcome.error.unwrap();
//! assert_eq!((error.type_name.as_str(), error.line), ("KeyError", 2));
//! ```
//!
//! Tools come from a [`ToolHost`]. Their results are untrusted: whatever is computed from them
//! carries the tool as a source, through containers and methods alike, and the host sees each
//! argument's label when the plan calls the next tool:
//!
//! ```
//! use bactrian_interpreter::{Config, InProcessHost, Interpreter};
//! use serde_json::json;
//!
//! let mut host = InProcessHost::new()
//!     .tool("web_search", |_| Ok(json!({"email": "attacker@evil.com"})))
//!     .tool("send_message", |_| Ok(json!("sent")));
//! let plan = "r = web_search('news')\nto = [r['email']][0].lower()\nsend_message(to, 'hi')\n";
//! let outcome = Interpreter::new(Config::default()).with_host(&mut host).run("plan.py", plan);
//! assert!(outcome.error.is_none());
//! let send = &host.calls[1];
//! assert!(!send.args[0].is_trusted()); // the recipient came from the web
//! assert!(send.args[1].is_trusted()); // the literal body did not
//! ```
//!
//! Constructs outside the subset are refused before anything runs, all at once:
//!
//! ```
//! use bactrian_interpreter::check;
//! let problems = check("import os\nx = open('/etc/passwd')\n", &[]);
//! assert_eq!(problems.len(), 2);
//! assert_eq!(problems[0].line, 1);
//! ```

#![forbid(unsafe_code)]
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

mod builtins;
mod cycles;
mod dictmap;
mod error;
mod eval;
mod format;
mod host;
mod limits;
mod list_items;
pub mod memory;
mod methods;
mod ops;
mod pystr;
mod search;
mod set_order;
mod strtools;
pub mod surface;
mod syntax;
mod unicode;
mod value;

pub use error::{Fatal, Frame as TraceFrame};
pub use host::{
    ArgValue, HostError, InProcessHost, NoTools, PartLabel, Progress, ToolCall, ToolHost,
    ToolOutput, QUARANTINED_LLM,
};
pub use limits::Limits;

pub use surface::language;
pub use syntax::{statement_lines, Diagnostic};

use bactrian_provenance::{Graph, LabelData, Source};
use error::Unwind;
use serde::Serialize;
use std::collections::HashSet;
use std::sync::Arc;

/// How labels follow control flow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Values assigned under a condition, and tool calls made under it, carry the condition's
    /// label (the default: a branch on untrusted data cannot choose a recipient).
    #[default]
    Strict,
    /// Only data flow is tracked.
    Normal,
}

/// What a run may do.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub limits: Limits,
    pub mode: Mode,
    /// Which module variables to report in [`RunOutcome::variables`].
    pub inspect: Inspect,
    /// Report executed statements and new derivations to the host (for the record).
    pub trace: bool,
    /// Set from another thread to stop the run (checked every 1024 steps, and by the host
    /// while a tool runs): it ends with `Fatal::Host` "the run was cancelled".
    pub cancel: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
    /// Run on the calling thread instead of a fresh one: only for a thread made with at
    /// least [`EVAL_STACK_SIZE`] of stack (a host's pool of run threads, whose allocator
    /// heaps and stack pages stay warm from one run to the next).
    pub on_this_thread: bool,
}

/// The stack a thread needs to run plans on itself ([`Config::on_this_thread`]).
pub const EVAL_STACK_SIZE: usize = eval::STACK_SIZE;

/// Which variables a run reports at its end (computing a label means walking the value).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Inspect {
    /// Every module-level variable (tests and debugging).
    #[default]
    All,
    /// Only these names (the CLI asks for `result`).
    Names(Vec<String>),
}

/// An error that ended a run, shaped for a planner model to fix its code.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorReport {
    /// `KeyError`, `SyntaxError`, `PolicyViolation`, `LimitExceeded`, ...
    pub type_name: String,
    /// The message; replaced by a notice when it depends on untrusted data.
    pub message: String,
    pub line: u32,
    pub col: u32,
    /// True when the message was withheld because it depends on untrusted data.
    pub redacted: bool,
    /// Where the error happened, outermost first.
    pub traceback: Vec<TraceFrame>,
    /// Every problem, for `SyntaxError`/`UnsupportedSyntax` reports.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
    /// Set when a policy, sandbox or limit stopped the run (not a Python exception).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fatal: Option<Fatal>,
}

impl ErrorReport {
    /// A Python-style traceback, as `python3` prints it on stderr.
    pub fn traceback_text(&self, filename: &str) -> String {
        let mut out = String::from("Traceback (most recent call last):\n");
        for f in &self.traceback {
            out.push_str(&format!(
                "  File \"{filename}\", line {}, in {}\n",
                f.line, f.function
            ));
        }
        if self.message.is_empty() {
            out.push_str(&format!("{}\n", self.type_name));
        } else {
            out.push_str(&format!("{}: {}\n", self.type_name, self.message));
        }
        out
    }
}

/// The result of a run.
pub struct RunOutcome {
    /// Everything the plan printed.
    pub stdout: String,
    /// `None` when the plan finished.
    pub error: Option<ErrorReport>,
    /// The derivation graph of the run.
    pub graph: Graph,
    /// Values of the module's variables at the end, with their labels (for inspection and
    /// tests).
    pub variables: Vec<Variable>,
    /// Statements, loop turns and calls executed.
    pub steps: u64,
}

/// A module-level variable after a run.
#[derive(Clone, Debug, Serialize)]
pub struct Variable {
    pub name: String,
    pub repr: String,
    pub label: Arc<LabelData>,
    /// The variable's derivation node (0: only plan literals).
    pub node: u32,
}

impl RunOutcome {
    /// The variable called `name`, if the plan set it.
    pub fn variable(&self, name: &str) -> Option<&Variable> {
        self.variables.iter().find(|v| v.name == name)
    }

    /// Sources of a variable, as short strings (`tool:web_search`, `user`, `program`).
    pub fn sources_of(&self, name: &str) -> Vec<String> {
        self.variable(name)
            .map(|v| v.label.sources.iter().map(source_tag).collect())
            .unwrap_or_default()
    }
}

/// `tool:NAME`, `user`, `program`, `quarantined_llm`, `system`.
pub fn source_tag(s: &Source) -> String {
    match s {
        Source::Tool { name, .. } => format!("tool:{name}"),
        Source::User => "user".into(),
        Source::Program => "program".into(),
        Source::QuarantinedLlm { .. } => "quarantined_llm".into(),
        Source::System => "system".into(),
    }
}

/// Lists every syntax error and refused construct in a plan, running nothing.
pub fn check(source: &str, tools: &[String]) -> Vec<Diagnostic> {
    let tools: HashSet<String> = tools.iter().cloned().collect();
    match run_on_big_stack(|| syntax::compile(source, &tools).err()) {
        Some(Some(diagnostics)) => diagnostics,
        Some(None) => Vec::new(),
        None => vec![Diagnostic {
            kind: "SyntaxError",
            message: "the plan could not be analysed".into(),
            line: 1,
            col: 1,
        }],
    }
}

/// Like [`check`], for a plan that will run with an agent's tools: also reports names that
/// are defined nowhere and keyword arguments a tool does not declare. `tools` maps each tool
/// to its parameter names.
pub fn check_for_agent(source: &str, tools: &[(String, Vec<String>)]) -> Vec<Diagnostic> {
    run_on_big_stack(|| syntax::check_with_tools(source, tools)).unwrap_or_else(|| {
        vec![Diagnostic {
            kind: "SyntaxError",
            message: "the plan could not be analysed".into(),
            line: 1,
            col: 1,
        }]
    })
}

/// Runs `f` on a thread with a large stack (deep plans recurse deeply), returning `None` if
/// it panicked.
fn run_on_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> Option<T> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("bactrian-eval".into())
            .stack_size(eval::STACK_SIZE)
            .spawn_scoped(scope, f)
            .ok()?
            .join()
            .ok()
    })
}

/// Runs plans.
pub struct Interpreter<'h> {
    config: Config,
    host: Option<&'h mut (dyn ToolHost + Send)>,
}

impl<'h> Interpreter<'h> {
    pub fn new(config: Config) -> Interpreter<'h> {
        Interpreter { config, host: None }
    }

    /// Sends tool calls to `host`.
    pub fn with_host(mut self, host: &'h mut (dyn ToolHost + Send)) -> Interpreter<'h> {
        self.host = Some(host);
        self
    }

    /// Parses, checks and runs a plan. Never panics on any input.
    pub fn run(self, filename: &str, source: &str) -> RunOutcome {
        let _ = filename;
        let config = self.config;
        let mut no_tools = NoTools;
        let host: &mut (dyn ToolHost + Send) = match self.host {
            Some(h) => h,
            None => &mut no_tools,
        };
        if source.len() as u64 > config.limits.max_source_bytes {
            return RunOutcome::failed(limit_report(
                "source size",
                format!(
                    "source size limit exceeded: the plan is {} bytes, more than {}",
                    source.len(),
                    config.limits.max_source_bytes
                ),
            ));
        }
        let result = if config.on_this_thread {
            // The thread was made for this (see `on_this_thread`); a panic, which would be a
            // bug, is caught as the spawned thread's join catches it.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
                run_inner(config, host, source)
            }))
            .ok()
        } else {
            run_on_big_stack(move || run_inner(config, host, source))
        };
        result.unwrap_or_else(|| {
            RunOutcome::failed(ErrorReport {
                type_name: "InternalError".into(),
                message: "the interpreter failed; this is a bug in Bactrian".into(),
                line: 0,
                col: 0,
                redacted: false,
                traceback: Vec::new(),
                diagnostics: Vec::new(),
                fatal: None,
            })
        })
    }
}

fn limit_report(limit: &'static str, message: String) -> ErrorReport {
    ErrorReport {
        type_name: "LimitExceeded".into(),
        message: message.clone(),
        line: 0,
        col: 0,
        redacted: false,
        traceback: Vec::new(),
        diagnostics: Vec::new(),
        fatal: Some(Fatal::Limit { limit, message }),
    }
}

impl RunOutcome {
    fn failed(error: ErrorReport) -> RunOutcome {
        RunOutcome {
            stdout: String::new(),
            error: Some(error),
            graph: Graph::new(),
            variables: Vec::new(),
            steps: 0,
        }
    }
}

fn run_inner(config: Config, host: &mut (dyn ToolHost + Send), source: &str) -> RunOutcome {
    // What this thread held before the run is not the run's (a host's run thread, reused).
    let live_base = memory::live_bytes();
    let tools: HashSet<String> = host.tool_names().into_iter().collect();
    let program = match syntax::compile(source, &tools) {
        Ok(p) => p,
        Err(diagnostics) => {
            // `compile` fails with at least one diagnostic.
            let (type_name, message, line, col) = match diagnostics.first() {
                Some(d) => (d.kind.to_string(), d.message.clone(), d.line, d.col),
                None => (
                    "SyntaxError".into(),
                    "the plan does not compile".into(),
                    0,
                    0,
                ),
            };
            return RunOutcome::failed(ErrorReport {
                type_name,
                message,
                line,
                col,
                redacted: false,
                traceback: Vec::new(),
                diagnostics,
                fatal: None,
            });
        }
    };
    let mut machine = eval::Machine::new(host, config.limits.clone(), config.mode == Mode::Strict);
    machine.tracing = config.trace;
    machine.cancel = config.cancel.clone();
    machine.live_base = live_base;
    let result = machine.run_program(&program);
    machine.report_progress();
    let error = match result {
        Ok(()) => None,
        Err(unwind) => Some(report(&mut machine, unwind)),
    };
    let variables = collect_variables(&mut machine, &config.inspect);
    let outcome = RunOutcome {
        stdout: std::mem::take(&mut machine.stdout),
        error,
        steps: machine.steps,
        variables,
        graph: std::mem::take(&mut machine.graph),
    };
    drop(machine);
    // No value outlives the run: free what only reference cycles kept alive.
    cycles::break_cycles();
    outcome
}

fn collect_variables(m: &mut eval::Machine, inspect: &Inspect) -> Vec<Variable> {
    let mut out = Vec::new();
    let names = m.global_names.clone();
    for (i, name) in names.iter().enumerate() {
        if let Inspect::Names(wanted) = inspect {
            if !wanted.iter().any(|w| **w == **name) {
                continue;
            }
        }
        let Some(v) = m.globals.get(i).cloned().flatten() else {
            continue;
        };
        if matches!(v.data, value::Data::Unbound) {
            continue;
        }
        let label = m.full_label(&v);
        let repr = m.repr(&v).unwrap_or_else(|_| "<unprintable>".into());
        out.push(Variable {
            name: name.to_string(),
            repr,
            label: m.labels.get(label).clone(),
            node: v.node,
        });
    }
    out
}

fn report(m: &mut eval::Machine, unwind: Unwind) -> ErrorReport {
    match unwind {
        Unwind::Exc(e) => {
            let trusted = m.labels.is_trusted(e.label);
            let restricted = matches!(
                m.labels.get(e.label).readers,
                bactrian_provenance::Readers::Only(_)
            );
            let frame = e.traceback.first().cloned();
            let message = if trusted && !restricted {
                let v = bactrian_interpreter_exc_value(&e);
                m.str_of(&v).unwrap_or_default()
            } else if !trusted {
                let sources: Vec<String> = m
                    .labels
                    .get(e.label)
                    .untrusted_sources()
                    .map(|s| s.describe())
                    .collect();
                format!(
                    "<message withheld: it depends on untrusted data from {}>",
                    sources.join(", ")
                )
            } else {
                "<message withheld: it depends on data with restricted readers>".to_string()
            };
            let trusted = trusted && !restricted;
            ErrorReport {
                type_name: e.exc.type_name().to_string(),
                message,
                line: frame.as_ref().map(|f| f.line).unwrap_or(0),
                col: frame.as_ref().map(|f| f.col).unwrap_or(0),
                redacted: !trusted,
                traceback: e.traceback.clone(),
                diagnostics: Vec::new(),
                fatal: None,
            }
        }
        Unwind::Fatal(f) => {
            let type_name = match &*f {
                Fatal::Limit { .. } => "LimitExceeded",
                Fatal::PolicyViolation { .. } => "PolicyViolation",
                Fatal::Stopped { .. } => "ToolStopped",
                Fatal::Host { .. } => "HostError",
            };
            ErrorReport {
                type_name: type_name.into(),
                message: f.to_string(),
                line: m.pos.line,
                col: m.pos.col,
                redacted: false,
                traceback: Vec::new(),
                diagnostics: Vec::new(),
                fatal: Some(*f),
            }
        }
        Unwind::Break | Unwind::Continue | Unwind::Return => ErrorReport {
            type_name: "SyntaxError".into(),
            message: "control flow escaped its block".into(),
            line: m.pos.line,
            col: m.pos.col,
            redacted: false,
            traceback: Vec::new(),
            diagnostics: Vec::new(),
            fatal: None,
        },
    }
}

fn bactrian_interpreter_exc_value(e: &error::PyErr) -> value::Value {
    value::Value::program(value::Data::Exception(e.exc.clone()))
}
