//! Runs: each runs on its own thread over the embedded engine. A host tool call or an `ask`
//! suspends it: the thread waits for the client's answer while the daemon lives, and the
//! run's journal is saved, so that after a restart (or on another replica) the answer
//! resumes it by replaying the journal.

use super::agents::Agent;
use super::events::EventSink;
use super::feedback::feedback;
use super::store::{Store, StoredRun};
use bactrian_agent_config::{AgentConfig, Approve};
use bactrian_engine::host::{host_output, AnswerLabel};
use bactrian_engine::journal::{
    BothTools, Journal, JournalEntry, JournaledApprover, JournaledTools, SharedJournal,
};
use bactrian_engine::{Approval, Approver, Engine, HostTools, ToolSpec};
use bactrian_interpreter::{HostError, Limits, ToolCall, ToolOutput};
use bactrian_policy::Reason;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

/// What the daemon allows; set from `bactrian serve`'s flags.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Runs running or suspended at once; past it, new runs get 429.
    pub max_active: usize,
    /// How long a host call may wait for its answer before the run stops.
    pub host_call_ttl: Duration,
    /// How long an approval may wait before it counts as denied.
    pub approval_ttl: Duration,
    /// The most any run may ask for (a run's `limits` may only lower them).
    pub limits: Limits,
    /// How long an ended run stays in memory (its record and journal stay on disk).
    pub retain: Duration,
}

/// A run, as a run thread takes it.
pub type Job = Box<dyn FnOnce() + Send>;

/// The daemon's shared state.
pub struct Daemon {
    /// Run threads waiting for their next run.
    pub idle: Mutex<Vec<Sender<Job>>>,
    pub sessions: Mutex<HashMap<String, super::sessions::Session>>,
    pub settings: Settings,
    pub agents: RwLock<HashMap<String, Arc<Agent>>>,
    pub runs: RwLock<HashMap<String, Arc<RunSlot>>>,
    pub idempotency: Mutex<HashMap<String, String>>,
    pub store: Box<dyn Store>,
    pub records: PathBuf,
    pub key: ed25519_dalek::SigningKey,
    /// Runs running or suspended with a live thread.
    pub active: AtomicUsize,
}

/// A client's answer to a suspension.
pub enum Answer {
    /// A host call's result, labelled from the tool's registration ([`host_answer`]).
    Output(ToolOutput),
    Error(String),
    Approval(Approval),
    Cancel,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PendingKind {
    HostCall,
    Approval,
}

/// What a suspended run waits for.
#[derive(Clone, Debug)]
pub struct Pending {
    pub id: String,
    pub kind: PendingKind,
    pub call: String,
    pub tool: String,
    pub args: Map<String, Value>,
    pub labels: Map<String, Value>,
    pub reasons: Value,
    /// Unix seconds.
    pub expires_at: u64,
}

impl Pending {
    pub fn view(&self) -> Value {
        let mut v = json!({
            "suspension": self.id,
            "kind": match self.kind { PendingKind::HostCall => "host_call", PendingKind::Approval => "approval" },
            "call_id": self.call,
            "tool": self.tool,
            "args": self.args,
            "labels": self.labels,
            "expires_at": self.expires_at,
        });
        if let (PendingKind::Approval, Some(fields)) = (self.kind, v.as_object_mut()) {
            fields.insert("reasons".into(), self.reasons.clone());
        }
        v
    }

