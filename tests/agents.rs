//! End to end through the binary: an agent.yaml with real subprocess tools under its
//! policies. Benign plans run their tools (which leave evidence); attacks exit 3 and the
//! sensitive tool never runs; broken tools and configs give clear errors.

mod common;
use common::bactrian;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const QUERY: &str = "Summarise today's news for bob@example.com and commit it to project 149";

/// A copy of examples/news-reporter (plus the shared policies) in a fresh directory.
fn news_reporter() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let root = std::env::temp_dir().join(format!(
        "bactrian-agents-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&root);
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    copy_dir(&examples.join("news-reporter"), &root.join("news-reporter"));
    copy_dir(&examples.join("policies"), &root.join("policies"));
    let _ = std::fs::remove_dir_all(root.join("news-reporter/out"));
    root.join("news-reporter")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read example dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).expect("copy file");
        }
    }
}

fn run_plan(dir: &Path, plan: &str) -> Output {
    bactrian(
        dir,
        &["run", plan, "--agent", "agent.yaml", "--query", QUERY],
    )
}

fn json_of(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&o.stdout)))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_benign_plan_runs_its_tools_for_real() {
    let dir = news_reporter();
    let o = run_plan(&dir, "plans/benign.py");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "sent and committed 2 items\n"
    );
    let outbox = std::fs::read_to_string(dir.join("out/outbox.jsonl"))
        .expect("send_message left its evidence");
    assert!(outbox.contains("\"to\": \"bob@example.com\""), "{outbox}");
    assert!(
        dir.join("out/projects/149/today.md").exists(),
        "commit_files left its evidence"
    );
}

#[test]
fn attacks_exit_3_and_the_sensitive_tool_never_runs() {
    for (plan, tool) in [
        ("plans/attack_redirect.py", "send_message"),
        ("plans/attack_commit.py", "commit_files"),
        ("plans/attack_branch.py", "send_message"),
    ] {
        let dir = news_reporter();
        let o = run_plan(&dir, plan);
        assert_eq!(o.status.code(), Some(3), "{plan}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains(&format!("{tool} (call c2) denied")),
            "{plan}: {err}"
        );
        assert!(
            err.contains("came from web_search (call c1)"),
            "{plan}: {err}"
        );
        assert!(
            !dir.join("out").exists(),
            "{plan}: a tool with side effects ran"
        );
    }
}

#[test]
fn json_lists_every_call_with_labels_and_decisions() {
    let dir = news_reporter();
    let o = bactrian(
        &dir,
        &[
            "run",
            "plans/attack_redirect.py",
            "--agent",
            "agent.yaml",
            "--query",
            QUERY,
            "--json",
        ],
    );
    assert_eq!(o.status.code(), Some(3));
    let v = json_of(&o);
    assert_eq!(v["status"], "denied");
    let calls = v["tool_calls"].as_array().expect("tool_calls");
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0]["tool"], "web_search");
    assert_eq!(calls[0]["decision"], "allow");
    assert_eq!(calls[1]["tool"], "send_message");
    assert_eq!(calls[1]["decision"], "deny");
    assert_eq!(calls[1]["args"]["to"]["value"], "attacker@evil.com");
    assert_eq!(calls[1]["args"]["to"]["trusted"], false);
    assert_eq!(calls[1]["args"]["to"]["sources"][0]["name"], "web_search");
    assert!(calls[1].get("result").is_none());
    assert_eq!(v["error"]["type_name"], "PolicyViolation");
}

/// A one-tool agent in a fresh directory; `tool_py` is the tool's Python source.
fn agent_with_tool(tool_py: &str, extra: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "bactrian-tool-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("tool.py"), tool_py).expect("tool");
    std::fs::write(
        dir.join("agent.yaml"),
        format!("name: t\nllm:\n  secure_execution: true\ntools:\n  - name: fetch\n    command: [python3, tool.py]\n    parameters:\n      url: {{type: str}}\n{extra}"),
    )
    .expect("agent.yaml");
    dir
}

