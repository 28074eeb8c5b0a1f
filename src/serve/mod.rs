//! `bactrian serve`: the engine as a service that agent runtimes call (docs/serve.md).
//!
//! tokio and hyper carry HTTP/1.1 over a Unix socket (mode 0600; the caller's uid and pid
//! from peer credentials go into each run's record) and, with a token file, over TCP. Plans
//! run on their own threads over the embedded engine ([`runs`]); what must survive a restart
//! is in the store ([`store`]).

mod agents;
mod api;
mod auth;
mod events;
mod feedback;
mod runs;
mod sessions;
mod store;

use crate::cli::exit;
use api::{App, Peer};
use clap::Args;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use runs::{lock, Daemon, RunSlot, Settings};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use store::DirStore;
use tower::ServiceExt;

#[derive(Args)]
pub struct ServeArgs {
    /// Where to listen: `unix:PATH` or `HOST:PORT` (TCP, only with --token-file). May be
    /// given twice. Default: `unix:STATE_DIR/bactrian.sock`.
    #[arg(long, value_name = "ADDR")]
    pub listen: Vec<String>,
    /// Bearer tokens, one per line: `submitter TOKEN` or `approver TOKEN`.
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Where agents, journals, records and the signing key are kept.
    #[arg(long, value_name = "DIR", default_value = "bactrian-state")]
    pub state_dir: PathBuf,
    /// Runs running or suspended at once; beyond it new runs get 429.
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub max_runs: usize,
    /// The largest request body, in bytes (413 beyond it).
    #[arg(long, value_name = "BYTES", default_value_t = 4 << 20)]
    pub max_body: usize,
    /// Seconds a host call waits for its answer before the run stops.
    #[arg(long, value_name = "SECS", default_value_t = 600)]
    pub host_call_timeout: u64,
    /// Seconds an approval waits before it counts as denied.
    #[arg(long, value_name = "SECS", default_value_t = 300)]
    pub approval_timeout: u64,
    /// Seconds a client may take to send a request's headers or body.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub client_timeout: u64,
    /// Seconds an ended run stays answerable (GET, events, record); its record and journal
    /// stay in the state directory.
    #[arg(long, value_name = "SECS", default_value_t = 3600)]
    pub retain: u64,
    /// The key that signs every run's record (default: STATE_DIR/signing.key, made on first
    /// start).
    #[arg(long, value_name = "FILE")]
    pub key: Option<PathBuf>,
}

enum Listen {
    Unix(PathBuf),
    Tcp(String),
}

fn parse_listen(args: &ServeArgs) -> Result<Vec<Listen>, String> {
    if args.listen.is_empty() {
        return Ok(vec![Listen::Unix(args.state_dir.join("bactrian.sock"))]);
    }
    args.listen
        .iter()
        .map(|l| match l.strip_prefix("unix:") {
            Some(path) if !path.is_empty() => Ok(Listen::Unix(PathBuf::from(path))),
            Some(_) => Err("--listen unix: needs a path".to_string()),
            None if l.contains(':') => {
                if args.token_file.is_none() {
                    Err(format!(
                        "--listen {l} is TCP: it needs --token-file (anyone who can connect \
                         could otherwise run plans)"
                    ))
                } else {
                    Ok(Listen::Tcp(l.clone()))
                }
            }
            None => Err(format!("--listen takes unix:PATH or HOST:PORT, not {l:?}")),
        })
        .collect()
}

fn signing_key(args: &ServeArgs) -> Result<ed25519_dalek::SigningKey, String> {
    use bactrian_engine::record::{keygen, load_signing_key};
    let path = args
        .key
        .clone()
        .unwrap_or_else(|| args.state_dir.join("signing.key"));
    if !path.exists() && args.key.is_none() {
        keygen(&args.state_dir.join("signing")).map_err(|e| e.to_string())?;
    }
    load_signing_key(&path).map_err(|e| e.to_string())
}

pub fn run(args: ServeArgs) -> i32 {
    match serve(args) {
        Ok(()) => exit::OK,
        Err(message) => {
            eprintln!("bactrian serve: {message}");
            exit::USAGE
        }
    }
}

