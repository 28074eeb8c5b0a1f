//! A client for MCP servers over stdio (JSON-RPC 2.0, one JSON message per line).
//!
//! [`McpServer::start`] spawns the server inside its sandbox (bactrian-sandbox: Landlock,
//! its own cgroup and process group, a clean environment) and does the handshake;
//! [`McpServer::list_tools`] and [`McpServer::call_tool`] are the two requests Bactrian needs.
//! Arguments are checked against the tool's input schema before they are sent, so a call the
//! schema refuses never reaches the server. Nothing a server does — garbage on stdout,
//! requests of its own, dying mid-call, never answering, a line of gigabytes — panics or
//! blocks past the timeout: each gives an [`McpError`] that says what happened.
//!
//! Threads, not async, with the sandbox's pieces for talking to a process: one thread reads
//! stdout and hands whole messages over a channel, one writes stdin (so a server that stops
//! reading cannot block the caller), one reads stderr to its end and keeps its tail for error
//! messages.

use bactrian_sandbox::{
    read_lines, Jailed, Line, Profile, Sandbox, SandboxEvent, StderrTail, StdinWriter, STDERR_TAIL,
};
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::process::ExitStatus;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::json_schema;

/// The longest message a server may send: a longer line fails the request it answers.
pub const MAX_MESSAGE: usize = super::tools::MAX_CALL_OUTPUT;

/// The protocol version Bactrian asks for (it brought `structuredContent`).
pub const PROTOCOL_VERSION: &str = "2025-06-18";

/// Versions Bactrian accepts when the server answers with another than it asked for.
const SUPPORTED_VERSIONS: &[&str] = &["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"];

/// More pages than this from `tools/list` is a server that loops.
const MAX_PAGES: usize = 1000;

/// What went wrong talking to an MCP server.
#[derive(Debug, thiserror::Error)]
pub enum McpError {
    /// The server could not be spawned.
    #[error("could not start the MCP server: {0}")]
    Start(String),
    /// The server broke the protocol or went away.
    #[error("MCP server: {0}")]
    Protocol(String),
    /// The server did not answer in time (a cancellation was sent).
    #[error("the MCP server did not answer {method} within {:.1} s", after.as_secs_f64())]
    Timeout { method: String, after: Duration },
    /// The arguments do not fit the tool's input schema; nothing was sent.
    #[error("invalid arguments: {0}")]
    InvalidArguments(String),
    /// The server lists no such tool; nothing was sent.
    #[error("the MCP server has no tool `{name}` (it lists: {available})")]
    UnknownTool { name: String, available: String },
    /// The tool ran and reported an error (`isError`), or the server refused the call.
    #[error("{0}")]
    ToolError(String),
}

/// A tool as the server lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct McpTool {
    pub name: String,
    pub description: Option<String>,
    /// The JSON Schema for the arguments; `Value::Null` when the server gave none.
    pub input_schema: Value,
}

/// The parameters an input schema declares: `(name, required)` in the schema's property order.
pub fn parameters(schema: &Value) -> Vec<(String, bool)> {
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|props| {
            props
                .keys()
                .map(|k| (k.clone(), required.contains(&k.as_str())))
                .collect()
        })
        .unwrap_or_default()
}

/// What the stdout reader hands over.
enum Incoming {
    Message(Value),
    /// A line that is not JSON (its start, for the message).
    Garbage(String),
    TooLong,
    Closed,
}

/// A running MCP server. Dropping it closes its stdin, then kills its process group.
pub struct McpServer {
    jailed: Jailed,
    /// What the sandbox reported at start (the fence), and later (how the server ended).
    sandbox_events: Vec<SandboxEvent>,
    stdin: StdinWriter,
    incoming: Receiver<Incoming>,
    stderr: StderrTail,
    program: String,
    /// For `initialize` and `tools/list`.
    timeout: Duration,
    next_id: u64,
    /// Requests given up on (timed out); their late answers are dropped.
    abandoned: HashSet<u64>,
    tools: Option<Vec<McpTool>>,
    validators: HashMap<String, Arc<ArgumentSchema>>,
    tools_changed: bool,
    /// Why the server is unusable, once it is.
    gone: Option<String>,
    reaped: bool,
    protocol_version: String,
    server_info: Value,
}

