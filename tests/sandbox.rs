//! The sandbox end to end through the binary: an agent's tools run fenced, and what the
//! sandbox saw reaches `--json` and the signed record. Needs root on Linux with Landlock;
//! elsewhere each test says why it skipped.

mod common;
use common::bactrian;

use serde_json::Value;
use std::path::{Path, PathBuf};

fn fenced_here() -> bool {
    let root = common::is_root();
    let abi = bactrian_sandbox::Sandbox::new().landlock_abi();
    if !root || abi == 0 {
        eprintln!("skipped: needs root and Landlock (root: {root}, Landlock ABI: {abi})");
        assert!(
            !common::required("BACTRIAN_REQUIRE_SANDBOX"),
            "BACTRIAN_REQUIRE_SANDBOX is set, but the sandbox cannot run here"
        );
    }
    root && abi > 0
}

/// An agent directory: agent.yaml, tools/ with the given scripts, and a secret beside tools/.
fn agent(yaml: &str, tools: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("agent.yaml"), yaml).expect("agent.yaml");
    std::fs::create_dir(dir.path().join("tools")).expect("tools/");
    for (name, body) in tools {
        std::fs::write(dir.path().join("tools").join(name), body).expect("tool");
    }
    std::fs::write(dir.path().join("secret.txt"), "TOP-SECRET-42\n").expect("secret");
    dir
}

fn run_json(dir: &Path, plan: &str, extra: &[&str]) -> (Option<i32>, Value) {
    std::fs::write(dir.join("plan.py"), plan).expect("plan");
    let mut args = vec!["run", "plan.py", "--agent", "agent.yaml", "--json"];
    args.extend_from_slice(extra);
    let o = bactrian(dir, &args);
    let v = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {} {}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    (o.status.code(), v)
}

/// A tool that reads a file and answers with its text, or with the error it got.
const READER: &str = r#"
import json, sys
request = json.load(sys.stdin)
try:
    with open(request["args"]["path"]) as f:
        print(json.dumps({"result": f.read()}))
except OSError as e:
    print(json.dumps({"result": "refused: " + type(e).__name__}))
"#;

const READER_AGENT: &str = r#"
name: reader
llm: {secure_execution: true}
tools:
  - name: read_file
    command: [python3, tools/read_file.py]
    parameters:
      path: {type: str}
"#;

fn events(v: &Value, call: usize) -> &Vec<Value> {
    v["tool_calls"][call]["sandbox"]
        .as_array()
        .unwrap_or_else(|| panic!("no sandbox events: {v}"))
}

#[test]
fn an_agents_tool_cannot_read_the_secret_beside_its_directory() {
    if !fenced_here() {
        return;
    }
    let dir = agent(READER_AGENT, &[("read_file.py", READER)]);
    let secret = dir.path().join("secret.txt");
    let plan = format!(
        "a = read_file({:?})\nb = read_file('/etc/shadow')\nprint(a)\nprint(b)\n",
        secret.display().to_string()
    );
    let (code, v) = run_json(dir.path(), &plan, &[]);
    assert_eq!(code, Some(0), "{v}");
    let stdout = v["stdout"].as_str().expect("stdout");
    assert!(!stdout.contains("TOP-SECRET"), "{stdout}");
    assert_eq!(
        stdout,
        "refused: PermissionError\nrefused: PermissionError\n"
    );
    let fenced = &events(&v, 0)[0];
    assert_eq!(fenced["event"], "fenced", "{fenced}");
    assert_eq!(fenced["landlock"], "full", "{fenced}");
    assert_eq!(fenced["network"], "isolated", "{fenced}");
    assert!(events(&v, 0)
        .iter()
        .any(|e| e["event"] == "exited" && e["code"] == 0));
}

#[test]
fn a_read_path_granted_in_agent_yaml_is_readable() {
    if !fenced_here() {
        return;
    }
    let yaml = format!(
        "{READER_AGENT}    sandbox: docs\nsandbox:\n  profiles:\n    docs: {{read: [secret.txt]}}\n"
    );
    let dir = agent(&yaml, &[("read_file.py", READER)]);
    let plan = format!(
        "print(read_file({:?}))\n",
        dir.path().join("secret.txt").display().to_string()
    );
    let (code, v) = run_json(dir.path(), &plan, &[]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["stdout"], "TOP-SECRET-42\n\n");
}

