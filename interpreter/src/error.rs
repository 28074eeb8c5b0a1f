//! How evaluation unwinds: Python exceptions the plan may catch, and fatal stops it may not.

use crate::syntax::ir::Pos;
use crate::value::{Data, ExcKind, ExcObj, Value};
use bactrian_provenance::Label;
use serde::Serialize;
use std::rc::Rc;

/// A Python exception in flight.
#[derive(Debug, Clone)]
pub struct PyErr {
    pub exc: Rc<ExcObj>,
    /// Join of the labels of everything the exception depends on (its message, the data that
    /// made the operation fail, the control context it was raised in).
    pub label: Label,
    /// Where it was raised, innermost last.
    pub traceback: Vec<Frame>,
}

/// One line of a traceback.
#[derive(Debug, Clone, Serialize)]
pub struct Frame {
    pub line: u32,
    pub col: u32,
    pub function: String,
}

/// What stops a run outright. A plan cannot catch these: a bare `except:` does not see them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fatal {
    /// A resource limit was reached.
    Limit {
        limit: &'static str,
        message: String,
    },
    /// A policy denied a tool call.
    PolicyViolation {
        tool: String,
        call: String,
        reason: String,
    },
    /// A sandbox or sensor rule stopped a tool.
    Stopped { tool: String, reason: String },
    /// The host gave up (for example a configuration error found at call time).
    Host { message: String },
}

impl std::fmt::Display for Fatal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fatal::Limit { message, .. } => write!(f, "{message}"),
            Fatal::PolicyViolation { tool, call, reason } => {
                write!(f, "policy denied {tool} (call {call}): {reason}")
            }
            Fatal::Stopped { tool, reason } => write!(f, "{tool} was stopped: {reason}"),
            Fatal::Host { message } => write!(f, "{message}"),
        }
    }
}

/// Non-local exits of evaluation. Two words, so that an `Eval<bool>` or an `Eval<()>` comes
/// back in registers: `return`'s value waits on the machine ([`crate::eval::Machine`]'s
/// `returned`), not in here, where it made every `Eval` of a small value three words or four
/// written to memory and read back whole (a store-forwarding stall at each).
#[derive(Debug)]
pub enum Unwind {
    Exc(Box<PyErr>),
    Break,
    Continue,
    /// `return`: the value is the machine's `returned` until the call takes it.
    Return,
    Fatal(Box<Fatal>),
}

const _: () = assert!(std::mem::size_of::<Unwind>() == 16);
const _: () = assert!(std::mem::size_of::<Eval<bool>>() == 16);

pub type Eval<T> = Result<T, Unwind>;

impl Unwind {
    pub fn limit(limit: &'static str, message: impl Into<String>) -> Unwind {
        Unwind::Fatal(Box::new(Fatal::Limit {
            limit,
            message: message.into(),
        }))
    }
}

/// Builds an exception with one message argument labeled `label`.
pub fn exception(kind: ExcKind, message: impl Into<String>, label: Label) -> Unwind {
    let msg = Value {
        data: Data::str(&message.into()),
        label,
        node: crate::value::NO_NODE,
    };
    Unwind::Exc(Box::new(PyErr {
        exc: Rc::new(ExcObj::new(kind, vec![msg])),
        label,
        traceback: Vec::new(),
    }))
}

/// An exception with several plain arguments (`OverflowError(34, '...')`).
pub fn exception_with_args(kind: ExcKind, args: Vec<Value>) -> Unwind {
    Unwind::Exc(Box::new(PyErr {
        exc: Rc::new(ExcObj::new(kind, args)),
        label: Label::PROGRAM,
        traceback: Vec::new(),
    }))
}

/// `KeyError(key)`: the key itself is the argument, as in Python (`str()` shows its repr).
pub fn key_error(key: &Value, label: Label) -> Unwind {
    Unwind::Exc(Box::new(PyErr {
        exc: Rc::new(ExcObj::new(ExcKind::KeyError, vec![key.clone()])),
        label,
        traceback: Vec::new(),
    }))
}

/// Shorthand for an exception whose message depends on plan data only.
pub fn err<T>(kind: ExcKind, message: impl Into<String>) -> Eval<T> {
    Err(exception(kind, message, Label::PROGRAM))
}

/// Where an error happened, for `attach_pos`.
pub fn attach(mut unwind: Unwind, pos: Pos, function: &Rc<str>) -> Unwind {
    if let Unwind::Exc(e) = &mut unwind {
        if e.traceback.is_empty() {
            e.traceback.push(Frame {
                line: pos.line,
                col: pos.col,
                function: function.to_string(),
            });
        }
    }
    unwind
}
