//! Sessions: a planner's retries of one task. A failed run's code, up to the top-level
//! statement that raised, runs again before the planner's next fragment (its calls answered
//! from the journal, so none repeats), and the fragment continues with its variables —
//! CaMeL's convention (docs/serve.md, "Sessions").

use super::runs::{lock, Daemon, RunSlot};
use bactrian_engine::journal::JournalEntry;
use serde_json::Value;

/// A planner's retries: what earlier runs of the session executed, to run again (from their
/// journal: no tool runs twice) before the next fragment, so that the fragment continues
/// with their variables (CaMeL's convention).
#[derive(Clone, Debug, Default)]
pub struct Session {
    pub agent: String,
    /// The code already executed, whole top-level statements only.
    pub prefix: String,
    pub prefix_lines: u32,
    /// What the prefix prints, when known (stripped from the next run's stdout).
    pub prefix_stdout: Option<String>,
    /// The journal of the prefix's calls.
    pub entries: Vec<JournalEntry>,
    /// The session's run in progress, if any: one at a time.
    pub active: Option<String>,
}

impl Daemon {
    /// Lets the run's session take its next run.
    pub fn release_session(&self, slot: &RunSlot) {
        let Some(id) = &slot.session else { return };
        if let Some(session) = lock(&self.sessions).get_mut(id) {
            if session.active.as_deref() == Some(slot.id.as_str()) {
                session.active = None;
            }
        }
    }

    /// After a run of a session: a completed run's code joins the session's prefix; a failed
    /// one's does up to the top-level statement that raised (the planner's next fragment
    /// continues from there), with the journal of the calls those statements made. An error
    /// untrusted data decided, a denial or a stop leaves the session as it was.
    pub(super) fn advance_session(
        &self,
        slot: &RunSlot,
        status: &str,
        outcome: &bactrian_interpreter::RunOutcome,
        view: &Value,
        entries: &[JournalEntry],
    ) {
        let Some(id) = &slot.session else { return };
        let mut sessions = lock(&self.sessions);
        let Some(session) = sessions.get_mut(id) else {
            return;
        };
        // Released before the run's end is visible: a client that sees it ended may start
        // the session's next run at once.
        if session.active.as_deref() == Some(slot.id.as_str()) {
            session.active = None;
        }
        let keep_to = match (status, &outcome.error) {
            ("completed", _) => Some(u32::MAX),
            ("failed", Some(e))
                if !e.redacted && e.fatal.is_none() && e.line > slot.prefix_lines =>
            {
                Some(super::feedback::lines_run_whole(
                    &slot.code,
                    slot.prefix_lines,
                    e.line,
                ))
            }
            _ => None,
        };
        let Some(keep_to) = keep_to else { return };
        let kept: Vec<&str> = slot.code.lines().take(keep_to as usize).collect();
        let calls: std::collections::HashSet<&str> = view["tool_calls"]
            .as_array()
            .map(|calls| {
                calls
                    .iter()
                    .filter(|c| c["line"].as_u64().is_some_and(|l| l <= u64::from(keep_to)))
                    .filter_map(|c| c["id"].as_str())
                    .collect()
            })
            .unwrap_or_default();
        session.prefix = kept.iter().map(|l| format!("{l}\n")).collect();
        session.prefix_lines = kept.len() as u32;
        session.prefix_stdout = (status == "completed").then(|| outcome.stdout.clone());
        session.entries = entries
            .iter()
            .filter(|e| match e {
                JournalEntry::Call { call, .. } | JournalEntry::Approval { call, .. } => {
                    calls.contains(call.as_str())
                }
            })
            .cloned()
            .collect();
    }
}