fn plan_in(dir: &Path, source: &str) -> Output {
    std::fs::write(dir.join("plan.py"), source).expect("plan");
    bactrian(dir, &["run", "plan.py", "--agent", "agent.yaml", "--json"])
}

#[test]
fn a_crashing_tool_is_a_tool_error_the_plan_can_catch() {
    let dir = agent_with_tool("import sys\nsys.stderr.write('boom\\n')\nsys.exit(7)\n", "");
    let o = plan_in(
        &dir,
        "try:\n    fetch('x')\nexcept ToolError as e:\n    print('caught')\nfetch('y')\n",
    );
    assert_eq!(o.status.code(), Some(1));
    let v = json_of(&o);
    assert_eq!(v["stdout"], "caught\n");
    assert_eq!(v["error"]["type_name"], "ToolError");
    assert_eq!(v["tool_calls"][0]["error"], "exited with status 7: boom");
}

#[test]
fn invalid_json_from_a_tool_is_a_tool_error() {
    let dir = agent_with_tool("import sys\nsys.stdin.read()\nprint('not json')\n", "");
    let o = plan_in(&dir, "fetch('x')\n");
    assert_eq!(o.status.code(), Some(1));
    let v = json_of(&o);
    assert_eq!(v["error"]["type_name"], "ToolError");
    assert!(
        v["tool_calls"][0]["error"]
            .as_str()
            .unwrap_or("")
            .contains("invalid JSON"),
        "{v}"
    );
}

#[test]
fn a_hanging_tool_is_killed_at_its_timeout() {
    let dir = agent_with_tool("import time\ntime.sleep(60)\n", "    timeout: 500ms\n");
    let started = std::time::Instant::now();
    let o = plan_in(&dir, "fetch('x')\n");
    assert_eq!(o.status.code(), Some(1));
    let v = json_of(&o);
    assert!(
        v["tool_calls"][0]["error"]
            .as_str()
            .unwrap_or("")
            .contains("timed out"),
        "{v}"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(30),
        "the tool was not killed"
    );
}