    fn from_view(v: &Value) -> Option<Pending> {
        Some(Pending {
            id: v.get("suspension")?.as_str()?.to_string(),
            kind: match v.get("kind")?.as_str()? {
                "host_call" => PendingKind::HostCall,
                _ => PendingKind::Approval,
            },
            call: v.get("call_id")?.as_str()?.to_string(),
            tool: v.get("tool")?.as_str()?.to_string(),
            args: v.get("args")?.as_object()?.clone(),
            labels: v.get("labels")?.as_object()?.clone(),
            reasons: v.get("reasons").cloned().unwrap_or(Value::Null),
            expires_at: v.get("expires_at")?.as_u64()?,
        })
    }
}

/// One server-sent event.
#[derive(Clone, Debug)]
pub struct Event {
    pub id: u64,
    pub kind: &'static str,
    pub data: Value,
}

/// A run's state as the API shows it.
pub struct RunState {
    pub status: &'static str,
    pub result: Value,
    pub stdout: String,
    pub tool_calls: Value,
    pub error: Value,
    pub feedback: Value,
    pub pending: Option<Pending>,
    /// Where the live thread waits for an answer (none after a restart).
    pub answer: Option<Sender<Answer>>,
    pub events: Vec<Event>,
    /// The run's record is sealed ([`Daemon::record_path`]).
    pub record_sealed: bool,
    /// The journal as it stands (entries answered so far).
    pub entries: Vec<JournalEntry>,
}

/// A run.
pub struct RunSlot {
    pub id: String,
    pub agent: Arc<Agent>,
    pub code: String,
    pub query: String,
    pub session: Option<String>,
    /// Lines of `code` that earlier runs of the session executed (0 outside a session).
    pub prefix_lines: u32,
    pub prefix_stdout: Option<String>,
    pub limits: Option<Value>,
    pub idempotency_key: Option<String>,
    pub caller: Value,
    pub created_at: u64,
    pub state: Mutex<RunState>,
    /// Bumped at every change, for long polls and event streams.
    pub version: tokio::sync::watch::Sender<u64>,
    pub cancel: Arc<AtomicBool>,
}

pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A fresh random id with a prefix (`run_`, `susp_`).
pub fn new_id(prefix: &str) -> String {
    let mut bytes = [0u8; 12];
    // Without randomness the ids would still be unique per process, not unguessable: fall
    // back to the clock and a counter rather than fail.
    if getrandom::fill(&mut bytes).is_err() {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed) as u64;
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        bytes[..8].copy_from_slice(&(t ^ n.rotate_left(32)).to_le_bytes());
    }
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{prefix}{hex}")
}

/// Where an idempotency key is kept: per agent.
pub fn idempotency_slot(agent: &str, key: &str) -> String {
    format!("{agent}\u{0}{key}")
}

pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl RunSlot {
    pub fn view(&self) -> Value {
        let state = lock(&self.state);
        self.view_of(&state)
    }

    pub fn view_of(&self, state: &RunState) -> Value {
        json!({
            "id": self.id,
            "agent": self.agent.id,
            "status": state.status,
            "result": state.result,
            "stdout": state.stdout,
            "tool_calls": state.tool_calls,
            "error": state.error,
            "feedback": state.feedback,
            "pending": state.pending.as_ref().map(Pending::view),
            "record": state.record_sealed.then(|| format!("/v1/runs/{}/record", self.id)),
            "session": self.session,
            "caller": self.caller,
            "created_at": self.created_at,
        })
    }

    /// Adds an event and wakes whoever waits on the run.
    pub fn emit(&self, state: &mut RunState, kind: &'static str, data: Value) {
        let id = state.events.len() as u64 + 1;
        state.events.push(Event { id, kind, data });
        self.version.send_modify(|v| *v += 1);
    }

    pub fn stored(&self, state: &RunState) -> StoredRun {
        StoredRun {
            id: self.id.clone(),
            agent: self.agent.id.clone(),
            agent_digest: self.agent.digest.clone(),
            code: self.code.clone(),
            query: self.query.clone(),
            session: self.session.clone(),
            limits: self.limits.clone(),
            idempotency_key: self.idempotency_key.clone(),
            caller: self.caller.clone(),
            created_at: self.created_at,
            entries: state.entries.clone(),
            view: self.view_of(state),
        }
    }

    pub fn is_settled(&self) -> bool {
        lock(&self.state).status != "running"
    }

    /// A run read back from the store: suspended runs wait for an answer to replay them;
    /// runs the daemon stopped in the middle failed.
    pub fn restored(stored: StoredRun, agent: Arc<Agent>) -> RunSlot {
        let view = &stored.view;
        let text = |k: &str| view.get(k).cloned().unwrap_or(Value::Null);
        let mut status = match view.get("status").and_then(Value::as_str) {
            Some("suspended") => "suspended",
            Some("completed") => "completed",
            Some("denied") => "denied",
            Some("stopped") => "stopped",
            _ => "failed",
        };
        let pending = view.get("pending").and_then(Pending::from_view);
        let mut error = text("error");
        if status == "suspended" && pending.is_none() {
            status = "failed";
        }
        if view.get("status").and_then(Value::as_str) == Some("running") {
            error = json!({"type_name": "Interrupted", "message": "the daemon stopped while the run was running; its tool calls since the last suspension are unknown, so it is not resumed", "line": 0, "col": 0, "redacted": false});
        }
        RunSlot {
            id: stored.id,
            agent,
            code: stored.code,
            query: stored.query,
            session: stored.session,
            prefix_lines: 0,
            prefix_stdout: None,
            limits: stored.limits,
            idempotency_key: stored.idempotency_key,
            caller: stored.caller,
            created_at: stored.created_at,
            state: Mutex::new(RunState {
                status,
                result: text("result"),
                stdout: view
                    .get("stdout")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                tool_calls: text("tool_calls"),
                error,
                feedback: text("feedback"),
                pending,
                answer: None,
                events: Vec::new(),
                record_sealed: view.get("record").is_some_and(Value::is_string),
                entries: stored.entries,
            }),
            version: tokio::sync::watch::channel(0).0,
            cancel: Arc::new(AtomicBool::new(false)),
        }
    }
}