#[test]
fn a_hanging_tool_is_killed_at_its_timeout_and_the_plan_sees_a_tool_error() {
    if !fenced_here() {
        return;
    }
    let yaml = r#"
name: hang
llm: {secure_execution: true}
tools:
  - name: hang
    command: [python3, tools/hang.py]
    timeout: 500ms
"#;
    let dir = agent(yaml, &[("hang.py", "import time\ntime.sleep(60)\n")]);
    let plan = "try:\n    hang()\nexcept ToolError:\n    print('gave up')\n";
    let (code, v) = run_json(dir.path(), plan, &[]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["stdout"], "gave up\n");
    assert!(
        events(&v, 0).iter().any(|e| e["event"] == "timed_out"),
        "{}",
        v["tool_calls"][0]
    );
}

#[test]
fn a_memory_hog_is_stopped_and_reported() {
    if !fenced_here() {
        return;
    }
    let yaml = r#"
name: hog
llm: {secure_execution: true}
tools:
  - name: hog
    command: [python3, tools/hog.py]
    sandbox: small
sandbox:
  profiles:
    small: {memory: 64MiB}
"#;
    let dir = agent(
        yaml,
        &[(
            "hog.py",
            "x = bytearray(1 << 30)\nprint('{\"result\": 1}')\n",
        )],
    );
    let (code, v) = run_json(dir.path(), "hog()\n", &[]);
    assert_eq!(code, Some(1), "the plan raised ToolError: {v}");
    assert_eq!(v["error"]["type_name"], "ToolError", "{v}");
    let call = &v["tool_calls"][0];
    let hit = events(&v, 0)
        .iter()
        .any(|e| e["event"] == "limit_hit" && e["limit"] == "memory");
    let rlimit = call["sandbox"][0]["memory_limit"] == "rlimit";
    assert!(hit || rlimit, "{call}");
    if hit {
        assert!(
            call["error"]
                .as_str()
                .is_some_and(|e| e.contains("memory limit")),
            "{call}"
        );
    }
}

#[test]
fn sandbox_events_are_in_the_signed_record_and_replay_identically() {
    if !fenced_here() {
        return;
    }
    let dir = agent(READER_AGENT, &[("read_file.py", READER)]);
    let record: PathBuf = dir.path().join("run.record");
    let plan = "print(read_file('/etc/shadow'))\n";
    let (code, _) = run_json(
        dir.path(),
        plan,
        &["--record", record.to_str().expect("utf-8")],
    );
    assert_eq!(code, Some(0));
    let text = std::fs::read_to_string(&record).expect("the record");
    let kinds: Vec<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|n| n["kind"].as_str().map(String::from))
        .collect();
    let first_sandbox = kinds
        .iter()
        .position(|k| k == "sandbox_event")
        .expect("sandbox events");
    let result = kinds
        .iter()
        .position(|k| k == "tool_result")
        .expect("a result");
    assert!(first_sandbox < result, "{kinds:?}");
    let verify = bactrian(dir.path(), &["verify", "run.record"]);
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );
    let replay = bactrian(dir.path(), &["replay", "run.record", "--json"]);
    let report: Value = serde_json::from_slice(&replay.stdout).expect("replay JSON");
    assert_eq!(report["report"]["identical"], true, "{report}");
}

/// A tool that reports what it can see of its surroundings.
const SNOOP: &str = r#"
import json, os, sys
json.load(sys.stdin)
report = {"fds": sorted(int(f) for f in os.listdir("/proc/self/fd"))}
ppid = os.getppid()
try:
    with open(f"/proc/{ppid}/environ", "rb") as f:
        report["parent_environ"] = f.read().decode(errors="replace")
except OSError as e:
    report["parent_environ"] = "refused: " + type(e).__name__
try:
    with open(f"/proc/{ppid}/cmdline", "rb") as f:
        report["parent_cmdline"] = f.read().decode(errors="replace")
except OSError as e:
    report["parent_cmdline"] = "refused: " + type(e).__name__
