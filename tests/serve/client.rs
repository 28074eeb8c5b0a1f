//! A real HTTP/1.1 client (hyper) for the daemon's tests, over the Unix socket or TCP, and the
//! daemon process itself.

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `bactrian serve` process, killed when dropped.
pub struct Daemon {
    pub child: Child,
    pub state: PathBuf,
    pub socket: PathBuf,
    pub tcp: Option<String>,
    args: Vec<String>,
}

impl Daemon {
    /// Starts the daemon with its state in `state`, plus `args`.
    pub fn start(state: &Path, args: &[&str]) -> Daemon {
        let socket = state.join("bactrian.sock");
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let mut d = Daemon {
            child: spawn(state, &args),
            state: state.to_path_buf(),
            socket,
            tcp: None,
            args,
        };
        d.wait_ready();
        d
    }

    fn wait_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        let log = self.state.join("daemon.log");
        loop {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            let unix_ready = text.contains("listening on unix:");
            let tcp = text
                .lines()
                .filter_map(|l| l.strip_prefix("bactrian serve: listening on "))
                .find(|a| !a.starts_with("unix:"))
                .map(String::from);
            let wants_tcp = self.args.iter().any(|a| a.contains("127.0.0.1"));
            if unix_ready && (!wants_tcp || tcp.is_some()) {
                self.tcp = tcp;
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("the daemon exited ({status}): {text}");
            }
            assert!(
                Instant::now() < deadline,
                "the daemon did not start: {text}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Kills the daemon (as a crash would) and starts it again on the same state.
    pub fn restart(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(self.state.join("daemon.log"));
        self.child = spawn(&self.state, &self.args);
        self.wait_ready();
    }

    pub fn unix(&self) -> Client {
        Client {
            target: Target::Unix(self.socket.clone()),
            token: None,
        }
    }

    pub fn tcp(&self, token: Option<&str>) -> Client {
        Client {
            target: Target::Tcp(self.tcp.clone().expect("a TCP listener")),
            token: token.map(String::from),
        }
    }
}

fn spawn(state: &Path, args: &[String]) -> Child {
    let log = std::fs::File::create(state.join("daemon.log")).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bactrian"));
    cmd.arg("serve").arg("--state-dir").arg(state);
    if !args.iter().any(|a| a.starts_with("unix:")) && args.iter().any(|a| a == "--listen") {
        cmd.arg("--listen")
            .arg(format!("unix:{}", state.join("bactrian.sock").display()));
    }
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap()
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request on a fresh connection.
async fn exchange<S>(
    stream: std::io::Result<S>,
    req: hyper::Request<Full<Bytes>>,
) -> hyper::Response<hyper::body::Incoming>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream.unwrap()))
        .await
        .unwrap();
    tokio::spawn(conn);
    sender.send_request(req).await.unwrap()
}

#[derive(Clone)]
enum Target {
    Unix(PathBuf),
    Tcp(String),
}

#[derive(Clone)]
pub struct Client {
    target: Target,
    pub token: Option<String>,
}

/// A response: status, headers, and the body (JSON when it parses, else a string).
pub struct Reply {
    pub status: u16,
    pub headers: hyper::HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Client {
    pub fn with_token(&self, token: &str) -> Client {
        Client {
            target: self.target.clone(),
            token: Some(token.to_string()),
        }
    }

    pub async fn send(&self, method: &str, path: &str, body: Option<Vec<u8>>) -> Reply {
        let mut req = hyper::Request::builder()
            .method(method)
            .uri(path)
            .header("host", "bactrian");
        if let Some(t) = &self.token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        if body.is_some() {
            req = req.header("content-type", "application/json");
        }
        let req = req
            .body(Full::new(Bytes::from(body.unwrap_or_default())))
            .unwrap();
        let response = match &self.target {
            Target::Unix(path) => exchange(tokio::net::UnixStream::connect(path).await, req).await,
            Target::Tcp(addr) => exchange(tokio::net::TcpStream::connect(addr).await, req).await,
        };
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&bytes).to_string();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::String(text.clone()));
        Reply {
            status,
            headers,
            body,
            text,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send("GET", path, None).await
    }

    pub async fn post(&self, path: &str, body: &Value) -> Reply {
        self.send("POST", path, Some(body.to_string().into_bytes()))
            .await
    }
}