impl Daemon {
    /// Every run the daemon answers for now (a snapshot: the lock is not held after).
    pub fn all_runs(&self) -> Vec<Arc<RunSlot>> {
        self.runs
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .values()
            .cloned()
            .collect()
    }

    /// Where run `id`'s signed record is written.
    pub fn record_path(&self, id: &str) -> PathBuf {
        self.records.join(format!("{id}.record"))
    }

    fn save(&self, slot: &RunSlot, state: &RunState) {
        if let Err(e) = self.store.save_run(&slot.stored(state)) {
            eprintln!("bactrian serve: run {}: {e}", slot.id);
        }
    }

    /// Starts a run's thread (fresh, or resuming by replay of `entries`). `false` when the
    /// daemon is at its limit of active runs.
    pub fn start(self: &Arc<Daemon>, slot: &Arc<RunSlot>, entries: Vec<JournalEntry>) -> bool {
        let max = self.settings.max_active;
        if self
            .active
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < max).then_some(n + 1)
            })
            .is_err()
        {
            return false;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        {
            let mut state = lock(&slot.state);
            state.answer = Some(tx);
            state.status = "running";
            state.pending = None;
            slot.version.send_modify(|v| *v += 1);
        }
        let (daemon, slot2) = (self.clone(), slot.clone());
        let job: Job = Box::new(move || {
            daemon.execute(&slot2, entries, rx);
            daemon.release_session(&slot2);
            daemon.active.fetch_sub(1, Ordering::SeqCst);
        });
        if let Err(e) = self.dispatch(job) {
            self.active.fetch_sub(1, Ordering::SeqCst);
            let mut state = lock(&slot.state);
            state.answer = None;
            self.finish_with_error(
                slot,
                &mut state,
                "failed",
                "ServerError",
                &format!("cannot start the run: {e}"),
            );
        }
        true
    }

    /// Runs `job` on an idle run thread, or on a new one. Run threads stay for the next run:
    /// their stacks and allocator heaps are warm (a fresh thread's first pages are zeroed by
    /// the kernel, huge pages included), and no stack is unmapped after every run.
    fn dispatch(self: &Arc<Daemon>, mut job: Job) -> Result<(), String> {
        loop {
            let idle = lock(&self.idle).pop();
            let Some(worker) = idle else { break };
            match worker.send(job) {
                Ok(()) => return Ok(()),
                // That thread is gone: try the next.
                Err(std::sync::mpsc::SendError(back)) => job = back,
            }
        }
        let (tx, rx) = std::sync::mpsc::channel::<Job>();
        let daemon = self.clone();
        let me = tx.clone();
        std::thread::Builder::new()
            .name("bactrian-run".into())
            .stack_size(bactrian_interpreter::EVAL_STACK_SIZE)
            .spawn(move || {
                for job in rx {
                    job();
                    let mut idle = lock(&daemon.idle);
                    if idle.len() >= daemon.settings.max_active {
                        break;
                    }
                    idle.push(me.clone());
                }
            })
            .map_err(|e| e.to_string())?;
        tx.send(job).map_err(|e| e.to_string())
    }

    pub fn finish_with_error(
        &self,
        slot: &RunSlot,
        state: &mut RunState,
        status: &'static str,
        type_name: &str,
        message: &str,
    ) {
        state.status = status;
        state.pending = None;
        state.error = json!({"type_name": type_name, "message": message, "line": 0, "col": 0, "redacted": false});
        slot.emit(state, "done", json!({"status": status}));
        self.save(slot, state);
    }

    fn limits_for(&self, requested: Option<&Value>) -> Result<Limits, String> {
        let max = &self.settings.limits;
        let Some(req) = requested else {
            return Ok(max.clone());
        };
        let asked: Limits =
            serde_json::from_value(req.clone()).map_err(|e| format!("invalid limits: {e}"))?;
        // Fields not given deserialize to the defaults; every limit is the lower of the two.
        Ok(Limits {
            max_steps: asked.max_steps.min(max.max_steps),
            max_time: asked.max_time.min(max.max_time),
            max_recursion: asked.max_recursion.min(max.max_recursion),
            max_alloc_bytes: asked.max_alloc_bytes.min(max.max_alloc_bytes),
            max_str_len: asked.max_str_len.min(max.max_str_len),
            max_collection_len: asked.max_collection_len.min(max.max_collection_len),
            max_int_bits: asked.max_int_bits.min(max.max_int_bits),
            max_output_bytes: asked.max_output_bytes.min(max.max_output_bytes),
            max_source_bytes: asked.max_source_bytes.min(max.max_source_bytes),
        })
    }

    pub fn check_limits(&self, requested: Option<&Value>) -> Result<(), String> {
        self.limits_for(requested).map(|_| ())
    }

    /// The body of a run's thread.
    fn execute(
        self: &Arc<Daemon>,
        slot: &Arc<RunSlot>,
        entries: Vec<JournalEntry>,
        rx: Receiver<Answer>,
    ) {
        let agent = slot.agent.clone();
        let mut config = match AgentConfig::from_str(&agent.config_text, &agent.origin) {
            Ok(c) => c,
            Err(e) => return self.setup_failed(slot, &e.to_string()),
        };
        // An `ask` is answered through the API (approver scope), as a terminal user answers
        // it under `bactrian run`; `approve: always` in agent.yaml still approves.
        if config.policy.approve == Approve::Never {
            config.policy.approve = Approve::Prompt;
        }
        let limits = match self.limits_for(slot.limits.as_ref()) {
            Ok(l) => l,
            Err(e) => return self.setup_failed(slot, &e),
        };
        let journal = Journal::new(entries);
        let answers = Arc::new(Mutex::new(rx));
        let approver = JournaledApprover {
            inner: Box::new(SuspendingApprover {
                daemon: self.clone(),
                slot: slot.clone(),
                answers: answers.clone(),
                journal: journal.clone(),
            }),
            journal: journal.clone(),
        };
        let engine = match Engine::from_agent(config, Some(Box::new(approver))) {
            Ok(e) => e,
            Err(e) => return self.setup_failed(slot, &e.to_string()),
        };
        let host = HostTools {
            specs: agent.host_specs.clone(),
            call: host_call_fn(self.clone(), slot.clone(), answers, journal.clone()),
        };
        let cancel = slot.cancel.clone();
        let mut engine = engine.map_tools(|mut tools| {
            tools.cancel_with(cancel.clone());
            JournaledTools {
                inner: BothTools {
                    first: tools,
                    second: host,
                },
                journal: journal.clone(),
            }
        });
        engine.config.limits = limits;
        engine.config.cancel = Some(slot.cancel.clone());
        // A run thread has the interpreter's stack (see `dispatch`).
        engine.config.on_this_thread = true;
        engine.caller = Some(slot.caller.clone());
        let path = self.record_path(&slot.id);
        let writer = match bactrian_engine::record::RecordWriter::create(
            &path,
            &engine.agent,
            Some(&self.key),
        ) {
            Ok(w) => w,
            Err(e) => return self.setup_failed(slot, &e.to_string()),
        };
        let sink = EventSink {
            inner: writer,
            slot: slot.clone(),
        };
        let (report, recorder) =
            engine.run_recorded("plan.py", &slot.code, &slot.query, Box::new(sink));
        let finished = recorder.finish();
        let outcome = &report.outcome;
        let cancelled = slot.cancel.load(Ordering::Relaxed);
        let status = if cancelled {
            "stopped"
        } else {
            match crate::cli::run::exit_code(outcome) {
                0 => "completed",
                3 => "denied",
                4 => "stopped",
                _ => "failed",
            }
        };
        let view = crate::cli::run::json_outcome(outcome, &report.tool_calls, None);
        let entries = lock_journal(&journal).entries().to_vec();
        self.advance_session(slot, status, outcome, &view, &entries);
        let mut stdout = outcome.stdout.clone();
        if let Some(earlier) = &slot.prefix_stdout {
            if let Some(rest) = stdout.strip_prefix(earlier.as_str()) {
                stdout = rest.to_string();
            }
        }
        let mut state = lock(&slot.state);
        state.answer = None;
        state.pending = None;
        state.status = status;
        state.result = view.get("result").cloned().unwrap_or(Value::Null);
        state.stdout = stdout.clone();
        state.tool_calls = view.get("tool_calls").cloned().unwrap_or(Value::Null);
        state.error = view.get("error").cloned().unwrap_or(Value::Null);
        state.feedback = feedback(&slot.code, slot.prefix_lines, outcome, status);
        state.entries = entries;
        state.record_sealed = finished.is_ok();
        if !stdout.is_empty() {
            slot.emit(&mut state, "printed", json!({"text": stdout}));
        }
        slot.emit(&mut state, "done", json!({"status": status}));
        self.save(slot, &state);
    }

    fn setup_failed(&self, slot: &RunSlot, message: &str) {
        self.release_session(slot);
        let mut state = lock(&slot.state);
        state.answer = None;
        self.finish_with_error(slot, &mut state, "failed", "ConfigurationError", message);
    }

    /// Marks the run suspended on `pending` (saving its journal) and waits for the answer.
    fn suspend(
        &self,
        slot: &RunSlot,
        journal: &SharedJournal,
        pending: Pending,
        answers: &Mutex<Receiver<Answer>>,
        ttl: Duration,
    ) -> Result<Answer, RecvTimeoutError> {
        {
            let mut state = lock(&slot.state);
            state.entries = lock_journal(journal).entries().to_vec();
            let data = pending.view();
            state.pending = Some(pending);
            state.status = "suspended";
            slot.emit(&mut state, "suspended", data);
            self.save(slot, &state);
        }
        let answer = lock(answers).recv_timeout(ttl);
        let mut state = lock(&slot.state);
        if state.status == "suspended" {
            state.status = "running";
            state.pending = None;
        }
        answer
    }
}

