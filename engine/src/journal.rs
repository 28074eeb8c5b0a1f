//! The journal of a run: what each tool call gave and how each `ask` was answered, in the
//! order the plan asked. Running the same plan again with its journal answers every journaled
//! call from it (no tool runs again, nobody is asked again) and continues live after the
//! last entry: this is how a suspended run resumes after a restart, on any replica that can
//! read the journal. The plan's run is deterministic given these answers, so the replay
//! reaches the same state; a plan that asks for anything else than the journal holds stops.

use super::approval::{Approval, Approver};
use super::spec::ToolSpec;
use super::tools::{CallOutcome, ToolSet};
use bactrian_interpreter::{HostError, PartLabel, ToolCall, ToolOutput};
use bactrian_policy::Reason;
use bactrian_provenance::{Readers, Source};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

/// One step of a run that came from outside the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum JournalEntry {
    /// A call the policy allowed, and what the tool gave.
    Call {
        call: String,
        tool: String,
        args: Map<String, Value>,
        outcome: JournalOutcome,
    },
    /// How an `ask` was answered: `once`, `for_run` or `deny`.
    Approval {
        call: String,
        tool: String,
        answer: String,
    },
}

/// What a journaled call gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum JournalOutcome {
    Ok {
        value: Value,
        sources: BTreeSet<Source>,
        readers: Readers,
        #[serde(default)]
        parts: Vec<JournalPart>,
    },
    Error {
        /// `tool_failed`, `bad_call`, `stopped` or `denied`.
        error: String,
        message: String,
    },
}

/// A labelled part of a journaled result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JournalPart {
    pub path: Vec<String>,
    pub inner: Option<String>,
    pub readers: Option<Readers>,
    pub trusted: bool,
}

impl JournalEntry {
    /// The entry of call `call` of `tool` with `args`, which gave `result`.
    pub fn call(
        call: &str,
        tool: &str,
        args: &Map<String, Value>,
        result: &Result<ToolOutput, HostError>,
    ) -> JournalEntry {
        JournalEntry::Call {
            call: call.to_string(),
            tool: tool.to_string(),
            args: args.clone(),
            outcome: JournalOutcome::of(result),
        }
    }

    /// The entry of the answer `approval` to an `ask` on call `call` of `tool`.
    pub fn approval(call: &str, tool: &str, approval: Approval) -> JournalEntry {
        JournalEntry::Approval {
            call: call.to_string(),
            tool: tool.to_string(),
            answer: approval_name(approval).into(),
        }
    }
}

impl JournalOutcome {
    fn of(result: &Result<ToolOutput, HostError>) -> JournalOutcome {
        match result {
            Ok(out) => JournalOutcome::Ok {
                value: out.value.clone(),
                sources: out.sources.clone(),
                readers: out.readers.clone(),
                parts: out
                    .parts
                    .iter()
                    .map(|p| JournalPart {
                        path: p.path.clone(),
                        inner: p.inner.clone(),
                        readers: p.readers.clone(),
                        trusted: p.trusted,
                    })
                    .collect(),
            },
            Err(e) => {
                let (error, message) = match e {
                    HostError::ToolFailed(m) => ("tool_failed", m),
                    HostError::BadCall(m) => ("bad_call", m),
                    HostError::Stopped(m) => ("stopped", m),
                    HostError::Denied { reason } => ("denied", reason),
                };
                JournalOutcome::Error {
                    error: error.into(),
                    message: message.clone(),
                }
            }
        }
    }

    fn result(&self) -> Result<ToolOutput, HostError> {
        match self {
            JournalOutcome::Ok {
                value,
                sources,
                readers,
                parts,
            } => Ok(ToolOutput {
                value: value.clone(),
                sources: sources.clone(),
                readers: readers.clone(),
                parts: parts
                    .iter()
                    .map(|p| PartLabel {
                        path: p.path.clone(),
                        inner: p.inner.clone(),
                        readers: p.readers.clone(),
                        trusted: p.trusted,
                    })
                    .collect(),
            }),
            JournalOutcome::Error { error, message } => Err(match error.as_str() {
                "bad_call" => HostError::BadCall(message.clone()),
                "stopped" => HostError::Stopped(message.clone()),
                "denied" => HostError::Denied {
                    reason: message.clone(),
                },
                _ => HostError::ToolFailed(message.clone()),
            }),
        }
    }
}