impl McpServer {
    /// Starts the server inside `profile`'s sandbox (its own cgroup and process group;
    /// stderr kept in a bounded buffer), sends `initialize` then `notifications/initialized`.
    /// The server sees a cleaned environment (the profile's `env` allowlist) plus `env`.
    /// `profile.timeout` bounds the handshake and every `tools/list`.
    pub fn start(
        command: &[String],
        env: &[(String, String)],
        profile: &Profile,
    ) -> Result<McpServer, McpError> {
        let timeout = profile.timeout;
        let program = command
            .first()
            .cloned()
            .ok_or_else(|| McpError::Start("the command is empty".into()))?;
        let mut jailed = Sandbox::new()
            .spawn(command, profile, "mcp", env)
            .map_err(|e| McpError::Start(format!("`{program}`: {e}")))?;
        let (Some(stdin), Some(stdout), Some(stderr)) = (
            jailed.child.stdin.take(),
            jailed.child.stdout.take(),
            jailed.child.stderr.take(),
        ) else {
            return Err(McpError::Start(format!("`{program}`: no pipes")));
        };
        let sandbox_events = vec![SandboxEvent::Fenced(jailed.fence().clone())];

        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || read_messages(stdout, tx));

        let mut server = McpServer {
            jailed,
            sandbox_events,
            stdin: StdinWriter::spawn(stdin),
            incoming,
            stderr: StderrTail::spawn(stderr, STDERR_TAIL),
            program: program.clone(),
            timeout,
            next_id: 1,
            abandoned: HashSet::new(),
            tools: None,
            validators: HashMap::new(),
            tools_changed: false,
            gone: None,
            reaped: false,
            protocol_version: String::new(),
            server_info: Value::Null,
        };
        let result = server.request(
            "initialize",
            json!({
                "protocolVersion": PROTOCOL_VERSION,
                "capabilities": {},
                "clientInfo": {"name": "bactrian", "version": env!("CARGO_PKG_VERSION")},
            }),
            timeout,
        )?;
        let version = result
            .get("protocolVersion")
            .and_then(Value::as_str)
            .ok_or_else(|| {
                McpError::Protocol(format!(
                    "`{program}` answered initialize without a protocolVersion"
                ))
            })?;
        if !SUPPORTED_VERSIONS.contains(&version) {
            return Err(McpError::Protocol(format!(
                "`{program}` speaks MCP version {version}; Bactrian speaks {}",
                SUPPORTED_VERSIONS.join(", ")
            )));
        }
        server.protocol_version = version.to_string();
        server.server_info = result.get("serverInfo").cloned().unwrap_or(Value::Null);
        server.notify("notifications/initialized", None);
        Ok(server)
    }

    /// The protocol version agreed in the handshake.
    pub fn protocol_version(&self) -> &str {
        &self.protocol_version
    }

    /// The server's `serverInfo` (`name`, `version`), as it gave it.
    pub fn server_info(&self) -> &Value {
        &self.server_info
    }

    /// The tools the server offers (`tools/list`, every page).
    pub fn list_tools(&mut self) -> Result<Vec<McpTool>, McpError> {
        let mut tools: Vec<McpTool> = Vec::new();
        let mut cursor: Option<Value> = None;
        let mut seen_cursors = HashSet::new();
        for _ in 0..MAX_PAGES {
            let params = match &cursor {
                Some(c) => json!({"cursor": c}),
                None => json!({}),
            };
            let page = self.request("tools/list", params, self.timeout)?;
            let listed = page.get("tools").and_then(Value::as_array).ok_or_else(|| {
                self.protocol("answered tools/list without a `tools` array".into())
            })?;
            for t in listed {
                let tool = parse_tool(t).map_err(|e| self.protocol(e))?;
                if tools.iter().any(|known| known.name == tool.name) {
                    return Err(self.protocol(format!("lists the tool `{}` twice", tool.name)));
                }
                tools.push(tool);
            }
            match page.get("nextCursor") {
                None | Some(Value::Null) => {
                    self.tools = Some(tools.clone());
                    self.validators.clear();
                    self.tools_changed = false;
                    return Ok(tools);
                }
                Some(next) => {
                    if !seen_cursors.insert(next.to_string()) {
                        return Err(self.protocol("repeats a tools/list cursor".into()));
                    }
                    cursor = Some(next.clone());
                }
            }
        }
        Err(self.protocol(format!("gave more than {MAX_PAGES} pages of tools")))
    }

    /// Calls a tool. The arguments are checked against the tool's input schema first; a call
    /// that does not fit is refused without sending anything. The result is the tool's
    /// `structuredContent` when it has one; otherwise its `content`: a single text item as
    /// that string (even when the text looks like JSON), else the list with each text item
    /// as its string and other items as the server sent them. A result marked `isError`
    /// is `Err(ToolError)` with the text.
    pub fn call_tool(
        &mut self,
        name: &str,
        args: &Map<String, Value>,
        timeout: Duration,
    ) -> Result<Value, McpError> {
        self.take_queued()?;
        if self.tools.is_none() || self.tools_changed {
            self.list_tools()?;
        }
        if let Some(schema) = self.argument_schema(name)? {
            check_arguments(&schema.validator, &schema.schema, args)?;
        }
        let result = match self.request(
            "tools/call",
            json!({"name": name, "arguments": args}),
            timeout,
        ) {
            Err(McpError::ToolError(e)) => {
                return Err(McpError::ToolError(format!("{name}: {e}")));
            }
            other => other?,
        };
        let Some(result) = result.as_object() else {
            return Err(
                self.protocol("answered tools/call with a result that is not an object".into())
            );
        };
        let content = match result.get("content") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items.clone(),
            Some(_) => {
                return Err(
                    self.protocol("answered tools/call with a `content` that is not a list".into())
                )
            }
        };
        if result.get("isError").and_then(Value::as_bool) == Some(true) {
            let text: Vec<&str> = content
                .iter()
                .filter_map(|item| item.get("text").and_then(Value::as_str))
                .collect();
            let text = if !text.is_empty() {
                text.join("\n")
            } else if let Some(s) = result.get("structuredContent") {
                s.to_string()
            } else {
                "the tool failed and said nothing".to_string()
            };
            return Err(McpError::ToolError(text));
        }
        if let Some(structured) = result.get("structuredContent") {
            if !structured.is_null() {
                return Ok(structured.clone());
            }
        }
        Ok(simplify_content(content))
    }

    /// The input schema of a listed tool, compiled (`None` when it published none).
    fn argument_schema(&mut self, name: &str) -> Result<Option<Arc<ArgumentSchema>>, McpError> {
        if let Some(v) = self.validators.get(name) {
            return Ok(Some(v.clone()));
        }
        let tools = self.tools.as_deref().unwrap_or_default();
        let Some(tool) = tools.iter().find(|t| t.name == name) else {
            let names: Vec<&str> = tools.iter().map(|t| t.name.as_str()).collect();
            return Err(McpError::UnknownTool {
                name: name.to_string(),
                available: if names.is_empty() {
                    "nothing".into()
                } else {
                    names.join(", ")
                },
            });
        };
        if tool.input_schema.is_null() {
            return Ok(None);
        }
        let compiled = json_schema::compile(&tool.input_schema).map_err(|e| {
            McpError::Protocol(format!(
                "the input schema of `{name}` cannot be used ({e}); the tool cannot be called"
            ))
        })?;
        let compiled = Arc::new(ArgumentSchema {
            schema: tool.input_schema.clone(),
            validator: compiled,
        });
        self.validators.insert(name.to_string(), compiled.clone());
        Ok(Some(compiled))
    }

    /// Sends a request and waits for its answer, serving the server's own requests and
    /// dropping its notifications meanwhile.
    fn request(
        &mut self,
        method: &str,
        params: Value,
        timeout: Duration,
    ) -> Result<Value, McpError> {
        self.take_queued()?;
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + timeout;
        let mut exited_at: Option<Instant> = None;
        loop {
            let now = Instant::now();
            if now >= deadline {
                if method != "initialize" {
                    self.abandoned.insert(id);
                    self.notify(
                        "notifications/cancelled",
                        Some(json!({"requestId": id, "reason": "timed out"})),
                    );
                }
                return Err(McpError::Timeout {
                    method: method.to_string(),
                    after: timeout,
                });
            }
            let slice = (deadline - now).min(Duration::from_millis(50));
            match self.incoming.recv_timeout(slice) {
                Ok(Incoming::Message(msg)) => {
                    if let Some(answer) = self.handle(msg, Some(id), method)? {
                        return answer;
                    }
                }
                Ok(Incoming::Garbage(line)) => return Err(self.not_json_rpc(&line)),
                Ok(Incoming::TooLong) => return Err(self.too_long()),
                Ok(Incoming::Closed) | Err(RecvTimeoutError::Disconnected) => {
                    return Err(self.exited(method))
                }
                Err(RecvTimeoutError::Timeout) => {
                    // The server may be gone while something it started keeps stdout open.
                    if self.leader_exited() {
                        let at = *exited_at.get_or_insert(now);
                        if now.duration_since(at) > Duration::from_millis(200) {
                            return Err(self.exited(method));
                        }
                    }
                }
            }
        }
    }

    /// Handles what arrived while no request was waiting.
    fn take_queued(&mut self) -> Result<(), McpError> {
        if let Some(why) = &self.gone {
            return Err(McpError::Protocol(why.clone()));
        }
        loop {
            match self.incoming.try_recv() {
                Ok(Incoming::Message(msg)) => {
                    self.handle(msg, None, "")?;
                }
                Ok(Incoming::Garbage(line)) => return Err(self.not_json_rpc(&line)),
                Ok(Incoming::TooLong) => return Err(self.too_long()),
                Ok(Incoming::Closed) | Err(mpsc::TryRecvError::Disconnected) => {
                    return Err(self.exited("the next request"))
                }
                Err(mpsc::TryRecvError::Empty) => return Ok(()),
            }
        }
    }

    /// One message from the server. `Some` when it answers `waiting`.
    fn handle(
        &mut self,
        msg: Value,
        waiting: Option<u64>,
        method: &str,
    ) -> Result<Option<Result<Value, McpError>>, McpError> {
        let Some(obj) = msg.as_object() else {
            return Err(self.protocol(format!(
                "sent a message that is not an object: {}",
                clip(&msg.to_string())
            )));
        };
        let id = obj.get("id").filter(|id| !id.is_null());
        if let Some(m) = obj.get("method").and_then(Value::as_str) {
            match id {
                // A request of the server's own: Bactrian offers no client features but ping.
                Some(id) => {
                    let reply = if m == "ping" {
                        json!({"jsonrpc": "2.0", "id": id, "result": {}})
                    } else {
                        json!({"jsonrpc": "2.0", "id": id, "error": {
                            "code": -32601,
                            "message": format!("Bactrian's MCP client does not offer {m}"),
                        }})
                    };
                    self.send(&reply);
                }
                None => {
                    if m == "notifications/tools/list_changed" {
                        self.tools_changed = true;
                    }
                }
            }
            return Ok(None);
        }
        let Some(id) = id else {
            if let Some(err) = obj.get("error") {
                return Err(self.protocol(format!("could not read a request: {}", error_text(err))));
            }
            return Err(self.protocol(format!(
                "sent a message that is neither request nor response: {}",
                clip(&msg.to_string())
            )));
        };
        let number = id.as_u64();
        if let Some(n) = number {
            if self.abandoned.remove(&n) {
                return Ok(None);
            }
        }
        if number.is_none() || number != waiting {
            return Err(self.protocol(format!(
                "answered a request it was not sent (id {})",
                clip(&id.to_string())
            )));
        }
        if let Some(err) = obj.get("error") {
            let text = error_text(err);
            return Ok(Some(if method == "tools/call" {
                Err(McpError::ToolError(text))
            } else {
                Err(self.protocol(format!("refused {method}: {text}")))
            }));
        }
        match obj.get("result") {
            Some(result) => Ok(Some(Ok(result.clone()))),
            None => Err(self.protocol(format!("answered {method} with neither result nor error"))),
        }
    }

    fn send(&mut self, msg: &Value) {
        let mut line = msg.to_string().into_bytes();
        line.push(b'\n');
        // A writer that stopped saw a broken pipe: the server is going, and the reader
        // reports it.
        self.stdin.send(line);
    }

    fn notify(&mut self, method: &str, params: Option<Value>) {
        let mut msg = Map::new();
        msg.insert("jsonrpc".into(), "2.0".into());
        msg.insert("method".into(), method.into());
        if let Some(p) = params {
            msg.insert("params".into(), p);
        }
        let msg = Value::Object(msg);
        self.send(&msg);
    }

    /// True when the server's main process has exited (without reaping it, so its process
    /// group id stays reserved until Drop kills the group).
    fn leader_exited(&self) -> bool {
        if self.reaped {
            return true;
        }
        // SAFETY: waitid on our own child with WNOWAIT only reads its state; `info` is a
        // zeroed siginfo_t the kernel fills in.
        unsafe {
            let mut info: libc::siginfo_t = std::mem::zeroed();
            let r = libc::waitid(
                libc::P_PID,
                self.jailed.child.id() as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOHANG | libc::WNOWAIT,
            );
            r == 0 && info.si_pid() != 0
        }
    }

    /// The error for a server that went away while `method` waited, with its exit status
    /// and the last line it wrote on stderr. The server is unusable from then on.
    fn exited(&mut self, method: &str) -> McpError {
        // Give the server a moment to finish dying and stderr to drain.
        let until = Instant::now() + Duration::from_millis(500);
        while Instant::now() < until && !self.leader_exited() {
            std::thread::sleep(Duration::from_millis(5));
        }
        let status = if self.leader_exited() {
            self.reap()
        } else {
            None
        };
        self.stderr.wait_closed(until);
        let how = match status {
            Some(s) => match s.code() {
                Some(code) => format!("exited with status {code}"),
                None => "was killed by a signal".to_string(),
            },
            None => "closed its output".to_string(),
        };
        let why = format!(
            "`{}` {how} before answering {method}{}",
            self.program,
            self.last_stderr_line()
                .map(|l| format!(": {l}"))
                .unwrap_or_default()
        );
        self.gone = Some(why.clone());
        McpError::Protocol(why)
    }

    /// Kills what is left of the group and reaps the server.
    fn reap(&mut self) -> Option<ExitStatus> {
        if !self.reaped {
            self.jailed.kill_all();
        }
        let status = self.jailed.child.wait().ok();
        self.reaped = true;
        let ended = self.jailed.finish(status);
        self.sandbox_events.extend(ended);
        status
    }

    /// The cgroup id of the server (what the eBPF sensor sees), when it has a cgroup.
    pub fn cgroup_id(&self) -> Option<u64> {
        self.jailed.cgroup_id()
    }

    /// What the sandbox reported since the last call of this: the fence at start, and how
    /// the server ended once it has.
    pub fn take_sandbox_events(&mut self) -> Vec<SandboxEvent> {
        std::mem::take(&mut self.sandbox_events)
    }

    fn last_stderr_line(&self) -> Option<String> {
        self.stderr.snapshot().last_line()
    }

    /// A protocol error, with the server's last stderr line when there is one.
    /// A line on stdout that is not a JSON-RPC message.
    fn not_json_rpc(&self, line: &str) -> McpError {
        self.protocol(format!(
            "printed something that is not JSON-RPC on stdout: {line}"
        ))
    }

    /// A message past [`MAX_MESSAGE`].
    fn too_long(&self) -> McpError {
        self.protocol(format!(
            "sent a message longer than {} MiB",
            MAX_MESSAGE >> 20
        ))
    }

    fn protocol(&self, what: String) -> McpError {
        McpError::Protocol(format!(
            "`{}` {what}{}",
            self.program,
            self.last_stderr_line()
                .map(|l| format!(" (its stderr: {l})"))
                .unwrap_or_default()
        ))
    }
}

