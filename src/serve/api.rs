//! The HTTP API (docs/serve.md; the OpenAPI document is `openapi.json` beside this file).

use super::agents::Agent;
use super::auth::{Grant, Refusal, Scope, Tokens};
use super::runs::{
    answer_entry, host_answer, idempotency_slot, lock, new_id, now, Answer, Daemon, Pending,
    PendingKind, RunSlot, RunState,
};
use super::store::StoredAgent;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use bactrian_engine::host::AnswerLabel;
use bactrian_engine::Approval;
use http_body_util::{BodyExt, Limited};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Who is on the other end of a connection.
#[derive(Clone, Debug)]
pub enum Peer {
    Unix { uid: Option<u32>, pid: Option<i32> },
    Tcp { addr: String },
}

pub struct App {
    pub daemon: Arc<Daemon>,
    pub tokens: Option<Tokens>,
    pub body_limit: usize,
    pub body_timeout: Duration,
}

/// An error answer: `{"error": {"code", "message"}}`.
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    retry_after: Option<u64>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }
    fn not_found(what: &str) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", format!("no {what}"))
    }
    fn conflict(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::CONFLICT, "conflict", message)
    }
    fn busy(daemon: &Daemon) -> ApiError {
        ApiError {
            retry_after: Some(1),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "busy",
                format!(
                    "{} runs are active, the most this daemon runs at once; retry later",
                    daemon.settings.max_active
                ),
            )
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Json(json!({"error": {"code": self.code, "message": self.message}}));
        let mut response = (self.status, body).into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, secs.into());
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

type Shared = Arc<App>;

pub fn router(app: Shared) -> Router {
    Router::new()
        .route("/v1/health", get(health))
        .route("/v1/openapi.json", get(openapi))
        .route("/v1/agents", post(register_agent))
        .route("/v1/agents/{id}", get(get_agent))
        .route("/v1/agents/{id}/prompt", get(agent_prompt))
        .route("/v1/runs", post(create_run).get(list_runs))
        .route("/v1/runs/{id}", get(get_run))
        .route("/v1/runs/{id}/resume", post(resume_run))
        .route("/v1/runs/{id}/approve", post(approve_run))
        .route("/v1/runs/{id}/cancel", post(cancel_run))
        .route("/v1/runs/{id}/events", get(run_events))
        .route("/v1/runs/{id}/record", get(run_record))
        .route("/v1/replay", post(replay))
        .fallback(|| async { ApiError::not_found("such endpoint") })
        .with_state(app)
}

/// Checks the request's token against the scope it needs. Without a token file (Unix socket
/// only) the socket's owner has every scope.
fn authorize(app: &App, headers: &HeaderMap, scope: Scope) -> Result<Grant, ApiError> {
    let Some(tokens) = &app.tokens else {
        return Ok(Grant::ALL);
    };
    let header = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    match tokens.grant(header) {
        Ok(grant) if grant.allows(scope) => Ok(grant),
        Ok(_) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            format!("this needs a token with the {} scope", scope.as_str()),
        )),
        Err(Refusal::Missing) => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "an Authorization: Bearer token is required",
        )),
        Err(Refusal::Unknown) => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "the token is not valid",
        )),
    }
}

/// Either scope may read runs (an approver needs to see what it approves).
fn authorize_reader(app: &App, headers: &HeaderMap) -> Result<Grant, ApiError> {
    authorize(app, headers, Scope::Submitter).or_else(|e| {
        if e.status == StatusCode::FORBIDDEN {
            authorize(app, headers, Scope::Approver)
        } else {
            Err(e)
        }
    })
}