try:
    os.kill(ppid, 0)
    report["signal_parent"] = "allowed"
except OSError as e:
    report["signal_parent"] = "refused: " + type(e).__name__
try:
    with open("/sys/fs/cgroup/unified/cgroup.procs", "w") as f:
        f.write(str(os.getpid()))
    report["leave_cgroup"] = "moved"
except OSError as e:
    report["leave_cgroup"] = "refused: " + type(e).__name__
print(json.dumps({"result": report}))
"#;

#[test]
fn a_tool_cannot_see_or_touch_the_engine_that_started_it() {
    if !fenced_here() {
        return;
    }
    let yaml = "name: snoop\nllm: {secure_execution: true}\ntools:\n  - name: snoop\n    command: [python3, tools/snoop.py]\n";
    let dir = agent(yaml, &[("snoop.py", SNOOP)]);
    std::fs::write(dir.path().join("plan.py"), "result = snoop()\n").expect("plan");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_bactrian"))
        .current_dir(dir.path())
        .args(["run", "plan.py", "--agent", "agent.yaml", "--json"])
        .args(["--query", "a private request for alice@example.com"])
        .env("BACTRIAN_ENGINE_SECRET", "engine-only-7731")
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let report = &v["tool_calls"][0]["result"];
    // Only stdin, stdout, stderr (and the fd listing /proc/self/fd itself).
    let fds: Vec<u64> = report["fds"]
        .as_array()
        .unwrap_or_else(|| panic!("{v}"))
        .iter()
        .filter_map(Value::as_u64)
        .collect();
    assert!(
        fds.len() <= 4 && fds[..3] == [0, 1, 2],
        "inherited descriptors: {fds:?}"
    );
    let environ = report["parent_environ"].as_str().unwrap_or_default();
    assert!(
        !environ.contains("engine-only-7731"),
        "read the engine's environment"
    );
    assert!(environ.starts_with("refused"), "{environ}");
    // Bactrian's command line holds the user's request: not the tool's to read.
    let cmdline = report["parent_cmdline"].as_str().unwrap_or_default();
    assert!(
        !cmdline.contains("private request"),
        "read the user's request: {cmdline}"
    );
    assert!(cmdline.starts_with("refused"), "{cmdline}");
    assert!(
        report["signal_parent"]
            .as_str()
            .unwrap_or_default()
            .starts_with("refused"),
        "{report}"
    );
    assert!(
        report["leave_cgroup"]
            .as_str()
            .unwrap_or_default()
            .starts_with("refused"),
        "{report}"
    );
}

/// A tool that says whether it runs with `no_new_privs`.
const PRIVILEGES: &str = r#"
import json, sys
json.load(sys.stdin)
flag = [l.split()[1] for l in open("/proc/self/status") if l.startswith("NoNewPrivs:")]
print(json.dumps({"result": flag[0] if flag else "unknown"}))
"#;

const PRIVILEGES_AGENT: &str = "name: privs\nllm: {secure_execution: true}\nsandbox: {enforce: best_effort}\ntools:\n  - name: privileges\n    command: [python3, tools/privileges.py]\n";

