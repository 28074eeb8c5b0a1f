//! Tools that are programs speaking the JSON protocol (docs/tools.md): the request on stdin,
//! the response on stdout. A tool that fails in any way gives the plan a clean `ToolError`.

use super::tools::{CallOutcome, OutputBudget};
use super::watch::Watcher;
use bactrian_interpreter::{HostError, PartLabel, ToolOutput};
use bactrian_provenance::{Readers, Source};
use bactrian_sandbox::{Ending, Profile, Sandbox, SandboxError, SandboxEvent};
use serde::Deserialize;
use serde_json::{json, Map, Value};

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
    /// The fence it runs in; `profile.timeout` is the call's wall-clock limit.
    pub profile: &'a Profile,
    pub sandbox: &'a Sandbox,
    pub trusted_output: bool,
    pub readers: Readers,
    /// Principals whose data is trusted when a tool names them as an inner source.
    pub trusted_principals: &'a [String],
    /// What the run's tools may still print; the call's stdout is charged to it.
    pub output: &'a mut OutputBudget,
}

impl CommandTool<'_> {
    /// Runs one call in its sandbox, watched by `watcher` (the eBPF sensor, or nothing).
    pub fn call(
        &mut self,
        call_id: &str,
        args: &Map<String, Value>,
        watcher: &mut dyn Watcher,
    ) -> CallOutcome {
        let mut sandbox_events = Vec::new();
        let result = self.run(call_id, args, watcher, &mut sandbox_events);
        let mut events = watcher.finished();
        events.sandbox = sandbox_events;
        CallOutcome { result, events }
    }

    fn run(
        &mut self,
        call_id: &str,
        args: &Map<String, Value>,
        watcher: &mut dyn Watcher,
        sandbox_events: &mut Vec<SandboxEvent>,
    ) -> Result<ToolOutput, HostError> {
        let request = json!({"tool": self.name, "call_id": call_id, "args": args});
        if self.argv.is_empty() {
            return Err(HostError::ToolFailed(
                "the tool has an empty command".into(),
            ));
        }
        let jailed = self
            .sandbox
            .spawn_watched(self.argv, self.profile, call_id, &[], &mut |id| {
                watcher.started(id)
            })
            .map_err(|e| match e {
                SandboxError::Unenforceable(m) => HostError::Stopped(m),
                SandboxError::Start(m) => HostError::ToolFailed(m),
            })?;
        let cap = self.output.next_cap();
        let exchange = jailed.exchange(request.to_string().into_bytes(), cap, &mut || {
            watcher.check()
        });
        sandbox_events.extend(exchange.events);
        let status = match exchange.ending {
            Ending::Exited(status) => status,
            Ending::TimedOut(after) => {
                return Err(HostError::ToolFailed(format!(
                    "timed out after {:.1} s and was killed",
                    after.as_secs_f64()
                )))
            }
            Ending::Stopped(reason) => return Err(HostError::Stopped(reason)),
            Ending::OutputTooLarge(cap) => {
                return Err(HostError::ToolFailed(self.output.too_much(cap)))
            }
            Ending::OutputLeftOpen => {
                return Err(HostError::ToolFailed(
                    "exited, but a process it started kept its stdout open".into(),
                ))
            }
            Ending::WaitFailed(e) => {
                return Err(HostError::ToolFailed(format!(
                    "could not wait for the tool: {e}"
                )))
            }
        };
        let out = exchange.stdout;
        self.output.charge(out.len());
        if let Some(limit) = sandbox_events.iter().find_map(SandboxEvent::stopped_by) {
            return Err(HostError::ToolFailed(format!(
                "was stopped by the sandbox at {}",
                limit.describe(self.profile)
            )));
        }
        if !status.success() {
            let last = exchange.stderr.last_line();
            return Err(HostError::ToolFailed(match status.code() {
                Some(code) => format!(
                    "exited with status {code}{}",
                    last.map(|l| format!(": {l}")).unwrap_or_default()
                ),
                None => "was killed by a signal".to_string(),
            }));
        }
        parse_response(
            &out,
            &ResponseOrigin {
                tool: self.name,
                call_id,
                trusted_output: self.trusted_output,
                readers: &self.readers,
                trusted_principals: self.trusted_principals,
            },
        )
    }
}

/// Who answered: what labels a tool's response gets.
pub struct ResponseOrigin<'a> {
    pub tool: &'a str,
    pub call_id: &'a str,
    /// The tool's whole output is trusted (agent.yaml `trusted_output`).
    pub trusted_output: bool,
    pub readers: &'a Readers,
    /// Principals whose data is trusted when the tool names them as an inner source.
    pub trusted_principals: &'a [String],
}

/// Reads what a tool printed on stdout (docs/tools.md) into its labelled output. Anything but
/// a well-formed `{"result": ...}` is a `ToolFailed` error, never a panic.
pub fn parse_response(stdout: &[u8], origin: &ResponseOrigin<'_>) -> Result<ToolOutput, HostError> {
    let out = super::big_ints::big_integers_as_strings(stdout);
    let response: Response = serde_json::from_slice(&out).map_err(|e| {
        HostError::ToolFailed(format!(
            "printed invalid JSON ({e}); expected {{\"result\": ...}} or {{\"error\": \"...\"}}"
        ))
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
            trusted: origin.trusted_output
                || l.inner
                    .as_ref()
                    .is_some_and(|i| origin.trusted_principals.contains(i)),
            inner: l.inner,
            readers: l.readers,
        })
        .collect::<Vec<_>>();
    super::tools::check_part_paths(&result, &parts)?;
    Ok(ToolOutput {
        value: result,
        sources: [Source::Tool {
            name: origin.tool.to_string(),
            call: origin.call_id.to_string(),
            inner: None,
            trusted: origin.trusted_output,
        }]
        .into(),
        readers: origin.readers.clone(),
        parts,
    })
}