fn serve(args: ServeArgs) -> Result<(), String> {
    let listens = parse_listen(&args)?;
    let tokens = match &args.token_file {
        Some(path) => Some(auth::Tokens::load(path)?),
        None => None,
    };
    std::fs::create_dir_all(&args.state_dir)
        .map_err(|e| format!("cannot create {}: {e}", args.state_dir.display()))?;
    let store = DirStore::open(&args.state_dir)?;
    let records = store.records();
    let key = signing_key(&args)?;
    let daemon = Arc::new(Daemon {
        settings: Settings {
            max_active: args.max_runs.max(1),
            host_call_ttl: Duration::from_secs(args.host_call_timeout.max(1)),
            approval_ttl: Duration::from_secs(args.approval_timeout.max(1)),
            limits: bactrian_interpreter::Limits::default(),
            retain: Duration::from_secs(args.retain),
        },
        agents: RwLock::new(HashMap::new()),
        runs: RwLock::new(HashMap::new()),
        idempotency: Mutex::new(HashMap::new()),
        sessions: Mutex::new(HashMap::new()),
        idle: Mutex::new(Vec::new()),
        store: Box::new(store),
        records,
        key,
        active: AtomicUsize::new(0),
    });
    restore(&daemon)?;
    let app = Arc::new(App {
        daemon: daemon.clone(),
        tokens,
        body_limit: args.max_body,
        body_timeout: Duration::from_secs(args.client_timeout.max(1)),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    let header_timeout = Duration::from_secs(args.client_timeout.max(1));
    runtime.block_on(async move {
        let router = api::router(app);
        let mut tasks = Vec::new();
        for listen in listens {
            match listen {
                Listen::Unix(path) => {
                    let listener = bind_unix(&path)?;
                    eprintln!("bactrian serve: listening on unix:{}", path.display());
                    tasks.push(tokio::spawn(accept_unix(
                        listener,
                        router.clone(),
                        header_timeout,
                    )));
                }
                Listen::Tcp(addr) => {
                    let listener = tokio::net::TcpListener::bind(&addr)
                        .await
                        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
                    let local = listener.local_addr().map(|a| a.to_string()).unwrap_or(addr);
                    eprintln!("bactrian serve: listening on {local}");
                    tasks.push(tokio::spawn(accept_tcp(
                        listener,
                        router.clone(),
                        header_timeout,
                    )));
                }
            }
        }
        tokio::spawn(sweep(daemon));
        shutdown_signal().await;
        eprintln!("bactrian serve: stopping (suspended runs are kept and resume after a restart)");
        for t in tasks {
            t.abort();
        }
        Ok::<(), String>(())
    })
}

/// Binds the socket with mode 0600 from the start (no window in which others may connect).
fn bind_unix(path: &Path) -> Result<tokio::net::UnixListener, String> {
    use std::os::unix::fs::FileTypeExt;
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if meta.file_type().is_socket() {
            // A socket left by a daemon that stopped; a live daemon would still hold it.
            if std::os::unix::net::UnixStream::connect(path).is_ok() {
                return Err(format!("another daemon listens on {}", path.display()));
            }
            let _ = std::fs::remove_file(path);
        } else {
            return Err(format!("{} exists and is not a socket", path.display()));
        }
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    // SAFETY: umask has no preconditions; it is restored right after the bind.
    let old = unsafe { libc::umask(0o177) };
    let bound = std::os::unix::net::UnixListener::bind(path);
    // SAFETY: as above.
    unsafe { libc::umask(old) };
    let listener = bound.map_err(|e| format!("cannot listen on {}: {e}", path.display()))?;
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    tokio::net::UnixListener::from_std(listener).map_err(|e| e.to_string())
}

async fn serve_connection<S>(stream: S, router: axum::Router, peer: Peer, header_timeout: Duration)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let service = router.map_request(move |mut req: axum::http::Request<hyper::body::Incoming>| {
        req.extensions_mut().insert(peer.clone());
        req.map(axum::body::Body::new)
    });
    let _ = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout)
        .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
        .await;
}

async fn accept_unix(
    listener: tokio::net::UnixListener,
    router: axum::Router,
    header_timeout: Duration,
) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let cred = stream.peer_cred().ok();
        let peer = Peer::Unix {
            uid: cred.map(|c| c.uid()),
            pid: cred.and_then(|c| c.pid()),
        };
        tokio::spawn(serve_connection(
            stream,
            router.clone(),
            peer,
            header_timeout,
        ));
    }
}