fn lock_journal(journal: &SharedJournal) -> std::sync::MutexGuard<'_, Journal> {
    journal.lock().unwrap_or_else(|p| p.into_inner())
}

/// How a host tool's call suspends the run until the client answers.
fn host_call_fn(
    daemon: Arc<Daemon>,
    slot: Arc<RunSlot>,
    answers: Arc<Mutex<Receiver<Answer>>>,
    journal: SharedJournal,
) -> bactrian_engine::HostCallFn {
    // Host results count against the run's tool output limit, as command tools' do.
    let mut budget = bactrian_engine::OutputBudget::default();
    Box::new(
        move |spec: &ToolSpec,
              call_id: &str,
              args: &Map<String, Value>,
              labels: &Map<String, Value>|
              -> Result<ToolOutput, HostError> {
            let ttl = daemon.settings.host_call_ttl;
            let pending = Pending {
                id: new_id("susp_"),
                kind: PendingKind::HostCall,
                call: call_id.to_string(),
                tool: spec.name.clone(),
                args: args.clone(),
                labels: labels.clone(),
                reasons: Value::Null,
                expires_at: now() + ttl.as_secs(),
            };
            match daemon.suspend(&slot, &journal, pending, &answers, ttl) {
                Ok(Answer::Output(output)) => {
                    budget.charge_value(&output.value)?;
                    Ok(output)
                }
                Ok(Answer::Error(message)) => Err(HostError::ToolFailed(message)),
                Ok(Answer::Approval(_)) => Err(HostError::ToolFailed(
                    "the host call was answered as an approval".into(),
                )),
                Ok(Answer::Cancel) | Err(RecvTimeoutError::Disconnected) => {
                    Err(HostError::Stopped("the run was cancelled".into()))
                }
                Err(RecvTimeoutError::Timeout) => Err(HostError::Stopped(format!(
                    "the client did not answer host call {call_id} of {} within {} s",
                    spec.name,
                    ttl.as_secs()
                ))),
            }
        },
    )
}