/// Reads a JSON body: at most the body limit (413), within the slow-client timeout (408),
/// well-formed (400 with the parser's message).
async fn read_json<T: serde::de::DeserializeOwned>(app: &App, body: Body) -> Result<T, ApiError> {
    let limited = Limited::new(body, app.body_limit);
    let collected = tokio::time::timeout(app.body_timeout, limited.collect()).await;
    let bytes = match collected {
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                "timeout",
                format!(
                    "the request body did not arrive within {} s",
                    app.body_timeout.as_secs()
                ),
            ))
        }
        Ok(Err(e)) => {
            if e.downcast_ref::<http_body_util::LengthLimitError>()
                .is_some()
            {
                return Err(ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "too_large",
                    format!("the request body is larger than {} bytes", app.body_limit),
                ));
            }
            return Err(ApiError::bad(format!("cannot read the request body: {e}")));
        }
        Ok(Ok(c)) => c.to_bytes(),
    };
    serde_json::from_slice(&bytes).map_err(|e| ApiError::bad(format!("invalid JSON body: {e}")))
}

async fn health() -> Json<Value> {
    Json(json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")}))
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("openapi.json"),
    )
        .into_response()
}

async fn register_agent(
    State(app): State<Shared>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    authorize(&app, &headers, Scope::Submitter)?;
    let raw: Value = read_json(&app, body).await?;
    let agent = tokio::task::spawn_blocking(move || Agent::register(raw))
        .await
        .map_err(|e| ApiError::bad(e.to_string()))?
        .map_err(ApiError::bad)?;
    let view = agent.view();
    let stored = StoredAgent {
        id: agent.id.clone(),
        registration: agent.registration.clone(),
    };
    if let Err(e) = app.daemon.store.save_agent(&stored) {
        eprintln!("bactrian serve: agent {}: {e}", agent.id);
    }
    app.daemon
        .agents
        .write()
        .unwrap_or_else(|p| p.into_inner())
        .insert(agent.id.clone(), Arc::new(agent));
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

fn find_agent(app: &App, id: &str) -> Result<Arc<Agent>, ApiError> {
    app.daemon
        .agents
        .read()
        .unwrap_or_else(|p| p.into_inner())
        .get(id)
        .cloned()
        .ok_or_else(|| ApiError::not_found(&format!("agent {id}")))
}

async fn get_agent(
    State(app): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    authorize(&app, &headers, Scope::Submitter)?;
    Ok(Json(find_agent(&app, &id)?.view()))
}

async fn agent_prompt(
    State(app): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    authorize(&app, &headers, Scope::Submitter)?;
    let agent = find_agent(&app, &id)?;
    let prompt = tokio::task::spawn_blocking(move || agent.prompt())
        .await
        .map_err(|e| ApiError::bad(e.to_string()))?
        .map_err(ApiError::bad)?;
    Ok((
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        prompt,
    )
        .into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewRun {
    agent: String,
    code: String,
    #[serde(default)]
    query: String,
    #[serde(default)]
    session: Option<String>,
    #[serde(default)]
    limits: Option<Value>,
    #[serde(default)]
    idempotency_key: Option<String>,
}

#[derive(Deserialize)]
struct WaitQuery {
    /// Seconds to wait for the run to leave `running` (at most 60).
    #[serde(default)]
    wait: Option<f64>,
}

fn find_run(app: &App, id: &str) -> Result<Arc<RunSlot>, ApiError> {
    app.daemon
        .runs
        .read()
        .unwrap_or_else(|p| p.into_inner())
        .get(id)
        .cloned()
        .ok_or_else(|| ApiError::not_found(&format!("run {id}")))
}

/// Waits until the run is no longer running, or `wait` seconds pass.
async fn settle(slot: &RunSlot, wait: Option<f64>) {
    let Some(secs) = wait.filter(|w| *w > 0.0) else {
        return;
    };
    let deadline = tokio::time::Instant::now() + Duration::from_secs_f64(secs.min(60.0));
    let mut rx = slot.version.subscribe();
    loop {
        rx.borrow_and_update();
        if slot.is_settled() {
            return;
        }
        if tokio::time::timeout_at(deadline, rx.changed())
            .await
            .is_err()
        {
            return;
        }
    }
}

fn caller(peer: &Peer, grant: Grant) -> Value {
    match peer {
        Peer::Unix { uid, pid } => json!({"transport": "unix", "uid": uid, "pid": pid}),
        Peer::Tcp { addr } => json!({"transport": "tcp", "addr": addr,
            "scope": if grant.submitter { "submitter" } else { "approver" }}),
    }
}

async fn create_run(
    State(app): State<Shared>,
    Extension(peer): Extension<Peer>,
    headers: HeaderMap,
    Query(q): Query<WaitQuery>,
    body: Body,
) -> Result<Response, ApiError> {
    let grant = authorize(&app, &headers, Scope::Submitter)?;
    let req: NewRun = read_json(&app, body).await?;
    let agent = find_agent(&app, &req.agent)?;
    let daemon = &app.daemon;
    if req.code.len() as u64 > daemon.settings.limits.max_source_bytes {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!(
                "the plan is larger than {} bytes",
                daemon.settings.limits.max_source_bytes
            ),
        ));
    }
    daemon
        .check_limits(req.limits.as_ref())
        .map_err(ApiError::bad)?;
    let id = new_id("run_");
    if let Some(key) = &req.idempotency_key {
        let existing = {
            let mut keys = lock(&daemon.idempotency);
            let scoped = idempotency_slot(&agent.id, key);
            let existing = keys.get(&scoped).cloned();
            if existing.is_none() {
                keys.insert(scoped, id.clone());
            }
            existing
        };
        if let Some(existing) = existing {
            let slot = find_run(&app, &existing)?;
            settle(&slot, q.wait).await;
            return Ok((StatusCode::OK, Json(slot.view())).into_response());
        }
    }
    // In a session, the code earlier runs executed runs first (answered from their journal).
    let (code, prefix_lines, prefix_stdout, entries) = match &req.session {
        None => (req.code.clone(), 0, None, Vec::new()),
        Some(sid) => {
            let mut sessions = lock(&daemon.sessions);
            let session = sessions
                .entry(sid.clone())
                .or_insert_with(|| super::sessions::Session {
                    agent: agent.id.clone(),
                    ..Default::default()
                });
            if session.agent != agent.id {
                return Err(ApiError::conflict(format!(
                    "session {sid} belongs to another agent"
                )));
            }
            if let Some(active) = &session.active {
                return Err(ApiError::conflict(format!(
                    "run {active} of session {sid} has not ended; a session runs one plan at a time"
                )));
            }
            session.active = Some(id.clone());
            (
                format!("{}{}", session.prefix, req.code),
                session.prefix_lines,
                session.prefix_stdout.clone(),
                session.entries.clone(),
            )
        }
    };
    let slot = Arc::new(RunSlot {
        id: id.clone(),
        agent,
        code,
        query: req.query,
        session: req.session.clone(),
        prefix_lines,
        prefix_stdout,
        limits: req.limits,
        idempotency_key: req.idempotency_key.clone(),
        caller: caller(&peer, grant),
        created_at: now(),
        state: Mutex::new(RunState {
            status: "running",
            result: Value::Null,
            stdout: String::new(),
            tool_calls: json!([]),
            error: Value::Null,
            feedback: Value::Null,
            pending: None,
            answer: None,
            events: Vec::new(),
            record_sealed: false,
            entries: Vec::new(),
        }),
        version: tokio::sync::watch::channel(0).0,
        cancel: Arc::new(std::sync::atomic::AtomicBool::new(false)),
    });
    daemon
        .runs
        .write()
        .unwrap_or_else(|p| p.into_inner())
        .insert(id.clone(), slot.clone());
    if !daemon.start(&slot, entries) {
        if let Some(sid) = &req.session {
            if let Some(s) = lock(&daemon.sessions).get_mut(sid) {
                s.active = None;
            }
        }
        daemon
            .runs
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&id);
        if let Some(key) = &req.idempotency_key {
            lock(&daemon.idempotency).remove(&idempotency_slot(&slot.agent.id, key));
        }
        return Err(ApiError::busy(daemon));
    }
    settle(&slot, q.wait).await;
    Ok((StatusCode::CREATED, Json(slot.view())).into_response())
}

