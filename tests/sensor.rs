//! The eBPF sensor end to end through the binary: what a tool's processes do lands in the
//! record under that call, and a runtime rule stops a tool (exit 4). Needs root, Landlock and
//! a sensor that loads; elsewhere each test says why it skipped.

mod common;
use common::bactrian;

use serde_json::Value;
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

fn sensor_here() -> bool {
    let probe = bactrian_sensor::probe();
    let abi = bactrian_sandbox::Sandbox::new().landlock_abi();
    if !probe.available || abi == 0 {
        eprintln!("skipped: {probe}; Landlock ABI {abi}");
        if common::required("BACTRIAN_REQUIRE_SENSOR") {
            panic!("BACTRIAN_REQUIRE_SENSOR is set but the sensor cannot run here: {probe}");
        }
    }
    probe.available && abi > 0
}

/// A tool that runs /bin/true, opens a file, connects to a loopback port and exits; with
/// `ssh`, it also tries to read a key.
const BUSY: &str = r#"
import json, socket, subprocess, sys
args = json.load(sys.stdin)["args"]
subprocess.run(["/bin/true"])
with open("/etc/os-release") as f:
    f.read()
for path in args.get("open", []):
    try:
        open(path).close()
    except OSError:
        pass
try:
    socket.create_connection(("127.0.0.1", args["port"]), timeout=2).close()
    answer = "connected"
except OSError as e:
    answer = "refused"
print(json.dumps({"result": answer}))
"#;

fn agent(port: u16, rules: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let python = if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    };
    let yaml = format!(
        r#"
name: sensed
llm: {{secure_execution: true}}
tools:
  - name: busy
    command: [{python}, tools/busy.py]
    sandbox: net
    parameters:
      port: {{type: int}}
      open: {{type: list}}
sandbox:
  profiles:
    net: {{connect: [{port}]}}
sensor:
  mode: required
  rules: {rules}
"#
    );
    std::fs::write(dir.path().join("agent.yaml"), yaml).expect("agent.yaml");
    std::fs::create_dir(dir.path().join("tools")).expect("tools/");
    std::fs::write(dir.path().join("tools/busy.py"), BUSY).expect("tool");
    dir
}

fn listener() -> (TcpListener, u16) {
    let l = TcpListener::bind("127.0.0.1:0").expect("listen on loopback");
    let port = l.local_addr().expect("addr").port();
    (l, port)
}

fn record_nodes(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .expect("the record")
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .collect()
}

#[test]
fn exec_open_connect_and_exit_of_a_tool_are_in_the_record_under_its_call() {
    if !sensor_here() {
        return;
    }
    let (l, port) = listener();
    let accept = std::thread::spawn(move || {
        let _ = l.accept();
    });
    let dir = agent(port, "[]");
    std::fs::write(
        dir.path().join("plan.py"),
        format!("print(busy({port}, []))\n"),
    )
    .expect("plan");
    // Noise from a process that is not a tool, while the tool runs.
    let mut outsider = Command::new("/bin/sh")
        .args([
            "-c",
            "for i in 1 2 3 4 5 6 7 8 9 10; do cat /etc/os-release >/dev/null; sleep 0.05; done",
        ])
        .spawn()
        .expect("outsider");
    let o = bactrian(
        dir.path(),
        &[
            "run",
            "plan.py",
            "--agent",
            "agent.yaml",
            "--record",
            "run.record",
        ],
    );
    let _ = outsider.wait();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), "connected\n");
    accept.join().expect("accept");

    let nodes = record_nodes(&dir.path().join("run.record"));
    let call_node = nodes
        .iter()
        .find(|n| n["kind"] == "tool_call")
        .map(|n| n["hash"].clone())
        .expect("the tool_call node");
    let events: Vec<&Value> = nodes
        .iter()
        .filter(|n| n["kind"] == "sensor_event")
        .map(|n| {
            assert_eq!(n["body"]["call"], "c1", "{n}");
            let parents = n["parents"].as_array().expect("parents");
            assert!(parents.contains(&call_node), "not hung on its call: {n}");
            &n["body"]["event"]
        })
        .collect();
    // Bactrian's own steps before exec (joining the v1 cgroups) are not the tool's events.
    assert!(
        !events.iter().any(|e| e["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("cgroup.procs"))),
        "Bactrian's pre-exec opens were attributed to the tool"
    );
    let has = |pred: &dyn Fn(&Value) -> bool| events.iter().any(|e| pred(e));
    assert!(
        has(&|e| e["kind"] == "exec" && e["filename"] == "/bin/true"),
        "exec of /bin/true"
    );
    assert!(
        has(&|e| e["kind"] == "exec"
            && e["argv"][1]
                .as_str()
                .is_some_and(|a| a.ends_with("busy.py"))),
        "exec of the tool with its argv"
    );
    assert!(
        has(&|e| e["kind"] == "open" && e["path"] == "/etc/os-release"),
        "open"
    );
    assert!(
        has(&|e| e["kind"] == "connect" && e["addr"] == "127.0.0.1" && e["port"] == port),
        "connect"
    );
    assert!(has(&|e| e["kind"] == "exit" && e["code"] == 0), "exit");
    // Every event comes from the tool's cgroup: the outsider's cats are not there.
    let cgroup = nodes
        .iter()
        .find(|n| n["kind"] == "sandbox_event" && n["body"]["event"]["event"] == "fenced")
        .map(|n| n["body"]["event"]["cgroup_id"].clone())
        .expect("the fenced event names the cgroup");
    assert!(
        events.iter().all(|e| e["cgroup_id"] == cgroup),
        "an event from another cgroup"
    );
    assert!(
        !has(&|e| e["kind"] == "exec" && e["filename"] == "/usr/bin/cat"),
        "the outsider leaked in"
    );
    // In kernel order.
    let times: Vec<u64> = events
        .iter()
        .filter_map(|e| e["ktime_ns"].as_u64())
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
    let verify = bactrian(dir.path(), &["verify", "run.record"]);
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );
}

