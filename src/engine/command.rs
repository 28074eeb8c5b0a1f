//! Tools that are programs speaking the JSON protocol (docs/tools.md): the request on stdin,
//! the response on stdout. A tool that fails in any way gives the plan a clean `ToolError`.

use bactrian_interpreter::{HostError, PartLabel, ToolOutput};
use bactrian_provenance::{Readers, Source};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The most a tool may print on stdout.
pub const MAX_OUTPUT: usize = 16 << 20;

/// What a tool prints: `{"result": ...}` or `{"error": "..."}`, with optional labels for parts
/// of the result.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Response {
    #[serde(default)]
    result: Option<Value>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    labels: Vec<ResponseLabel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResponseLabel {
    #[serde(default)]
    path: Vec<PathPart>,
    #[serde(default)]
    readers: Option<Readers>,
    #[serde(default)]
    inner: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum PathPart {
    Key(String),
    Index(u64),
}

/// How to start a tool and what its results are.
pub struct CommandTool<'a> {
    pub name: &'a str,
    pub argv: &'a [String],
    pub timeout: Duration,
    pub trusted_output: bool,
    pub readers: Readers,
    /// Principals whose data is trusted when a tool names them as an inner source.
    pub trusted_principals: &'a [String],
}

impl CommandTool<'_> {
    /// Runs one call.
    pub fn call(&self, call_id: &str, args: &Map<String, Value>) -> Result<ToolOutput, HostError> {
        let request = json!({"tool": self.name, "call_id": call_id, "args": args});
        let (program, rest) = self
            .argv
            .split_first()
            .ok_or_else(|| HostError::ToolFailed("the tool has an empty command".into()))?;
        let mut child = Command::new(program)
            .args(rest)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // Its own process group, so a timeout kills everything it started.
            .process_group(0)
            .spawn()
            .map_err(|e| HostError::ToolFailed(format!("could not start {program}: {e}")))?;
        if let Some(mut stdin) = child.stdin.take() {
            // A tool that does not read its input is its own business; a broken pipe is fine.
            let _ = stdin.write_all(request.to_string().as_bytes());
        }
        let mut stdout = child.stdout.take();
        let mut stderr = child.stderr.take();
        let reader = std::thread::spawn(move || {
            let mut out = Vec::new();
            if let Some(s) = stdout.as_mut() {
                let _ = s.take(MAX_OUTPUT as u64 + 1).read_to_end(&mut out);
            }
            out
        });
        let err_reader = std::thread::spawn(move || {
            let mut err = Vec::new();
            if let Some(s) = stderr.as_mut() {
                let _ = s.take(64 << 10).read_to_end(&mut err);
            }
            err
        });
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if started.elapsed() > self.timeout => {
                    kill_group(child.id());
                    let _ = child.wait();
                    return Err(HostError::ToolFailed(format!(
                        "timed out after {:.1} s and was killed",
                        self.timeout.as_secs_f64()
                    )));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(2)),
                Err(e) => {
                    return Err(HostError::ToolFailed(format!(
                        "could not wait for the tool: {e}"
                    )))
                }
            }
        };
        let out = reader.join().unwrap_or_default();
        let err = err_reader.join().unwrap_or_default();
        if out.len() > MAX_OUTPUT {
            kill_group(child.id());
            return Err(HostError::ToolFailed(format!(
                "printed more than {MAX_OUTPUT} bytes"
            )));
        }
        if !status.success() {
            let stderr = String::from_utf8_lossy(&err);
            let last = stderr.lines().last().unwrap_or("").trim();
            return Err(HostError::ToolFailed(match status.code() {
                Some(code) => format!(
                    "exited with status {code}{}",
                    if last.is_empty() {
                        String::new()
                    } else {
                        format!(": {last}")
                    }
                ),
                None => "was killed by a signal".to_string(),
            }));
        }
        let response: Response = serde_json::from_slice(&out).map_err(|e| {
            HostError::ToolFailed(format!("printed invalid JSON ({e}); expected {{\"result\": ...}} or {{\"error\": \"...\"}}"))
        })?;
        if let Some(error) = response.error {
            return Err(HostError::ToolFailed(error));
        }
        let Some(result) = response.result else {
            return Err(HostError::ToolFailed(
                "answered with neither result nor error".into(),
            ));
        };
        let parts = response
            .labels
            .into_iter()
            .map(|l| PartLabel {
                path: l
                    .path
                    .into_iter()
                    .map(|p| match p {
                        PathPart::Key(k) => k,
                        PathPart::Index(i) => i.to_string(),
                    })
                    .collect(),
                trusted: self.trusted_output
                    || l.inner
                        .as_ref()
                        .is_some_and(|i| self.trusted_principals.contains(i)),
                inner: l.inner,
                readers: l.readers,
            })
            .collect();
        Ok(ToolOutput {
            value: result,
            sources: [Source::Tool {
                name: self.name.to_string(),
                call: call_id.to_string(),
                inner: None,
                trusted: self.trusted_output,
            }]
            .into(),
            readers: self.readers.clone(),
            parts,
        })
    }
}

fn kill_group(pid: u32) {
    // SAFETY: kill(2) with a negative pid signals the process group we created for the tool;
    // it has no memory-safety preconditions.
    unsafe {
        libc::kill(-(pid as i32), libc::SIGKILL);
    }
}