impl Drop for McpServer {
    fn drop(&mut self) {
        if self.reaped {
            return;
        }
        // Close stdin — the protocol's way to ask a stdio server to exit — and give it a
        // moment; then kill the whole group, which also ends anything it started.
        self.stdin.close();
        let until = Instant::now() + Duration::from_millis(100);
        while Instant::now() < until && !self.leader_exited() {
            std::thread::sleep(Duration::from_millis(5));
        }
        self.reap();
    }
}

fn parse_tool(t: &Value) -> Result<McpTool, String> {
    let name = t
        .get("name")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| format!("lists a tool without a name: {}", clip(&t.to_string())))?;
    let input_schema = match t.get("inputSchema") {
        None | Some(Value::Null) => Value::Null,
        Some(s @ (Value::Object(_) | Value::Bool(_))) => s.clone(),
        Some(_) => {
            return Err(format!(
                "gives tool `{name}` an input schema that is not a schema"
            ))
        }
    };
    Ok(McpTool {
        name: name.to_string(),
        description: t
            .get("description")
            .and_then(Value::as_str)
            .map(str::to_string),
        input_schema,
    })
}

/// A tool's input schema and its validator.
struct ArgumentSchema {
    schema: Value,
    validator: jsonschema::Validator,
}

/// Checks call arguments against a tool's input schema (`schema`, compiled as `validator`);
/// the message names each failing argument.
fn check_arguments(
    validator: &jsonschema::Validator,
    schema: &Value,
    args: &Map<String, Value>,
) -> Result<(), McpError> {
    let instance = Value::Object(args.clone());
    let problems: Vec<String> = json_schema::problems(validator, schema, &instance)
        .iter()
        .map(describe)
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(McpError::InvalidArguments(problems.join("; ")))
    }
}