fn approval_name(a: Approval) -> &'static str {
    match a {
        Approval::Once => "once",
        Approval::ForRun => "for_run",
        Approval::Deny => "deny",
    }
}

fn approval_from(name: &str) -> Approval {
    match name {
        "once" => Approval::Once,
        "for_run" => Approval::ForRun,
        _ => Approval::Deny,
    }
}

/// A journal being replayed and extended, shared by the run's tools and its approver.
#[derive(Debug, Default)]
pub struct Journal {
    entries: Vec<JournalEntry>,
    /// Entries already answered in this run; past it, the run is live.
    cursor: usize,
    /// Why the plan left the journal, if it did.
    diverged: Option<String>,
}

/// A journal shared between the run's thread and whoever persists it.
pub type SharedJournal = Arc<Mutex<Journal>>;

impl Journal {
    /// A journal to replay (empty for a fresh run).
    pub fn new(entries: Vec<JournalEntry>) -> SharedJournal {
        Arc::new(Mutex::new(Journal {
            entries,
            cursor: 0,
            diverged: None,
        }))
    }

    pub fn entries(&self) -> &[JournalEntry] {
        &self.entries
    }

    /// Whether every journaled entry has been answered (the run is live).
    pub fn replayed(&self) -> bool {
        self.cursor >= self.entries.len()
    }

    /// Why the plan asked for something other than what the journal holds.
    pub fn diverged(&self) -> Option<&str> {
        self.diverged.as_deref()
    }

    /// The journaled entry for the next step, if the run is replaying; an error when the
    /// plan asks for something else.
    fn next(
        &mut self,
        is_same: impl Fn(&JournalEntry) -> bool,
    ) -> Option<Result<JournalEntry, String>> {
        let entry = self.entries.get(self.cursor)?.clone();
        if !is_same(&entry) {
            let why = format!(
                "the plan did not repeat its journal at step {} (the journal holds {})",
                self.cursor + 1,
                describe(&entry)
            );
            self.diverged = Some(why.clone());
            // Nothing further is replayed: stop answering from the journal.
            self.entries.truncate(self.cursor);
            return Some(Err(why));
        }
        self.cursor += 1;
        Some(Ok(entry))
    }

    fn push(&mut self, entry: JournalEntry) {
        self.entries.push(entry);
        self.cursor = self.entries.len();
    }
}

fn describe(entry: &JournalEntry) -> String {
    match entry {
        JournalEntry::Call { call, tool, .. } => format!("call {call} of {tool}"),
        JournalEntry::Approval { call, tool, .. } => format!("an approval of {tool} (call {call})"),
    }
}

fn lock(journal: &SharedJournal) -> std::sync::MutexGuard<'_, Journal> {
    // A poisoned lock only means another thread panicked while holding it; the entries are
    // still whole (every change is one push or truncate).
    journal.lock().unwrap_or_else(|p| p.into_inner())
}

/// Tools answered from the journal while it lasts, then live (and journaled).
pub struct JournaledTools<T> {
    pub inner: T,
    pub journal: SharedJournal,
}

impl<T: ToolSet> ToolSet for JournaledTools<T> {
    fn specs(&self) -> Vec<ToolSpec> {
        self.inner.specs()
    }

    fn run(
        &mut self,
        spec: &ToolSpec,
        call_id: &str,
        args: &Map<String, Value>,
        labels: &Map<String, Value>,
    ) -> CallOutcome {
        let replayed = lock(&self.journal).next(|e| {
            matches!(e, JournalEntry::Call { call, tool, args: a, .. }
                if call == call_id && tool == &spec.name && a == args)
        });
        match replayed {
            Some(Ok(JournalEntry::Call { outcome, .. })) => return outcome.result().into(),
            Some(Err(why)) => return Err(HostError::Stopped(why)).into(),
            Some(Ok(JournalEntry::Approval { .. })) | None => {}
        }
        let outcome = self.inner.run(spec, call_id, args, labels);
        lock(&self.journal).push(JournalEntry::call(
            call_id,
            &spec.name,
            args,
            &outcome.result,
        ));
        outcome
    }
}