async fn list_runs(
    State(app): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    authorize_reader(&app, &headers)?;
    let mut runs = app.daemon.all_runs();
    runs.sort_by_key(|r| r.created_at);
    // Only the runs asked for are described.
    let views: Vec<Value> = runs
        .iter()
        .filter_map(|r| {
            let state = lock(&r.state);
            q.get("status")
                .is_none_or(|s| state.status == s.as_str())
                .then(|| r.view_of(&state))
        })
        .collect();
    Ok(Json(json!({"runs": views})))
}

async fn get_run(
    State(app): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<WaitQuery>,
) -> Result<Json<Value>, ApiError> {
    authorize_reader(&app, &headers)?;
    let slot = find_run(&app, &id)?;
    settle(&slot, q.wait).await;
    Ok(Json(slot.view()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Resume {
    suspension: String,
    #[serde(default)]
    result: Option<Value>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    labels: Vec<AnswerLabel>,
}

/// Hands the answer `make` gives for the pending suspension to the run waiting on
/// `suspension`: to its live thread, or (after a restart) by replaying its journal with the
/// answer appended.
fn deliver(
    app: &App,
    slot: &Arc<RunSlot>,
    suspension: &str,
    kind: PendingKind,
    make: impl FnOnce(&Pending) -> Result<Answer, String>,
) -> Result<(), ApiError> {
    let mut state = lock(&slot.state);
    let Some(pending) = state.pending.clone() else {
        return Err(ApiError::conflict(format!(
            "run {} is {}, not suspended",
            slot.id, state.status
        )));
    };
    if pending.id != suspension {
        return Err(ApiError::conflict(format!(
            "{suspension} is not the suspension run {} waits on",
            slot.id
        )));
    }
    if pending.kind != kind {
        return Err(ApiError::conflict(match pending.kind {
            PendingKind::Approval => {
                "this suspension is an approval: answer it with POST /v1/runs/{id}/approve"
            }
            PendingKind::HostCall => {
                "this suspension is a host call: answer it with POST /v1/runs/{id}/resume"
            }
        }));
    }
    // Made here, so that a malformed answer is the client's 400, not the plan's error.
    let mut answer = make(&pending).map_err(ApiError::bad)?;
    let resumed = json!({"suspension": pending.id, "call_id": pending.call});
    if let Some(tx) = state.answer.clone() {
        match tx.send(answer) {
            Ok(()) => {
                state.pending = None;
                state.status = "running";
                slot.emit(&mut state, "resumed", resumed);
                return Ok(());
            }
            // The thread is gone: resume by replay.
            Err(std::sync::mpsc::SendError(back)) => answer = back,
        }
    }
    // No live thread (the daemon restarted): replay the journal, then the answer.
    if pending.expires_at < now() {
        return Err(ApiError::conflict("the suspension has expired"));
    }
    let mut entries = state.entries.clone();
    entries.push(answer_entry(&pending, &answer).map_err(ApiError::bad)?);
    slot.emit(&mut state, "resumed", resumed);
    drop(state);
    if !app.daemon.start(slot, entries) {
        return Err(ApiError::busy(&app.daemon));
    }
    Ok(())
}

async fn resume_run(
    State(app): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<WaitQuery>,
    body: Body,
) -> Result<Json<Value>, ApiError> {
    authorize(&app, &headers, Scope::Submitter)?;
    let req: Resume = read_json(&app, body).await?;
    let slot = find_run(&app, &id)?;
    if req.result.is_some() == req.error.is_some() {
        return Err(ApiError::bad("give either result or error"));
    }
    let agent = slot.agent.clone();
    let make = |pending: &Pending| match (req.result, req.error) {
        (Some(value), None) => host_answer(&agent, pending, value, &req.labels),
        (None, Some(message)) => Ok(Answer::Error(message)),
        _ => Err("give either result or error".into()),
    };
    deliver(&app, &slot, &req.suspension, PendingKind::HostCall, make)?;
    settle(&slot, q.wait).await;
    Ok(Json(slot.view()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Approve {
    suspension: String,
    /// `once`, `always` (for the rest of this run) or `deny`.
    answer: String,
}

async fn approve_run(
    State(app): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<WaitQuery>,
    body: Body,
) -> Result<Json<Value>, ApiError> {
    authorize(&app, &headers, Scope::Approver)?;
    let req: Approve = read_json(&app, body).await?;
    let approval = match req.answer.as_str() {
        "once" => Approval::Once,
        "always" => Approval::ForRun,
        "deny" => Approval::Deny,
        other => {
            return Err(ApiError::bad(format!(
                "answer must be once, always or deny, not {other:?}"
            )))
        }
    };
    let slot = find_run(&app, &id)?;
    deliver(&app, &slot, &req.suspension, PendingKind::Approval, |_| {
        Ok(Answer::Approval(approval))
    })?;
    settle(&slot, q.wait).await;
    Ok(Json(slot.view()))
}

async fn cancel_run(
    State(app): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<WaitQuery>,
) -> Result<Json<Value>, ApiError> {
    authorize(&app, &headers, Scope::Submitter)?;
    let slot = find_run(&app, &id)?;
    slot.cancel.store(true, Ordering::SeqCst);
    {
        let mut state = lock(&slot.state);
        if state.pending.is_some() {
            match state.answer.clone() {
                Some(tx) => {
                    if tx.send(Answer::Cancel).is_ok() {
                        state.pending = None;
                        state.status = "running";
                    }
                }
                None => app.daemon.finish_with_error(
                    &slot,
                    &mut state,
                    "stopped",
                    "Cancelled",
                    "the run was cancelled",
                ),
            }
        }
    }
    settle(&slot, q.wait.or(Some(5.0))).await;
    Ok(Json(slot.view()))
}

async fn run_events(
    State(app): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    authorize_reader(&app, &headers)?;
    let slot = find_run(&app, &id)?;
    let after = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(0);
    Ok(super::events::stream(slot, after).into_response())
}

async fn run_record(
    State(app): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    authorize_reader(&app, &headers)?;
    let slot = find_run(&app, &id)?;
    let settled = slot.is_settled() && lock(&slot.state).status != "suspended";
    if !settled {
        return Err(ApiError::conflict(
            "the record is sealed when the run ends; this run has not ended",
        ));
    }
    let path = app.daemon.record_path(&slot.id);
    let bytes = tokio::fs::read(&path)
        .await
        .map_err(|_| ApiError::not_found(&format!("record for run {id}")))?;
    Ok(([(header::CONTENT_TYPE, "application/x-ndjson")], bytes).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReplayRequest {
    /// The record file's text.
    record: String,
    /// Policies to judge every call again: `{"name": "x.rego", "text": "..."}`.
    #[serde(default)]
    policies: Vec<PolicyText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyText {
    name: String,
    text: String,
}

async fn replay(
    State(app): State<Shared>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<Value>, ApiError> {
    authorize(&app, &headers, Scope::Submitter)?;
    let req: ReplayRequest = read_json(&app, body).await?;
    let report = tokio::task::spawn_blocking(move || replay_blocking(req))
        .await
        .map_err(|e| ApiError::bad(e.to_string()))?
        .map_err(ApiError::bad)?;
    Ok(Json(report))
}

fn replay_blocking(req: ReplayRequest) -> Result<Value, String> {
    use bactrian_engine::record::{verify_bytes, Record};
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join("run.record");
    std::fs::write(&path, &req.record).map_err(|e| e.to_string())?;
    let verified = verify_bytes(req.record.as_bytes(), None);
    let record = Record::load(&path).map_err(|e| e.to_string())?;
    let policies = if req.policies.is_empty() {
        None
    } else {
        let mut paths = Vec::new();
        for p in &req.policies {
            let name = std::path::Path::new(&p.name)
                .file_name()
                .ok_or_else(|| format!("policy name {:?} is not a file name", p.name))?;
            let file = dir.path().join(name);
            std::fs::write(&file, &p.text).map_err(|e| e.to_string())?;
            paths.push(file);
        }
        Some(bactrian_policy::PolicySet::load(&paths).map_err(|e| e.to_string())?)
    };
    let report = bactrian_engine::replay(&record, policies.as_ref())?;
    let mut v = serde_json::to_value(report).map_err(|e| e.to_string())?;
    if let Some(fields) = v.as_object_mut() {
        fields.insert("verified".into(), json!(verified.ok));
        fields.insert("signed".into(), json!(verified.signed));
    }
    Ok(v)
}