/// Answers `ask` decisions by suspending the run until an approver answers.
struct SuspendingApprover {
    daemon: Arc<Daemon>,
    slot: Arc<RunSlot>,
    answers: Arc<Mutex<Receiver<Answer>>>,
    journal: SharedJournal,
}

impl Approver for SuspendingApprover {
    fn approve(&mut self, call: &ToolCall, reasons: &[Reason]) -> Approval {
        let ttl = self.daemon.settings.approval_ttl;
        // Positional arguments by their parameter's name where the agent declares it.
        let names = self.slot.agent.params_of(&call.tool);
        let name_of = |i: usize| {
            names
                .and_then(|n| n.get(i))
                .cloned()
                .unwrap_or_else(|| i.to_string())
        };
        let args: Map<String, Value> = call
            .args
            .iter()
            .enumerate()
            .map(|(i, a)| (name_of(i), a.value.clone()))
            .chain(
                call.kwargs
                    .iter()
                    .map(|(k, a)| (k.clone(), a.value.clone())),
            )
            .collect();
        let labels: Map<String, Value> = call
            .args
            .iter()
            .enumerate()
            .map(|(i, a)| (name_of(i), &a.label))
            .chain(call.kwargs.iter().map(|(k, a)| (k.clone(), &a.label)))
            .map(|(k, l)| {
                (
                    k,
                    json!({"trusted": l.is_trusted(), "sources": l.sources, "readers": l.readers}),
                )
            })
            .collect();
        let pending = Pending {
            id: new_id("susp_"),
            kind: PendingKind::Approval,
            call: call.id.clone(),
            tool: call.tool.clone(),
            args,
            labels,
            reasons: json!(reasons),
            expires_at: now() + ttl.as_secs(),
        };
        match self
            .daemon
            .suspend(&self.slot, &self.journal, pending, &self.answers, ttl)
        {
            Ok(Answer::Approval(a)) => a,
            // Anything else, no answer in time, or a cancelled run: denied.
            _ => Approval::Deny,
        }
    }
}