/// Answers `ask` decisions from the journal while it lasts, then asks `inner` (and
/// journals the answer).
pub struct JournaledApprover {
    pub inner: Box<dyn Approver + Send>,
    pub journal: SharedJournal,
}

impl Approver for JournaledApprover {
    fn approve(&mut self, call: &ToolCall, reasons: &[Reason]) -> Approval {
        let replayed = lock(&self.journal).next(|e| {
            matches!(e, JournalEntry::Approval { call: c, tool, .. }
                if c == &call.id && tool == &call.tool)
        });
        match replayed {
            Some(Ok(JournalEntry::Approval { answer, .. })) => return approval_from(&answer),
            Some(Err(_)) => return Approval::Deny,
            Some(Ok(JournalEntry::Call { .. })) | None => {}
        }
        let answer = self.inner.approve(call, reasons);
        lock(&self.journal).push(JournalEntry::approval(&call.id, &call.tool, answer));
        answer
    }
}

/// Two tool sets as one: `first`'s tools, then `second`'s.
pub struct BothTools<A, B> {
    pub first: A,
    pub second: B,
}

impl<A: ToolSet, B: ToolSet> ToolSet for BothTools<A, B> {
    fn specs(&self) -> Vec<ToolSpec> {
        let mut specs = self.first.specs();
        specs.extend(self.second.specs());
        specs
    }

    fn run(
        &mut self,
        spec: &ToolSpec,
        call_id: &str,
        args: &Map<String, Value>,
        labels: &Map<String, Value>,
    ) -> CallOutcome {
        if self.first.specs().iter().any(|s| s.name == spec.name) {
            self.first.run(spec, call_id, args, labels)
        } else {
            self.second.run(spec, call_id, args, labels)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Engine, InProcessTools, ParamSpec};
    use serde_json::json;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn counting_tools(calls: Arc<AtomicUsize>) -> InProcessTools {
        InProcessTools::new().tool(
            ToolSpec::new("fetch").param(ParamSpec::new("n")),
            move |a| {
                calls.fetch_add(1, Ordering::SeqCst);
                Ok(json!({"n": a.get("n").cloned().unwrap_or(Value::Null), "live": true}))
            },
        )
    }

    const PLAN: &str = "a = fetch(1)\nb = fetch(a['n'] + 1)\nprint(a['n'], b['n'])\n";

    #[test]
    fn a_replayed_run_answers_from_its_journal_and_runs_no_tool_again() {
        let calls = Arc::new(AtomicUsize::new(0));
        let journal = Journal::new(Vec::new());
        let mut engine = Engine::new(JournaledTools {
            inner: counting_tools(calls.clone()),
            journal: journal.clone(),
        });
        let first = engine.run("p.py", PLAN, "");
        assert_eq!(first.outcome.stdout, "1 2\n");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        let entries = lock(&journal).entries().to_vec();
        assert_eq!(entries.len(), 2);

        let replay = Journal::new(entries);
        let mut again = Engine::new(JournaledTools {
            inner: counting_tools(calls.clone()),
            journal: replay.clone(),
        });
        let second = again.run("p.py", PLAN, "");
        assert_eq!(second.outcome.stdout, "1 2\n");
        assert_eq!(calls.load(Ordering::SeqCst), 2, "no tool ran again");
        assert!(lock(&replay).replayed());
    }

    #[test]
    fn a_plan_that_leaves_its_journal_stops() {
        let calls = Arc::new(AtomicUsize::new(0));
        let journal = Journal::new(Vec::new());
        let mut engine = Engine::new(JournaledTools {
            inner: counting_tools(calls.clone()),
            journal: journal.clone(),
        });
        engine.run("p.py", PLAN, "");
        let entries = lock(&journal).entries().to_vec();
        let replay = Journal::new(entries);
        let mut other = Engine::new(JournaledTools {
            inner: counting_tools(calls.clone()),
            journal: replay.clone(),
        });
        let report = other.run("p.py", "a = fetch(5)\n", "");
        let error = report.outcome.error.expect("stopped");
        assert!(
            error.message.contains("did not repeat its journal"),
            "{}",
            error.message
        );
        assert_eq!(
            calls.load(Ordering::SeqCst),
            2,
            "the diverging call did not run"
        );
        assert!(lock(&replay).diverged().is_some());
    }
}