async fn accept_tcp(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    header_timeout: Duration,
) {
    loop {
        let Ok((stream, addr)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let _ = stream.set_nodelay(true);
        let peer = Peer::Tcp {
            addr: addr.to_string(),
        };
        tokio::spawn(serve_connection(
            stream,
            router.clone(),
            peer,
            header_timeout,
        ));
    }
}

async fn shutdown_signal() {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut term), Ok(mut int)) = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) else {
        std::future::pending::<()>().await;
        return;
    };
    tokio::select! {
        _ = term.recv() => {}
        _ = int.recv() => {}
    }
}

/// Reads agents and runs back from the store.
fn restore(daemon: &Arc<Daemon>) -> Result<(), String> {
    for stored in daemon.store.load_agents()? {
        match agents::Agent::register(stored.registration) {
            Ok(agent) => {
                lock_write(&daemon.agents).insert(agent.id.clone(), Arc::new(agent));
            }
            Err(e) => eprintln!("bactrian serve: agent {} no longer loads: {e}", stored.id),
        }
    }
    let now = runs::now();
    for stored in daemon.store.load_runs()? {
        let status = stored
            .view
            .get("status")
            .and_then(serde_json::Value::as_str);
        let ended = !matches!(status, Some("running" | "suspended"));
        if ended
            && stored
                .created_at
                .saturating_add(daemon.settings.retain.as_secs())
                < now
        {
            continue; // past --retain: its files stay, the daemon no longer answers for it
        }
        let agent = daemon
            .agents
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(&stored.agent)
            .cloned();
        let Some(agent) = agent else {
            eprintln!(
                "bactrian serve: run {}: its agent {} is gone",
                stored.id, stored.agent
            );
            continue;
        };
        if agent.digest != stored.agent_digest {
            eprintln!(
                "bactrian serve: run {}: its agent changed; it is not resumed",
                stored.id
            );
            continue;
        }
        let key = stored
            .idempotency_key
            .clone()
            .map(|k| runs::idempotency_slot(&stored.agent, &k));
        let slot = Arc::new(RunSlot::restored(stored, agent));
        if let Some(key) = key {
            lock(&daemon.idempotency).insert(key, slot.id.clone());
        }
        {
            // A run the daemon stopped in the middle is saved as failed now.
            let state = lock(&slot.state);
            if let Err(e) = daemon.store.save_run(&slot.stored(&state)) {
                eprintln!("bactrian serve: run {}: {e}", slot.id);
            }
        }
        lock_write(&daemon.runs).insert(slot.id.clone(), slot);
    }
    Ok(())
}

/// Drops an ended run from memory (its files stay).
fn forget(daemon: &Daemon, slot: &RunSlot) {
    lock_write(&daemon.runs).remove(&slot.id);
    if let Some(key) = &slot.idempotency_key {
        lock(&daemon.idempotency).remove(&runs::idempotency_slot(&slot.agent.id, key));
    }
}

fn lock_write<T>(l: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(|p| p.into_inner())
}

/// Expires suspensions nobody answered that have no live thread (those restored after a
/// restart; a live thread expires its own): an approval counts as denied, a host call stops
/// the run.
async fn sweep(daemon: Arc<Daemon>) {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        let runs = daemon.all_runs();
        let now = runs::now();
        let retain = daemon.settings.retain.as_secs();
        for slot in runs {
            let mut state = lock(&slot.state);
            let ended = !matches!(state.status, "running" | "suspended");
            if ended && slot.created_at.saturating_add(retain) < now {
                drop(state);
                forget(&daemon, &slot);
                continue;
            }
            let expired = state.answer.is_none()
                && state.pending.as_ref().is_some_and(|p| p.expires_at < now);
            if !expired {
                continue;
            }
            let approval = state
                .pending
                .as_ref()
                .is_some_and(|p| p.kind == runs::PendingKind::Approval);
            if approval {
                daemon.finish_with_error(
                    &slot,
                    &mut state,
                    "denied",
                    "PolicyViolation",
                    "approval was not given in time (it expired)",
                );
            } else {
                daemon.finish_with_error(
                    &slot,
                    &mut state,
                    "stopped",
                    "Expired",
                    "the client did not answer the host call in time",
                );
            }
        }
    }
}