/// A problem in the arguments, worded by the argument it is in. Names the plan gave are
/// quoted: the arguments are the plan's own.
fn describe(problem: &json_schema::Problem) -> String {
    use json_schema::Fault;
    let Some((argument, rest)) = problem.place.split_first() else {
        return match &problem.fault {
            Fault::Missing(name) => format!("missing required argument `{name}`"),
            Fault::Unexpected { unexpected, .. } => {
                let names: Vec<String> = unexpected.iter().map(|u| format!("`{u}`")).collect();
                format!("unexpected argument {}", names.join(", "))
            }
            fault => format!("the arguments: {fault}"),
        };
    };
    if rest.is_empty() {
        format!("argument `{argument}`: {}", problem.fault)
    } else {
        let rest: Vec<String> = rest.iter().map(|s| s.to_string()).collect();
        format!(
            "argument `{argument}` at /{}: {}",
            rest.join("/"),
            problem.fault
        )
    }
}

/// `content` as a plan sees it (see [`McpServer::call_tool`]).
fn simplify_content(content: Vec<Value>) -> Value {
    let text = |item: &Value| -> Option<String> {
        if item.get("type").and_then(Value::as_str) == Some("text") {
            item.get("text").and_then(Value::as_str).map(str::to_string)
        } else {
            None
        }
    };
    if let [only] = content.as_slice() {
        if let Some(t) = text(only) {
            return Value::String(t);
        }
    }
    Value::Array(
        content
            .into_iter()
            .map(|item| text(&item).map(Value::String).unwrap_or(item))
            .collect(),
    )
}

