//! The MCP client against a real server from the npm registry
//! (`@modelcontextprotocol/server-filesystem`, pinned in tests/mcp-server, installed by
//! `make mcp-server`) and against fake servers, small python3 scripts that misbehave on
//! purpose: garbage on stdout, death mid-call, silence, huge lines, requests of their own.

use bactrian_engine::mcp::{parameters, McpError, McpServer};
use bactrian_sandbox::Profile;
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const PACKAGE: &str = "@modelcontextprotocol/server-filesystem";

/// A fresh empty directory.
fn temp_dir(name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "bactrian-mcp-{name}-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    // The server resolves symlinks in its allowed directories; compare real paths.
    dir.canonicalize().expect("canonical temp dir")
}

fn args(v: Value) -> Map<String, Value> {
    v.as_object().expect("an object").clone()
}

fn runs(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `node <entry point>` of the installed server, or `None` (with the reason printed) when
/// node or the package is missing.
fn filesystem_server_command() -> Option<Vec<String>> {
    let package = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/mcp-server/node_modules")
        .join(PACKAGE);
    if !runs("node") {
        eprintln!("skipped: node is not installed (`make mcp-server` installs it)");
        return None;
    }
    let Ok(manifest) = std::fs::read_to_string(package.join("package.json")) else {
        eprintln!("skipped: {PACKAGE} is not installed (run `make mcp-server`)");
        return None;
    };
    let manifest: Value = serde_json::from_str(&manifest).expect("the package's package.json");
    // The entry point is the package's one `bin`.
    let entry = match &manifest["bin"] {
        Value::String(s) => s.clone(),
        Value::Object(bins) => bins
            .values()
            .next()
            .and_then(Value::as_str)
            .expect("a bin entry")
            .to_string(),
        other => panic!("{PACKAGE} has no bin: {other}"),
    };
    let entry = package.join(entry);
    assert!(entry.is_file(), "{} is missing", entry.display());
    Some(vec!["node".into(), entry.display().to_string()])
}

/// The real filesystem server, allowed to use `root` only.
fn filesystem_server(root: &Path) -> Option<McpServer> {
    let mut command = filesystem_server_command()?;
    command.push(root.display().to_string());
    let profile = Profile {
        write: vec![root.to_path_buf()],
        ..within(Duration::from_secs(30))
    };
    Some(McpServer::start(&command, &[], &profile).expect("the server starts"))
}

/// The default sandbox profile with a timeout.
fn within(timeout: Duration) -> Profile {
    Profile {
        timeout,
        ..Profile::default()
    }
}

const CALL: Duration = Duration::from_secs(20);

#[test]
fn real_server_lists_its_tools_with_schemas() {
    let root = temp_dir("list");
    let Some(mut server) = filesystem_server(&root) else {
        return;
    };
    assert_eq!(server.server_info()["name"], "secure-filesystem-server");
    let tools = server.list_tools().expect("tools/list");
    let names: Vec<&str> = tools.iter().map(|t| t.name.as_str()).collect();
    for expected in ["write_file", "read_text_file", "list_directory"] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    let write = tools.iter().find(|t| t.name == "write_file").unwrap();
    assert!(write.description.as_deref().is_some_and(|d| !d.is_empty()));
    assert_eq!(
        parameters(&write.input_schema),
        vec![("path".to_string(), true), ("content".to_string(), true)]
    );
    let read = tools.iter().find(|t| t.name == "read_text_file").unwrap();
    assert_eq!(
        parameters(&read.input_schema),
        vec![
            ("path".to_string(), true),
            ("tail".to_string(), false),
            ("head".to_string(), false)
        ]
    );
}

#[test]
fn real_server_writes_reads_and_lists() {
    let root = temp_dir("rw");
    let Some(mut server) = filesystem_server(&root) else {
        return;
    };
    let file = root.join("note.txt");
    let path = file.display().to_string();
    let wrote = server
        .call_tool(
            "write_file",
            &args(json!({"path": path, "content": "hello from bactrian\n"})),
            CALL,
        )
        .expect("write_file");
    assert!(
        wrote["content"]
            .as_str()
            .is_some_and(|s| s.contains("Successfully wrote")),
        "{wrote}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "hello from bactrian\n"
    );

    let read = server
        .call_tool("read_text_file", &args(json!({"path": path})), CALL)
        .expect("read_text_file");
    assert_eq!(read, json!({"content": "hello from bactrian\n"}));

    std::fs::create_dir(root.join("sub")).unwrap();
    let listed = server
        .call_tool(
            "list_directory",
            &args(json!({"path": root.display().to_string()})),
            CALL,
        )
        .expect("list_directory");
    let text = listed["content"].as_str().expect("a listing");
    assert!(text.contains("[FILE] note.txt"), "{text}");
    assert!(text.contains("[DIR] sub"), "{text}");
}

#[test]
fn arguments_that_do_not_fit_the_schema_are_never_sent() {
    let root = temp_dir("refuse");
    let Some(mut server) = filesystem_server(&root) else {
        return;
    };
    let file = root.join("never.txt");
    let path = file.display().to_string();

    let err = server
        .call_tool("write_file", &args(json!({"path": path})), CALL)
        .unwrap_err();
    assert!(matches!(err, McpError::InvalidArguments(_)), "{err:?}");
    assert!(
        err.to_string()
            .contains("missing required argument `content`"),
        "{err}"
    );

    let err = server
        .call_tool(
            "write_file",
            &args(json!({"path": path, "content": 5})),
            CALL,
        )
        .unwrap_err();
    assert!(matches!(err, McpError::InvalidArguments(_)), "{err:?}");
    assert!(err.to_string().contains("argument `content`"), "{err}");
    assert!(err.to_string().contains("string"), "{err}");

    let err = server
        .call_tool(
            "read_text_file",
            &args(json!({"path": path, "head": "ten"})),
            CALL,
        )
        .unwrap_err();
    assert!(err.to_string().contains("argument `head`"), "{err}");

    // The server saw none of it: no file, and it still answers.
    assert!(!file.exists());
    server
        .call_tool(
            "write_file",
            &args(json!({"path": path, "content": "now"})),
            CALL,
        )
        .expect("a good call after refused ones");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "now");
}

