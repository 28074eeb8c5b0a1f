//! Answers to `ask` decisions.

use bactrian_interpreter::ToolCall;
use bactrian_policy::Reason;

/// How an `ask` was answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approval {
    /// Allow this call only.
    Once,
    /// Allow this tool for the rest of the run.
    ForRun,
    Deny,
}

impl Approval {
    pub fn as_str(self) -> &'static str {
        match self {
            Approval::Once => "allow once",
            Approval::ForRun => "allow for the rest of the run",
            Approval::Deny => "deny",
        }
    }
}

/// Decides `ask` decisions: a person at a terminal, a fixed answer for unattended runs, or a
/// callback in a library.
pub trait Approver {
    fn approve(&mut self, call: &ToolCall, reasons: &[Reason]) -> Approval;
}

/// Always gives the same answer (`Deny` for unattended runs, `Once` for `--approve always`).
pub struct FixedApprover(pub Approval);

impl Approver for FixedApprover {
    fn approve(&mut self, _call: &ToolCall, _reasons: &[Reason]) -> Approval {
        self.0
    }
}

impl<F: FnMut(&ToolCall, &[Reason]) -> Approval> Approver for F {
    fn approve(&mut self, call: &ToolCall, reasons: &[Reason]) -> Approval {
        self(call, reasons)
    }
}