fn error_text(err: &Value) -> String {
    let message = err
        .get("message")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| clip(&err.to_string()));
    match err.get("code").and_then(Value::as_i64) {
        Some(code) => format!("{message} (JSON-RPC error {code})"),
        None => message,
    }
}

/// At most 300 characters of `s`, for messages.
fn clip(s: &str) -> String {
    const MAX: usize = 300;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// The stdout reader: one [`Incoming`] per line, until the server closes stdout or the
/// [`McpServer`] is dropped.
fn read_messages(stdout: impl Read, tx: Sender<Incoming>) {
    read_lines(stdout, MAX_MESSAGE, |line| {
        let incoming = match line {
            Line::Closed => Incoming::Closed,
            Line::TooLong => Incoming::TooLong,
            Line::Text(line) => {
                let text = line.trim_ascii();
                if text.is_empty() {
                    return true;
                }
                let exact = super::big_ints::big_integers_as_strings(text);
                match serde_json::from_slice::<Value>(&exact) {
                    Ok(v) => Incoming::Message(v),
                    Err(_) => Incoming::Garbage(clip(&String::from_utf8_lossy(
                        text.get(..1200).unwrap_or(text),
                    ))),
                }
            }
        };
        tx.send(incoming).is_ok()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_keep_declared_order() {
        let schema = json!({"type": "object", "properties": {
            "path": {"type": "string"}, "content": {"type": "string"}, "mode": {"type": "integer"}
        }, "required": ["content", "path"]});
        assert_eq!(
            parameters(&schema),
            vec![
                ("path".to_string(), true),
                ("content".to_string(), true),
                ("mode".to_string(), false)
            ]
        );
        assert!(parameters(&json!({"type": "object"})).is_empty());
        assert!(parameters(&Value::Null).is_empty());
    }

    #[test]
    fn content_is_simplified_without_guessing() {
        let one = vec![json!({"type": "text", "text": "{\"a\": 1}"})];
        assert_eq!(simplify_content(one), json!("{\"a\": 1}"));
        let two = vec![
            json!({"type": "text", "text": "a"}),
            json!({"type": "image", "data": "AA==", "mimeType": "image/png"}),
        ];
        assert_eq!(
            simplify_content(two),
            json!(["a", {"type": "image", "data": "AA==", "mimeType": "image/png"}])
        );
        assert_eq!(simplify_content(Vec::new()), json!([]));
    }

    #[test]
    fn arguments_are_checked_by_name() {
        let schema = json!({"type": "object", "properties": {
            "path": {"type": "string"}, "n": {"type": "integer"}
        }, "required": ["path"], "additionalProperties": false});
        let v = jsonschema::validator_for(&schema).unwrap();
        let check = |a: Value| check_arguments(&v, &schema, a.as_object().unwrap());
        let err = check(json!({"n": 1})).unwrap_err().to_string();
        assert!(err.contains("missing required argument `path`"), "{err}");
        let err = check(json!({"path": 5})).unwrap_err().to_string();
        assert!(
            err.contains("argument `path`: expected a string, got an integer"),
            "{err}"
        );
        let err = check(json!({"path": "x", "z": 1})).unwrap_err().to_string();
        assert!(err.contains("unexpected argument `z`"), "{err}");
        assert!(check(json!({"path": "x", "n": 2})).is_ok());
    }

    #[test]
    fn overlong_lines_are_dropped_whole() {
        let mut input = vec![b'x'; MAX_MESSAGE + 10];
        input.extend_from_slice(b"\n{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n");
        let (tx, rx) = mpsc::channel();
        read_messages(&input[..], tx);
        assert!(matches!(rx.recv(), Ok(Incoming::TooLong)));
        assert!(matches!(rx.recv(), Ok(Incoming::Message(_))));
        assert!(matches!(rx.recv(), Ok(Incoming::Closed)));
    }
}