#[test]
fn unknown_tools_and_tool_errors_are_clean() {
    let root = temp_dir("errors");
    let Some(mut server) = filesystem_server(&root) else {
        return;
    };
    let err = server
        .call_tool("format_disk", &Map::new(), CALL)
        .unwrap_err();
    assert!(matches!(err, McpError::UnknownTool { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("no tool `format_disk`"), "{text}");
    assert!(text.contains("write_file"), "{text}");

    // isError results: a missing file, and a path outside the allowed directory.
    let missing = root.join("missing.txt").display().to_string();
    let err = server
        .call_tool("read_text_file", &args(json!({"path": missing})), CALL)
        .unwrap_err();
    assert!(matches!(err, McpError::ToolError(_)), "{err:?}");
    assert!(err.to_string().contains("ENOENT"), "{err}");
    let err = server
        .call_tool(
            "read_text_file",
            &args(json!({"path": "/etc/passwd"})),
            CALL,
        )
        .unwrap_err();
    assert!(matches!(err, McpError::ToolError(_)), "{err:?}");
    assert!(err.to_string().contains("Access denied"), "{err}");

    // The server is still fine.
    let listed = server
        .call_tool("list_allowed_directories", &Map::new(), CALL)
        .expect("list_allowed_directories");
    assert!(listed.to_string().contains(&*root.display().to_string()));
}

#[test]
fn a_missing_server_program_fails_start() {
    let command = vec!["/nonexistent/mcp-server-xyz".to_string(), "--stdio".into()];
    let err = McpServer::start(&command, &[], &within(Duration::from_secs(5)))
        .err()
        .expect("start fails");
    assert!(matches!(err, McpError::Start(_)), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("/nonexistent/mcp-server-xyz"), "{text}");
    assert!(text.contains("No such file"), "{text}");

    let err = McpServer::start(&[], &[], &within(Duration::from_secs(5)))
        .err()
        .expect("start fails");
    assert!(err.to_string().contains("empty"), "{err}");
}

// ---- fake servers ----

/// A fake MCP server; argv[1] says how it misbehaves.
const FAKE: &str = r#"
import json, os, subprocess, sys, time

mode = sys.argv[1]
cancelled = []

def send(m):
    sys.stdout.write(json.dumps(m) + "\n")
    sys.stdout.flush()

def reply(mid, result):
    send({"jsonrpc": "2.0", "id": mid, "result": result})

def read():
    line = sys.stdin.readline()
    if not line:
        sys.exit(0)
    return json.loads(line)

ECHO = {"name": "echo", "description": "Echoes text",
        "inputSchema": {"type": "object", "properties": {"text": {"type": "string"}},
                        "required": ["text"]}}

if mode == "silent":
    time.sleep(1000)
if mode == "banner":
    print("Welcome to the best MCP server!", flush=True)

while True:
    msg = read()
    mid, method = msg.get("id"), msg.get("method")
    if mid is None:
        if method == "notifications/cancelled":
            cancelled.append(msg["params"]["requestId"])
        continue
    if method == "initialize":
        if mode == "die-at-start":
            sys.stderr.write("fatal: config file not found\n")
            sys.exit(2)
        version = "1999-01-01" if mode == "old" else msg["params"]["protocolVersion"]
        if mode == "grandchild":
            child = subprocess.Popen(["sleep", "1000"])
            with open(sys.argv[2], "w") as f:
                f.write(str(child.pid))
        reply(mid, {"protocolVersion": version, "capabilities": {"tools": {}},
                    "serverInfo": {"name": "fake", "version": "0"}})
    elif method == "tools/list":
        if mode == "pages":
            cursor = msg["params"].get("cursor")
            if cursor is None:
                reply(mid, {"tools": [ECHO], "nextCursor": "p2"})
            else:
                reply(mid, {"tools": [{"name": "second", "inputSchema": {"type": "object"}}]})
        else:
            reply(mid, {"tools": [ECHO]})
    elif method == "tools/call":
        text = msg["params"]["arguments"].get("text", "")
        if mode == "garbage":
            print("Traceback (most recent call last): oops", flush=True)
            continue
        if mode == "die":
            sys.stderr.write("boom: disk on fire\n")
            sys.stderr.flush()
            os._exit(3)
        if mode == "hang":
            time.sleep(1000)
        if mode == "huge":
            sys.stdout.write('{"jsonrpc":"2.0","id":%d,"result":{"content":[{"type":"text","text":"' % mid)
            sys.stdout.write("x" * (17 << 20))
            sys.stdout.write('"}]}}\n')
            sys.stdout.flush()
            continue
        if mode == "big":
            reply(mid, {"content": [{"type": "text", "text": "y" * (8 << 20)}]})
            continue
        if mode == "slow" and text == "slow":
            time.sleep(1.0)
        if mode == "env":
            text = json.dumps({k: os.environ.get(k) for k in ["GIVEN", "CARGO_MANIFEST_DIR"]})
        if mode == "chatty":
            send({"jsonrpc": "2.0", "method": "notifications/message",
                  "params": {"level": "info", "data": "working"}})
            send({"jsonrpc": "2.0", "id": "s1", "method": "ping"})
            pong = read()
            send({"jsonrpc": "2.0", "id": "s2", "method": "roots/list"})
            roots = read()
            text = json.dumps({"pong": pong.get("result"), "roots": roots.get("error", {}).get("code")})
        if mode == "slow":
            text = text + " " + json.dumps(cancelled)
        reply(mid, {"content": [{"type": "text", "text": text}]})
    else:
        send({"jsonrpc": "2.0", "id": mid, "error": {"code": -32601, "message": "no"}})
"#;

fn fake_command(mode: &str, extra: &[&str]) -> Option<Vec<String>> {
    if !runs("python3") {
        eprintln!("skipped: python3 is not installed");
        return None;
    }
    let dir = temp_dir("fake");
    let script = dir.join("fake_server.py");
    std::fs::write(&script, FAKE).expect("write the fake server");
    let mut command = vec![
        "python3".to_string(),
        script.display().to_string(),
        mode.to_string(),
    ];
    command.extend(extra.iter().map(|s| s.to_string()));
    Some(command)
}

fn fake(mode: &str) -> Option<McpServer> {
    let command = fake_command(mode, &[])?;
    Some(
        McpServer::start(&command, &[], &within(Duration::from_secs(10))).expect("the fake starts"),
    )
}

fn echo(server: &mut McpServer, text: &str, timeout: Duration) -> Result<Value, McpError> {
    server.call_tool("echo", &args(json!({ "text": text })), timeout)
}

#[test]
fn fake_server_works_and_pages_its_tools() {
    let Some(mut server) = fake("pages") else {
        return;
    };
    let names: Vec<String> = server
        .list_tools()
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(names, ["echo", "second"]);
    // Text that looks like JSON stays text.
    let out = echo(&mut server, "{\"a\": 1}", CALL).unwrap();
    assert_eq!(out, json!("{\"a\": 1}"));
}

#[test]
fn a_server_that_never_answers_times_out() {
    let Some(command) = fake_command("silent", &[]) else {
        return;
    };
    let started = Instant::now();
    let err = McpServer::start(&command, &[], &within(Duration::from_millis(500)))
        .err()
        .expect("start fails");
    assert!(started.elapsed() < Duration::from_secs(3));
    assert!(matches!(err, McpError::Timeout { .. }), "{err:?}");
    assert!(err.to_string().contains("initialize within 0.5 s"), "{err}");

    let Some(mut server) = fake("hang") else {
        return;
    };
    let started = Instant::now();
    let err = echo(&mut server, "hi", Duration::from_millis(300)).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(3));
    assert!(matches!(err, McpError::Timeout { .. }), "{err:?}");
    assert!(err.to_string().contains("tools/call"), "{err}");
    // Dropping a hung server returns promptly.
    let started = Instant::now();
    drop(server);
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn late_answers_are_dropped_and_the_server_is_told() {
    let Some(mut server) = fake("slow") else {
        return;
    };
    let err = echo(&mut server, "slow", Duration::from_millis(200)).unwrap_err();
    assert!(matches!(err, McpError::Timeout { .. }), "{err:?}");
    // The late answer to the first call arrives first and is not taken for this one's.
    let out = echo(&mut server, "fast", CALL).unwrap();
    let out = out.as_str().unwrap();
    assert!(out.starts_with("fast "), "{out}");
    let cancelled: Vec<u64> = serde_json::from_str(&out["fast ".len()..]).unwrap();
    assert_eq!(cancelled.len(), 1, "one cancellation: {out}");
}

#[test]
fn garbage_on_stdout_is_a_protocol_error() {
    let Some(command) = fake_command("banner", &[]) else {
        return;
    };
    let err = McpServer::start(&command, &[], &within(Duration::from_secs(10)))
        .err()
        .expect("start fails");
    assert!(matches!(err, McpError::Protocol(_)), "{err:?}");
    assert!(
        err.to_string().contains("not JSON-RPC") && err.to_string().contains("Welcome"),
        "{err}"
    );

    let Some(mut server) = fake("garbage") else {
        return;
    };
    let started = Instant::now();
    let err = echo(&mut server, "hi", CALL).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(matches!(err, McpError::Protocol(_)), "{err:?}");
    assert!(err.to_string().contains("Traceback"), "{err}");
}

#[test]
fn a_server_that_dies_mid_call_says_why() {
    let Some(mut server) = fake("die") else {
        return;
    };
    let started = Instant::now();
    let err = echo(&mut server, "hi", CALL).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(matches!(err, McpError::Protocol(_)), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("exited with status 3"), "{text}");
    assert!(text.contains("boom: disk on fire"), "{text}");
    // It stays dead, and says so at once.
    let started = Instant::now();
    let again = echo(&mut server, "hi", CALL).unwrap_err();
    assert!(started.elapsed() < Duration::from_millis(500));
    assert!(
        again.to_string().contains("exited with status 3"),
        "{again}"
    );

    let Some(command) = fake_command("die-at-start", &[]) else {
        return;
    };
    let err = McpServer::start(&command, &[], &within(Duration::from_secs(10)))
        .err()
        .expect("start fails");
    let text = err.to_string();
    assert!(
        text.contains("exited with status 2") && text.contains("config file not found"),
        "{text}"
    );
}

#[test]
fn a_server_of_an_unknown_protocol_version_is_refused() {
    let Some(command) = fake_command("old", &[]) else {
        return;
    };
    let err = McpServer::start(&command, &[], &within(Duration::from_secs(10)))
        .err()
        .expect("start fails");
    assert!(err.to_string().contains("1999-01-01"), "{err}");
}

#[test]
fn huge_lines_are_refused_and_big_ones_pass() {
    let Some(mut server) = fake("huge") else {
        return;
    };
    let err = echo(&mut server, "hi", CALL).unwrap_err();
    assert!(matches!(err, McpError::Protocol(_)), "{err:?}");
    assert!(err.to_string().contains("longer than 16 MiB"), "{err}");

    let Some(mut server) = fake("big") else {
        return;
    };
    let out = echo(&mut server, "hi", CALL).unwrap();
    assert_eq!(out.as_str().map(str::len), Some(8 << 20));
}

#[test]
fn server_requests_and_notifications_are_handled_while_waiting() {
    let Some(mut server) = fake("chatty") else {
        return;
    };
    let out = echo(&mut server, "hi", CALL).unwrap();
    let seen: Value = serde_json::from_str(out.as_str().unwrap()).unwrap();
    // ping is answered; roots/list, which Bactrian does not offer, gets "method not found".
    assert_eq!(seen, json!({"pong": {}, "roots": -32601}));
}

#[test]
fn the_server_gets_only_the_environment_it_is_given() {
    let Some(command) = fake_command("env", &[]) else {
        return;
    };
    let env = [("GIVEN".to_string(), "yes".to_string())];
    let mut server = McpServer::start(&command, &env, &within(Duration::from_secs(10))).unwrap();
    let out = echo(&mut server, "", CALL).unwrap();
    let seen: Value = serde_json::from_str(out.as_str().unwrap()).unwrap();
    // cargo sets CARGO_MANIFEST_DIR for this test process; the server must not see it.
    assert_eq!(seen, json!({"GIVEN": "yes", "CARGO_MANIFEST_DIR": null}));
}

#[test]
fn dropping_the_server_kills_what_it_started() {
    let dir = temp_dir("group");
    let pid_file = dir.join("child.pid");
    let Some(command) = fake_command("grandchild", &[&pid_file.display().to_string()]) else {
        return;
    };
    let profile = Profile {
        write: vec![dir.clone()],
        ..within(Duration::from_secs(10))
    };
    let server = McpServer::start(&command, &[], &profile).unwrap();
    let pid: u32 = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let alive = |pid: u32| {
        // Gone, or a zombie waiting for its reaper.
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| {
                s.rsplit_once(')')
                    .is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z'))
            })
            .unwrap_or(false)
    };
    assert!(alive(pid));
    drop(server);
    let until = Instant::now() + Duration::from_secs(2);
    while alive(pid) && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(!alive(pid), "the server's child {pid} outlived it");
}
