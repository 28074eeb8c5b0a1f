//! Load on `bactrian serve`: runs per second and latency of a ten-line plan without tools,
//! over the Unix socket and TCP, with 1, 8 and 64 concurrent clients (each on its own
//! keep-alive connection, one run per request with `?wait=`), and the round trip of one
//! host-tool suspension (a resume answered until the run suspends again).
//!
//! `cargo bench --bench serve_load` (builds the release binary first). Goals on 2 cores:
//! at least 2,000 runs/s; a suspension round trip under 1 ms p50 on the Unix socket.
//! `SERVE_LOAD_SECS` sets each measurement's length (default 3).

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use serde_json::{json, Value};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PLAN: &str = "items = [3, 1, 4, 1, 5, 9, 2, 6]
total = 0
for x in items:
    total += x * 2
words = ['alpha', 'beta', 'gamma']
joined = '-'.join(words)
d = {'total': total, 'joined': joined}
result = f\"{d['joined']}:{d['total']}\"
n = len(items)
print(result, n)
";

const TOKEN: &str = "bench-submitter-token-000000";

type Sender = hyper::client::conn::http1::SendRequest<Full<Bytes>>;

async fn connect(target: &str) -> Sender {
    match target.strip_prefix("unix:") {
        Some(path) => handshake(tokio::net::UnixStream::connect(path).await.unwrap()).await,
        None => {
            let stream = tokio::net::TcpStream::connect(target).await.unwrap();
            stream.set_nodelay(true).unwrap();
            handshake(stream).await
        }
    }
}

async fn handshake<S>(stream: S) -> Sender
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .unwrap();
    tokio::spawn(conn);
    sender
}

async fn post(sender: &mut Sender, path: &str, body: &Value) -> (u16, Value) {
    sender.ready().await.unwrap();
    let req = hyper::Request::builder()
        .method("POST")
        .uri(path)
        .header("host", "bench")
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(Full::new(Bytes::from(body.to_string())))
        .unwrap();
    let resp = sender.send_request(req).await.unwrap();
    let status = resp.status().as_u16();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1e3
}

/// Runs as many plans as `clients` connections can for `secs`; (runs/s, p50 ms, p99 ms).
async fn load(target: &str, agent: &str, clients: usize, secs: f64) -> (f64, f64, f64, usize) {
    let deadline = Instant::now() + Duration::from_secs_f64(secs);
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (target, agent) = (target.to_string(), agent.to_string());
        tasks.push(tokio::spawn(async move {
            let mut sender = connect(&target).await;
            let mut times = Vec::new();
            let mut busy = 0;
            let body = json!({"agent": agent, "code": PLAN});
            while Instant::now() < deadline {
                let t = Instant::now();
                let (status, v) = post(&mut sender, "/v1/runs?wait=30", &body).await;
                if status == 429 {
                    busy += 1;
                    continue;
                }
                assert_eq!(status, 201, "{v}");
                assert_eq!(v["status"], "completed", "{v}");
                times.push(t.elapsed());
            }
            (times, busy)
        }));
    }
    let started = Instant::now();
    let mut all = Vec::new();
    let mut busy = 0;
    for t in tasks {
        let (times, b) = t.await.unwrap();
        all.extend(times);
        busy += b;
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort();
    (
        all.len() as f64 / elapsed,
        percentile(&all, 0.5),
        percentile(&all, 0.99),
        busy,
    )
}

/// The round trip of one host call: answer it, get the run back suspended on the next (or
/// completed). `runs` runs of a plan that makes ten host calls.
async fn suspension_round_trip(target: &str, agent: &str, runs: usize) -> (f64, f64) {
    let mut sender = connect(target).await;
    let code = "for i in range(10):\n    ping(i)\n";
    let mut times = Vec::new();
    for _ in 0..runs {
        let (_, mut run) = post(
            &mut sender,
            "/v1/runs?wait=10",
            &json!({"agent": agent, "code": code}),
        )
        .await;
        let id = run["id"].as_str().unwrap().to_string();
        while run["status"] == "suspended" {
            let t = Instant::now();
            let body = json!({"suspension": run["pending"]["suspension"], "result": "pong"});
            let (status, next) =
                post(&mut sender, &format!("/v1/runs/{id}/resume?wait=10"), &body).await;
            assert_eq!(status, 200, "{next}");
            times.push(t.elapsed());
            run = next;
        }
        assert_eq!(run["status"], "completed", "{run}");
    }
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.99))
}

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let built = Command::new(env!("CARGO"))
        .args(["build", "--release", "-q", "-p", "bactrian"])
        .current_dir(root)
        .status()
        .unwrap();
    assert!(built.success());
    let target_dir = std::env::var("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| root.join("target"));
    let binary = target_dir.join("release/bactrian");
    let state = tempfile::tempdir().unwrap();
    let tokens = state.path().join("tokens");
    std::fs::write(&tokens, format!("submitter {TOKEN}\n")).unwrap();
    let socket = state.path().join("bactrian.sock");
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let tcp = format!("127.0.0.1:{port}");
    let mut daemon = Command::new(&binary)
        .arg("serve")
        .arg("--state-dir")
        .arg(state.path())
        .arg("--listen")
        .arg(format!("unix:{}", socket.display()))
        .arg("--listen")
        .arg(&tcp)
        .arg("--token-file")
        .arg(&tokens)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !socket.exists() || std::net::TcpStream::connect(&tcp).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the daemon did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let secs: f64 = std::env::var("SERVE_LOAD_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let unix = format!("unix:{}", socket.display());
        let mut s = connect(&unix).await;
        let (_, agent) = post(
            &mut s,
            "/v1/agents",
            &json!({"agent_yaml": "name: bench\nllm:\n  secure_execution: true\n",
                    "host_tools": [{"name": "ping", "parameters": {"type": "object",
                        "properties": {"i": {"type": "integer"}}}}]}),
        )
        .await;
        let agent = agent["id"].as_str().unwrap().to_string();
        // Warm up (page cache, allocator, the first thread stacks).
        load(&unix, &agent, 4, 0.5).await;
        println!("| transport | clients | runs/s | p50 ms | p99 ms | 429s |");
        println!("|---|---:|---:|---:|---:|---:|");
        for (name, target) in [("unix", unix.as_str()), ("tcp", tcp.as_str())] {
            for clients in [1, 8, 64] {
                let (rate, p50, p99, busy) = load(target, &agent, clients, secs).await;
                println!("| {name} | {clients} | {rate:.0} | {p50:.2} | {p99:.2} | {busy} |");
            }
        }
        for (name, target) in [("unix socket", unix.as_str()), ("tcp", tcp.as_str())] {
            let (p50, p99) = suspension_round_trip(target, &agent, 200).await;
            println!("host-call suspension round trip ({name}, 200 runs of 10 calls): p50 {p50:.3} ms, p99 {p99:.3} ms");
        }
    });
    let _ = daemon.kill();
    let _ = daemon.wait();
}