/// A client's result for the host call `pending` waits on, labelled as the tool's
/// registration says (tightened by `labels`); an error names what is wrong with the labels.
pub fn host_answer(
    agent: &Agent,
    pending: &Pending,
    value: Value,
    labels: &[AnswerLabel],
) -> Result<Answer, String> {
    let spec = agent
        .host_specs
        .iter()
        .find(|s| s.name == pending.tool)
        .ok_or("the host tool is no longer registered")?;
    host_output(spec, &pending.call, value, labels)
        .map(Answer::Output)
        .map_err(|e| format!("the answer's labels: {e}"))
}

/// The journal entry a client's answer makes, for resuming a run by replay.
pub fn answer_entry(pending: &Pending, answer: &Answer) -> Result<JournalEntry, String> {
    let call = |result: Result<ToolOutput, HostError>| {
        JournalEntry::call(&pending.call, &pending.tool, &pending.args, &result)
    };
    match (pending.kind, answer) {
        (PendingKind::Approval, Answer::Approval(a)) => {
            Ok(JournalEntry::approval(&pending.call, &pending.tool, *a))
        }
        (PendingKind::HostCall, Answer::Output(out)) => Ok(call(Ok(out.clone()))),
        (PendingKind::HostCall, Answer::Error(m)) => {
            Ok(call(Err(HostError::ToolFailed(m.clone()))))
        }
        _ => Err("the answer does not fit the suspension".into()),
    }
}