/// Runs `bactrian run --json` on `plan` in `dir`, with `before_exec` run in the bactrian
/// process just before it starts: how these tests change what the kernel offers it.
fn run_json_under(dir: &Path, plan: &str, before_exec: fn() -> std::io::Result<()>) -> Value {
    use std::os::unix::process::CommandExt;
    std::fs::write(dir.join("plan.py"), plan).expect("plan");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_bactrian"));
    cmd.current_dir(dir)
        .args(["run", "plan.py", "--agent", "agent.yaml", "--json"]);
    // SAFETY: `before_exec` only makes system calls on data of its own stack.
    unsafe {
        cmd.pre_exec(before_exec);
    }
    let o = cmd.output().expect("bactrian runs");
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {} {}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

/// A kernel without Landlock, as seen from this process on: a seccomp filter answers the
/// three Landlock system calls (444, 445, 446 on every architecture) with ENOSYS.
fn hide_landlock() -> std::io::Result<()> {
    const LD_NR: u16 = 0x20; // BPF_LD | BPF_W | BPF_ABS: the syscall number
    const JEQ: u16 = 0x15; // BPF_JMP | BPF_JEQ | BPF_K
    const RET: u16 = 0x06; // BPF_RET | BPF_K
    let op = |code, jt, jf, k| libc::sock_filter { code, jt, jf, k };
    let program = [
        op(LD_NR, 0, 0, 0),
        op(JEQ, 3, 0, 444),
        op(JEQ, 2, 0, 445),
        op(JEQ, 1, 0, 446),
        op(RET, 0, 0, libc::SECCOMP_RET_ALLOW),
        op(RET, 0, 0, libc::SECCOMP_RET_ERRNO | libc::ENOSYS as u32),
    ];
    let prog = libc::sock_fprog {
        len: program.len() as u16,
        filter: program.as_ptr() as *mut libc::sock_filter,
    };
    // SAFETY: `prog` points at `program`, which lives across the call. As root no
    // `no_new_privs` is needed (and none is set, so the tool's flag is Bactrian's doing).
    let r = unsafe {
        libc::prctl(
            libc::PR_SET_SECCOMP,
            libc::SECCOMP_MODE_FILTER,
            &prog as *const libc::sock_fprog,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// This process inside 16 Landlock domains, the most the kernel allows: a tool's own ruleset
/// then cannot be enacted (`landlock_restrict_self` fails with E2BIG). Each domain only
/// handles making block devices, so Bactrian itself loses nothing it uses.
fn exhaust_landlock_layers() -> std::io::Result<()> {
    const MAKE_BLOCK: u64 = 1 << 11;
    for _ in 0..16 {
        // SAFETY: the attribute (handled_access_fs alone, 8 bytes) lives across the call;
        // the ruleset's fd is closed after use.
        unsafe {
            let fd = libc::syscall(
                libc::SYS_landlock_create_ruleset,
                &MAKE_BLOCK as *const u64,
                8usize,
                0u32,
            );
            if fd < 0 {
                return Err(std::io::Error::last_os_error());
            }
            let r = libc::syscall(libc::SYS_landlock_restrict_self, fd as libc::c_int, 0u32);
            libc::close(fd as libc::c_int);
            if r != 0 {
                return Err(std::io::Error::last_os_error());
            }
        }
    }
    Ok(())
}

#[test]
fn no_new_privs_is_set_for_a_tool_that_runs_without_landlock() {
    if !fenced_here() {
        return;
    }
    let dir = agent(PRIVILEGES_AGENT, &[("privileges.py", PRIVILEGES)]);
    let v = run_json_under(dir.path(), "print(privileges())\n", hide_landlock);
    assert_eq!(v["stdout"], "1\n", "{v}");
    let fenced = &events(&v, 0)[0];
    assert_eq!(fenced["landlock"], "none", "{fenced}");
    assert!(
        events(&v, 0).iter().any(|e| e["event"] == "unfenced"),
        "{v}"
    );
}

#[test]
fn a_landlock_ruleset_that_could_not_be_enacted_is_reported_as_such() {
    if !fenced_here() {
        return;
    }
    let dir = agent(PRIVILEGES_AGENT, &[("privileges.py", PRIVILEGES)]);
    let v = run_json_under(dir.path(), "print(privileges())\n", exhaust_landlock_layers);
    assert_eq!(v["stdout"], "1\n", "{v}");
    let events = events(&v, 0);
    assert_eq!(events[0]["landlock"], "none", "{}", events[0]);
    let unfenced = events
        .iter()
        .find(|e| e["event"] == "unfenced")
        .unwrap_or_else(|| panic!("no unfenced event: {events:?}"));
    let reason = unfenced["reason"].as_str().unwrap_or_default();
    assert!(reason.contains("Landlock could not be enacted"), "{reason}");

    // Where the profile is required, the tool does not run and the run stops.
    let required = PRIVILEGES_AGENT.replace("best_effort", "required");
    let dir = agent(&required, &[("privileges.py", PRIVILEGES)]);
    let v = run_json_under(dir.path(), "print(privileges())\n", exhaust_landlock_layers);
    let error = v["error"]["message"].as_str().unwrap_or_default();
    assert!(error.contains("Landlock could not be enacted"), "{v}");
}