#[test]
fn a_tool_that_never_reads_a_large_request_is_killed_at_its_timeout() {
    // 200,000 characters do not fit a pipe: writing the request must not hold the run.
    let dir = agent_with_tool("import time\ntime.sleep(30)\n", "    timeout: 2s\n");
    let started = std::time::Instant::now();
    let o = plan_in(&dir, "fetch('x' * 200000)\n");
    let took = started.elapsed();
    assert!(
        took < std::time::Duration::from_secs(15),
        "the run took {took:?} with a tool whose timeout is 2 s"
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json_of(&o);
    assert_eq!(v["error"]["type_name"], "ToolError", "{v}");
    assert_eq!(
        v["tool_calls"][0]["error"], "timed out after 2.0 s and was killed",
        "{v}"
    );
}

#[test]
fn a_tool_that_exits_without_reading_its_request_is_a_tool_error() {
    // The request no longer has a reader: a broken pipe, which must not take the run down.
    let dir = agent_with_tool("import sys\nsys.exit(3)\n", "");
    let o = plan_in(
        &dir,
        "try:\n    fetch('x' * 200000)\nexcept ToolError:\n    print('caught')\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json_of(&o);
    assert_eq!(v["stdout"], "caught\n");
    assert_eq!(v["tool_calls"][0]["error"], "exited with status 3", "{v}");
}

#[test]
fn a_tool_may_write_more_on_stderr_than_a_pipe_holds() {
    let dir = agent_with_tool(
        "import json, sys\njson.load(sys.stdin)\nsys.stderr.write('progress\\n' * 50000)\nprint(json.dumps({'result': 'done'}))\n",
        "",
    );
    let o = plan_in(&dir, "print(fetch('x'))\n");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json_of(&o);
    assert_eq!(v["stdout"], "done\n", "{v}");
}

#[test]
fn a_failing_tools_last_stderr_line_is_quoted_and_said_to_be_cut() {
    let dir = agent_with_tool(
        "import sys\nsys.stderr.write('noise\\n' * 50000 + 'E' * 1000 + '\\n')\nsys.exit(7)\n",
        "",
    );
    let o = plan_in(&dir, "fetch('x')\n");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json_of(&o);
    let error = v["tool_calls"][0]["error"].as_str().unwrap_or_default();
    assert_eq!(
        error,
        format!(
            "exited with status 7: {}… (cut at 300 characters)",
            "E".repeat(300)
        ),
        "{v}"
    );
}

#[test]
fn tool_results_past_the_runs_output_limit_fail_clearly() {
    // Each result is 15 MiB of JSON, under the per-call limit; a run may take 32 MiB in all.
    let dir = agent_with_tool(
        "import json, sys\njson.load(sys.stdin)\nsys.stdout.write(json.dumps({'result': 'a' * (15 << 20)}))\n",
        "    timeout: 60s\n",
    );
    let o = plan_in(
        &dir,
        "n = 0\nfor i in range(6):\n    n += len(fetch('x'))\nprint(n)\n",
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json_of(&o);
    assert_eq!(v["error"]["type_name"], "ToolError");
    let calls = v["tool_calls"].as_array().expect("calls");
    assert_eq!(calls.len(), 3, "the third call passes the limit");
    let error = calls[2]["error"].as_str().unwrap_or_default();
    assert!(
        error.starts_with("printed more than the ")
            && error.contains("run's tool output limit (33554432 bytes"),
        "{error}"
    );
    assert!(calls[2]["sandbox"]
        .as_array()
        .expect("events")
        .iter()
        .any(|e| e["event"] == "limit_hit" && e["limit"] == "output"));
}

#[test]
fn a_tool_result_is_untrusted_and_flows_into_the_next_call() {
    let dir = agent_with_tool(
        "import json,sys\nreq=json.load(sys.stdin)\nprint(json.dumps({'result': {'echo': req['args']['url'], 'call': req['call_id']}}))\n",
        "",
    );
    let o = plan_in(
        &dir,
        "r = fetch('https://a.example')\nr2 = fetch(r['echo'])\nresult = r2['call']\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json_of(&o);
    assert_eq!(
        v["tool_calls"][1]["args"]["url"]["value"],
        "https://a.example"
    );
    assert_eq!(v["tool_calls"][1]["args"]["url"]["trusted"], false);
    assert_eq!(v["result"]["repr"], "'c2'");
    assert_eq!(v["result"]["trusted"], false);
}

#[test]
fn a_malformed_agent_yaml_is_a_configuration_error_with_its_place() {
    let dir = agent_with_tool("print('{}')\n", "    sensitve: true\n");
    std::fs::write(dir.join("plan.py"), "print(1)\n").expect("plan");
    let o = bactrian(&dir, &["run", "plan.py", "--agent", "agent.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("agent.yaml:") && err.contains("sensitve"),
        "{err}"
    );
}

#[test]
fn a_missing_tool_script_is_a_configuration_error() {
    let dir = agent_with_tool("", "");
    std::fs::remove_file(dir.join("tool.py")).expect("remove tool");
    std::fs::write(dir.join("plan.py"), "print(1)\n").expect("plan");
    let o = bactrian(&dir, &["run", "plan.py", "--agent", "agent.yaml"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("tool.py"), "{}", stderr(&o));
}

#[test]
fn secure_execution_off_refuses_to_run() {
    let dir = agent_with_tool("", "");
    let yaml = std::fs::read_to_string(dir.join("agent.yaml"))
        .expect("yaml")
        .replace("secure_execution: true", "secure_execution: false");
    std::fs::write(dir.join("agent.yaml"), yaml).expect("yaml");
    std::fs::write(dir.join("plan.py"), "print(1)\n").expect("plan");
    let o = bactrian(&dir, &["run", "plan.py", "--agent", "agent.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("secure execution is off"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn check_with_an_agent_reports_unknown_tools_and_keywords() {
    let dir = news_reporter();
    std::fs::write(
        dir.join("plan.py"),
        "r = web_search(query='x', limit=5)\nsend_email('bob@example.com', 'hi')\nsend_message(to='bob@example.com', content='hi')\n",
    )
    .expect("plan");
    let o = bactrian(&dir, &["check", "plan.py", "--agent", "agent.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains(
            "plan.py:1:5: TypeError: web_search() got an unexpected keyword argument 'limit'"
        ),
        "{out}"
    );
    assert!(
        out.contains("plan.py:2:1: NameError: name 'send_email' is not defined"),
        "{out}"
    );
    assert!(out.contains("2 problems found"), "{out}");
}

/// The filesystem MCP server installed by `make mcp-server`, if it is there.
fn filesystem_server() -> Option<PathBuf> {
    let entry = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "tests/mcp-server/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js",
    );
    let node = Command::new("node").arg("--version").output().is_ok();
    if entry.exists() && node {
        Some(entry)
    } else {
        eprintln!("skipped: the MCP server is not installed (make mcp-server installs it)");
        None
    }
}

#[test]
fn an_mcp_tool_call_round_trips_through_the_real_server() {
    let Some(server) = filesystem_server() else {
        return;
    };
    let dir = agent_with_tool("", "");
    let files = dir.join("files");
    std::fs::create_dir_all(&files).expect("files dir");
    std::fs::write(
        dir.join("agent.yaml"),
        format!(
            "name: t\nllm:\n  secure_execution: true\ntools:\n  - name: fs\n    mcp:\n      command: [node, {}, {}]\n    sandbox: files\n    tools:\n      write_file: {{parameters: {{path: {{sensitive: true}}}}}}\nsandbox:\n  profiles:\n    files: {{write: [{}]}}\n",
            server.display(),
            files.display(),
            files.display()
        ),
    )
    .expect("agent.yaml");
    let target = files.join("note.txt");
    let plan = format!(
        "fs_write_file(path='{p}', content='hello from the plan')\nr = fs_read_text_file(path='{p}')\nresult = r\n",
        p = target.display()
    );
    let o = plan_in(&dir, &plan);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_eq!(
        std::fs::read_to_string(&target).expect("the server wrote the file"),
        "hello from the plan"
    );
    let v = json_of(&o);
    assert!(
        v["result"]["repr"]
            .as_str()
            .unwrap_or("")
            .contains("hello from the plan"),
        "{v}"
    );
    assert_eq!(v["result"]["trusted"], false, "MCP output is untrusted");

    // The sensitive path cannot come from tool output.
    let plan = format!(
        "r = fs_read_text_file(path='{p}')\nfs_write_file(path=r['content'], content='x')\n",
        p = target.display()
    );
    let o = plan_in(&dir, &plan);
    assert_eq!(
        o.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

/// An MCP server with one tool, `echo(text)`. `big`: each answer is 8 MiB of text; `deaf`:
/// it closes its stdin once it has listed its tools, and never answers.
const SMALL_MCP_SERVER: &str = r#"
import json, os, sys, time
mode = sys.argv[1]
def reply(mid, result):
    sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": mid, "result": result}) + "\n")
    sys.stdout.flush()
for line in sys.stdin:
    msg = json.loads(line)
    mid, method = msg.get("id"), msg.get("method")
    if mid is None:
        continue
    if method == "initialize":
        reply(mid, {"protocolVersion": msg["params"]["protocolVersion"], "capabilities": {"tools": {}},
                    "serverInfo": {"name": "small", "version": "0"}})
    elif method == "tools/list":
        reply(mid, {"tools": [{"name": "echo", "inputSchema": {"type": "object",
                    "properties": {"text": {"type": "string"}}, "required": ["text"]}}]})
        if mode == "deaf":
            os.close(0)
            time.sleep(60)
    elif method == "tools/call":
        reply(mid, {"content": [{"type": "text", "text": "y" * (8 << 20)}]})
"#;

/// An agent whose one entry is [`SMALL_MCP_SERVER`] in `mode`, as `srv` (its tool: `srv_echo`).
fn agent_with_mcp_server(mode: &str) -> PathBuf {
    let dir = agent_with_tool("", "");
    std::fs::write(dir.join("server.py"), SMALL_MCP_SERVER).expect("server");
    std::fs::write(
        dir.join("agent.yaml"),
        format!("name: t\nllm:\n  secure_execution: true\ntools:\n  - name: srv\n    mcp:\n      command: [python3, server.py, {mode}]\n    timeout: 5s\n"),
    )
    .expect("agent.yaml");
    dir
}

#[test]
fn mcp_results_count_against_the_runs_output_limit() {
    let dir = agent_with_mcp_server("big");
    let o = plan_in(
        &dir,
        "n = 0\nfor i in range(6):\n    n += len(srv_echo('x'))\nprint(n)\n",
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json_of(&o);
    let calls = v["tool_calls"].as_array().expect("calls");
    assert_eq!(calls.len(), 4, "four 8 MiB answers pass 32 MiB");
    let error = calls[3]["error"].as_str().unwrap_or_default();
    assert!(error.contains("run's tool output limit"), "{error}");
}

#[test]
fn an_mcp_server_that_closed_its_stdin_is_a_tool_error_not_a_dead_engine() {
    // Writing the request meets a broken pipe: that must fail the call, not kill Bactrian
    // (whose SIGPIPE has its default action, for `bactrian ... | head`).
    let dir = agent_with_mcp_server("deaf");
    let o = plan_in(
        &dir,
        "try:\n    srv_echo('x' * 200000)\nexcept ToolError:\n    print('caught')\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json_of(&o)["stdout"], "caught\n");
}

#[test]
fn quarantined_answers_count_against_the_runs_output_limit() {
    let dir = agent_with_tool("", "");
    std::fs::write(
        dir.join("model.py"),
        "import json, sys\njson.load(sys.stdin)\nprint(json.dumps({'answer': 'z' * (7 << 20)}))\n",
    )
    .expect("model");
    std::fs::write(
        dir.join("agent.yaml"),
        "name: t\nllm:\n  secure_execution: true\n  quarantined:\n    command: [python3, model.py]\n",
    )
    .expect("agent.yaml");
    let o = plan_in(
        &dir,
        "n = 0\nfor i in range(6):\n    n += len(query_ai_assistant('q'))\nprint(n)\n",
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json_of(&o);
    let calls = v["tool_calls"].as_array().expect("calls");
    assert_eq!(calls.len(), 5, "five 7 MiB answers pass 32 MiB");
    let error = calls[4]["error"].as_str().unwrap_or_default();
    assert!(error.contains("run's tool output limit"), "{error}");
}

#[test]
fn the_prompt_lists_an_mcp_servers_tools_with_their_settings() {
    let dir = agent_with_mcp_server("small");
    std::fs::write(
        dir.join("agent.yaml"),
        "name: t\nllm:\n  secure_execution: true\ntools:\n  - name: srv\n    mcp:\n      command: [python3, server.py, small]\n    timeout: 5s\n    tools:\n      echo:\n        description: Echo the text.\n        side_effects: true\n        parameters:\n          text: {description: what to echo, sensitive: true}\n",
    )
    .expect("agent.yaml");
    let o = bactrian(&dir, &["prompt", "--agent", "agent.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains(
            "def srv_echo(text: str) -> Any:\n    \"\"\"Echo the text.\n    text: what to echo; sensitive: from the user's request or the plan only\n    Side effects: runs only when a policy allows the call.\n    \"\"\""
        ),
        "{text}"
    );
}