#[test]
fn a_tool_that_opens_a_denied_path_is_stopped_and_the_run_exits_4() {
    if !sensor_here() {
        return;
    }
    let (_l, port) = listener();
    let dir = agent(port, r#"[{deny_open: "**/.ssh/**"}]"#);
    let plan = format!(
        "try:\n    busy({port}, ['/root/.ssh/id_ed25519'])\nexcept Exception:\n    print('swallowed')\nprint('after')\n"
    );
    std::fs::write(dir.path().join("plan.py"), plan).expect("plan");
    let o = bactrian(
        dir.path(),
        &["run", "plan.py", "--agent", "agent.yaml", "--json"],
    );
    assert_eq!(
        o.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["status"], "stopped");
    assert_eq!(v["stdout"], "", "the plan went on after the stop");
    let message = v["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("/root/.ssh/id_ed25519") && message.contains("deny_open"),
        "{message}"
    );
    let sensor = v["tool_calls"][0]["sensor"]
        .as_array()
        .expect("sensor events");
    assert!(
        sensor.iter().any(|e| e["kind"] == "rule_violated"),
        "{sensor:?}"
    );
}

#[test]
fn a_run_the_sensor_stopped_replays_identically_from_its_record() {
    if !sensor_here() {
        return;
    }
    let (_l, port) = listener();
    let dir = agent(port, r#"[{deny_open: "**/.ssh/**"}]"#);
    let plan = format!("busy({port}, ['/root/.ssh/id_ed25519'])\n");
    std::fs::write(dir.path().join("plan.py"), plan).expect("plan");
    let o = bactrian(
        dir.path(),
        &[
            "run",
            "plan.py",
            "--agent",
            "agent.yaml",
            "--record",
            "run.record",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Every sandbox and sensor event is read back typed and written again, byte for byte,
    // and the stop is a stop again (not a ToolError the plan could catch).
    let replay = bactrian(dir.path(), &["replay", "run.record"]);
    let out = String::from_utf8_lossy(&replay.stdout);
    assert!(
        replay.status.success() && out.contains("identical"),
        "{out}{}",
        String::from_utf8_lossy(&replay.stderr)
    );
}

#[test]
fn a_tool_that_connects_to_a_denied_loopback_port_is_stopped() {
    if !sensor_here() {
        return;
    }
    let (_l, port) = listener();
    let dir = agent(port, &format!("[{{deny_connect: {port}}}]"));
    std::fs::write(
        dir.path().join("plan.py"),
        format!("print(busy({port}, []))\n"),
    )
    .expect("plan");
    let o = bactrian(dir.path(), &["run", "plan.py", "--agent", "agent.yaml"]);
    assert_eq!(
        o.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), "");
    assert!(String::from_utf8_lossy(&o.stderr).contains(&format!("127.0.0.1:{port}")));
}

#[test]
fn sensor_off_records_no_events() {
    if !sensor_here() {
        return;
    }
    let (l, port) = listener();
    drop(l);
    let dir = agent(port, "[]");
    let yaml = std::fs::read_to_string(dir.path().join("agent.yaml"))
        .expect("yaml")
        .replace("mode: required", "mode: off");
    std::fs::write(dir.path().join("agent.yaml"), yaml).expect("yaml");
    std::fs::write(
        dir.path().join("plan.py"),
        format!("print(busy({port}, []))\n"),
    )
    .expect("plan");
    let o = bactrian(
        dir.path(),
        &["run", "plan.py", "--agent", "agent.yaml", "--json"],
    );
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert!(v["tool_calls"][0].get("sensor").is_none(), "{v}");
}

#[test]
fn a_rego_runtime_rule_stops_a_tool_on_its_events() {
    if !sensor_here() {
        return;
    }
    let (_l, port) = listener();
    let dir = agent(port, "[]");
    let rego = r#"package bactrian

# Tools of this agent never start other programs.
runtime_deny contains msg if {
    input.event.kind == "exec"
    input.event.filename == "/bin/true"
    msg := sprintf("%s (call %s) ran %s", [input.tool, input.call, input.event.filename])
}
"#;
    std::fs::write(dir.path().join("runtime.rego"), rego).expect("policy");
    let yaml = std::fs::read_to_string(dir.path().join("agent.yaml")).expect("yaml");
    std::fs::write(
        dir.path().join("agent.yaml"),
        format!("{yaml}policies: [runtime.rego]\n"),
    )
    .expect("yaml");
    std::fs::write(
        dir.path().join("plan.py"),
        format!("print(busy({port}, []))\n"),
    )
    .expect("plan");
    let o = bactrian(dir.path(), &["run", "plan.py", "--agent", "agent.yaml"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(4), "{err}");
    assert!(err.contains("busy (call c1) ran /bin/true"), "{err}");
}

#[test]
fn the_compromised_tool_example_is_fenced_and_stopped() {
    if !sensor_here() {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/compromised-tool");
    let o = bactrian(&dir, &["run", "plans/notes.py", "--agent", "agent.yaml"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("could not read ../secret.txt: PermissionError"),
        "{out}"
    );
    assert!(!out.contains("not-a-real-secret"), "{out}");
    let o = bactrian(&dir, &["run", "plans/greedy.py", "--agent", "agent.yaml"]);
    assert_eq!(
        o.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "",
        "the plan printed after the stop"
    );
}
