//! The sandbox on the real kernel: what a fenced tool cannot do, and what it still can.
//! These need root on Linux with Landlock; elsewhere each test says why it skipped.

use bactrian_sandbox::{Ending, Limit, Profile, Sandbox, SandboxEvent};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::time::Duration;

/// Runs a shell script under `profile`; returns (stdout, stderr, events).
fn run_sh(script: &str, profile: &Profile) -> Option<(String, String, Vec<SandboxEvent>)> {
    let sandbox = Sandbox::new();
    if sandbox.landlock_abi() == 0 {
        skip("this kernel has no Landlock");
        return None;
    }
    if !is_root() {
        skip("the sandbox tests run as root (cgroups, network namespaces)");
        return None;
    }
    let argv = vec!["/bin/sh".to_string(), "-c".to_string(), script.to_string()];
    let mut tool = sandbox
        .spawn(&argv, profile, "test", &[])
        .expect("the tool starts");
    drop(tool.child.stdin.take());
    let mut out = tool.child.stdout.take().expect("stdout");
    let mut err = tool.child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let status = tool.wait_timeout(profile.timeout).expect("wait");
    let events = tool.finish(status);
    Some((
        reader.join().unwrap_or_default(),
        err_reader.join().unwrap_or_default(),
        events,
    ))
}

/// Skipping is a failure where BACTRIAN_REQUIRE_SANDBOX is set (CI on a machine that has it).
fn skip(why: &str) {
    eprintln!("skipped: {why}");
    assert!(
        std::env::var_os("BACTRIAN_REQUIRE_SANDBOX").is_none_or(|v| v.is_empty()),
        "BACTRIAN_REQUIRE_SANDBOX is set, but: {why}"
    );
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(2) == Some("0"))
}

fn exited(events: &[SandboxEvent]) -> Option<i32> {
    events.iter().find_map(|e| match e {
        SandboxEvent::Exited { code } => Some(*code),
        _ => None,
    })
}

fn stopped_by(events: &[SandboxEvent]) -> Vec<Limit> {
    events.iter().filter_map(SandboxEvent::stopped_by).collect()
}

/// A tool directory with a script in it, and a secret beside the directory.
struct ToolDir {
    root: tempfile::TempDir,
}

impl ToolDir {
    fn new() -> ToolDir {
        let root = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(root.path().join("tool")).expect("mkdir");
        std::fs::write(root.path().join("secret.txt"), "TOP-SECRET\n").expect("secret");
        std::fs::write(root.path().join("tool").join("data.txt"), "mine\n").expect("data");
        ToolDir { root }
    }
    fn path(&self, rel: &str) -> String {
        self.root.path().join(rel).display().to_string()
    }
    /// Runs a shell script stored as tool/run.sh (so the tool's own directory is tool/).
    fn run(&self, body: &str, profile: &Profile) -> Option<(String, String, Vec<SandboxEvent>)> {
        let script = self.root.path().join("tool").join("run.sh");
        std::fs::write(&script, body).expect("script");
        let sandbox = Sandbox::new();
        if sandbox.landlock_abi() == 0 || !is_root() {
            skip("needs root and Landlock");
            return None;
        }
        let argv = vec!["/bin/sh".to_string(), script.display().to_string()];
        let mut tool = sandbox
            .spawn(&argv, profile, "test", &[])
            .expect("the tool starts");
        drop(tool.child.stdin.take());
        let mut out = String::new();
        let mut err = String::new();
        let _ = tool
            .child
            .stdout
            .take()
            .expect("stdout")
            .read_to_string(&mut out);
        let _ = tool
            .child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut err);
        let status = tool.wait_timeout(profile.timeout).expect("wait");
        Some((out, err, tool.finish(status)))
    }
}

#[test]
fn a_tool_reads_its_own_directory_but_not_the_secret_beside_it() {
    let dir = ToolDir::new();
    let Some((out, err, events)) = dir.run(
        &format!(
            "cat {}; cat {} && echo LEAKED",
            dir.path("tool/data.txt"),
            dir.path("secret.txt")
        ),
        &Profile::default(),
    ) else {
        return;
    };
    assert!(out.contains("mine"), "its own file: {out} {err}");
    assert!(
        !out.contains("TOP-SECRET") && !out.contains("LEAKED"),
        "{out}"
    );
    assert!(err.contains("Permission denied"), "{err}");
    assert!(matches!(events[0], SandboxEvent::Fenced(_)), "{events:?}");
}

#[test]
fn a_tool_cannot_read_secrets_elsewhere_on_the_system() {
    let Some((out, err, _)) = run_sh(
        "cat /etc/shadow /root/.bash_history /etc/hostname 2>&1; ls / >/dev/null && echo LISTED",
        &Profile::default(),
    ) else {
        return;
    };
    assert!(!out.contains("root:"), "{out}");
    assert!(
        !out.contains("LISTED"),
        "the root directory is not listable: {out} {err}"
    );
}

#[test]
fn a_tool_writes_its_working_directory_and_nothing_else() {
    let dir = ToolDir::new();
    let outside = dir.path("planted.txt");
    let Some((out, err, events)) = dir.run(
        &format!(
            "echo hi > ./here.txt && cat ./here.txt && echo WROTE-HERE; \
             echo x > {outside} && echo WROTE-OUTSIDE; echo x > /tmp/planted-by-tool && echo WROTE-TMP; \
             /bin/true && echo RAN-TRUE"
        ),
        &Profile::default(),
    ) else {
        return;
    };
    assert!(out.contains("WROTE-HERE"), "{out} {err}");
    assert!(out.contains("RAN-TRUE"), "{out} {err}");
    assert!(
        !out.contains("WROTE-OUTSIDE") && !out.contains("WROTE-TMP"),
        "{out}"
    );
    assert!(!Path::new(&outside).exists());
    assert!(!Path::new("/tmp/planted-by-tool").exists());
    assert_eq!(exited(&events), Some(0), "{events:?}");
}

#[test]
fn a_granted_write_path_is_writable() {
    let dir = ToolDir::new();
    let out_dir = dir.root.path().join("out");
    std::fs::create_dir(&out_dir).expect("mkdir");
    let profile = Profile {
        write: vec![out_dir.clone()],
        ..Profile::default()
    };
    let Some((_, err, events)) = dir.run(
        &format!("echo sent > {}/outbox", out_dir.display()),
        &profile,
    ) else {
        return;
    };
    assert_eq!(exited(&events), Some(0), "{err} {events:?}");
    assert_eq!(
        std::fs::read_to_string(out_dir.join("outbox")).expect("written"),
        "sent\n"
    );
}

/// python3 connecting to 127.0.0.1:PORT; prints CONNECTED or the error.
fn connect_script(port: u16) -> String {
    format!(
        "/usr/bin/python3 -c \"import socket\ntry:\n  socket.create_connection(('127.0.0.1', {port}), timeout=2); print('CONNECTED')\nexcept OSError as e:\n  print('REFUSED', e)\""
    )
}

#[test]
fn a_tool_connects_only_to_ports_it_was_given() {
    if !Path::new("/usr/bin/python3").exists() {
        eprintln!("skipped: /usr/bin/python3 is missing");
        return;
    }
    let listener = TcpListener::bind("127.0.0.1:0").expect("listen on loopback");
    let port = listener.local_addr().expect("addr").port();
    let accept = std::thread::spawn(move || {
        listener.set_nonblocking(false).ok();
        let _ = listener.accept();
    });
    // Not granted: isolated (the default) and port-fenced both refuse.
    let Some((out, _, _)) = run_sh(&connect_script(port), &Profile::default()) else {
        return;
    };
    assert!(out.contains("REFUSED"), "default profile: {out}");
    let other_port = Profile {
        connect: vec![port.wrapping_add(1).max(1)],
        ..Profile::default()
    };
    let (out, _, _) = run_sh(&connect_script(port), &other_port).expect("ran before");
    assert!(out.contains("REFUSED"), "another port granted: {out}");
    // Granted: it works.
    let granted = Profile {
        connect: vec![port],
        ..Profile::default()
    };
    let (out, err, _) = run_sh(&connect_script(port), &granted).expect("ran before");
    assert!(out.contains("CONNECTED"), "granted: {out} {err}");
    accept.join().expect("accept");
}

#[test]
fn the_environment_is_clean_unless_passed_through() {
    std::env::set_var("BACTRIAN_TEST_SECRET", "hunter2");
    std::env::set_var("BACTRIAN_TEST_PASSED", "visible");
    let profile = Profile {
        env: vec!["BACTRIAN_TEST_PASSED".into()],
        ..Profile::default()
    };
    let Some((out, _, _)) = run_sh("env", &profile) else {
        return;
    };
    assert!(!out.contains("hunter2"), "{out}");
    assert!(out.contains("BACTRIAN_TEST_PASSED=visible"), "{out}");
    assert!(out.contains("PATH=/usr/local/sbin"), "{out}");
}

#[test]
fn a_root_tool_holds_no_capabilities() {
    // The shell reads its own /proc entry (a child's would be its own, which it may not).
    let Some((out, _, _)) = run_sh(
        "while read -r k v; do case $k in CapEff:|CapPrm:|CapBnd:) echo $k $v;; esac; done < /proc/self/status",
        &Profile::default(),
    ) else {
        return;
    };
    for line in out.lines() {
        assert!(line.ends_with("0000000000000000"), "{out}");
    }
    assert_eq!(out.lines().count(), 3, "{out}");
}

fn quick(profile: Profile) -> Profile {
    Profile {
        timeout: Duration::from_secs(10),
        ..profile
    }
}

/// Nothing of the tool is left running: no process still has the marker in its command line.
fn none_running(marker: &str) -> bool {
    std::fs::read_dir("/proc")
        .expect("/proc")
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .chars()
                .all(|c| c.is_ascii_digit())
        })
        .filter_map(|e| std::fs::read(e.path().join("cmdline")).ok())
        .all(|cmd| !String::from_utf8_lossy(&cmd).contains(marker))
}

#[test]
fn a_fork_bomb_is_stopped_at_the_process_limit_and_nothing_is_left() {
    let profile = Profile {
        processes: 16,
        cpu_seconds: 3,
        timeout: Duration::from_secs(4),
        ..Profile::default()
    };
    let Some((_, _, events)) = run_sh(
        "bomb() { bomb | bomb & }; bomb; sleep 30 # forkbomb-marker",
        &profile,
    ) else {
        return;
    };
    assert!(
        stopped_by(&events).contains(&Limit::Processes),
        "{events:?}"
    );
    assert!(none_running("forkbomb-marker"));
}

#[test]
fn a_memory_hog_is_stopped_at_the_memory_limit() {
    let profile = quick(Profile {
        memory: 64 << 20,
        ..Profile::default()
    });
    let Some((out, err, events)) = run_sh(
        "/usr/bin/python3 -c 'x = bytearray(1 << 30); print(\"ALLOCATED\")'",
        &profile,
    ) else {
        return;
    };
    assert!(!out.contains("ALLOCATED"), "{out}");
    // Under a memory cgroup the kernel kills it; under the address-space rlimit the
    // allocation fails.
    let by_cgroup = stopped_by(&events).contains(&Limit::Memory);
    assert!(by_cgroup || err.contains("MemoryError"), "{err} {events:?}");
}

#[test]
fn a_cpu_spinner_is_stopped_at_the_cpu_limit() {
    let profile = quick(Profile {
        cpu_seconds: 1,
        ..Profile::default()
    });
    let Some((_, _, events)) = run_sh("while :; do :; done", &profile) else {
        return;
    };
    assert!(stopped_by(&events).contains(&Limit::Cpu), "{events:?}");
}

#[test]
fn a_sleeper_is_stopped_at_the_timeout_with_everything_it_started() {
    let profile = Profile {
        timeout: Duration::from_millis(500),
        ..Profile::default()
    };
    let started = std::time::Instant::now();
    let Some((_, _, events)) = run_sh("setsid sleep 60 & sleep 60 # sleeper-marker", &profile)
    else {
        return;
    };
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(stopped_by(&events).contains(&Limit::Timeout), "{events:?}");
    std::thread::sleep(Duration::from_millis(50));
    assert!(none_running("sleeper-marker"));
    assert!(
        none_running("sleep 60"),
        "the setsid child escaped the process group, not the cgroup"
    );
}

#[test]
fn a_tool_that_leaves_a_daemon_behind_has_it_killed() {
    let Some((_, _, events)) = run_sh("(sleep 45 &) ; echo done", &quick(Profile::default()))
    else {
        return;
    };
    assert_eq!(exited(&events), Some(0));
    assert!(
        events
            .iter()
            .any(|e| matches!(e, SandboxEvent::Cleaned { processes } if *processes >= 1)),
        "{events:?}"
    );
    std::thread::sleep(Duration::from_millis(50));
    assert!(none_running("sleep 45"));
}

#[test]
fn the_working_directory_is_removed_after_the_call() {
    let Some((out, _, _)) = run_sh("pwd", &Profile::default()) else {
        return;
    };
    let dir = out.trim();
    assert!(dir.contains("bactrian-call-"), "{dir}");
    assert!(!Path::new(dir).exists(), "{dir} is left behind");
}

/// Starts `script` under `sh -c` with `timeout`, when the sandbox can run here.
fn start_sh(script: &str, timeout: Duration) -> Option<bactrian_sandbox::Jailed> {
    let sandbox = Sandbox::new();
    if sandbox.landlock_abi() == 0 || !is_root() {
        skip("the sandbox tests run as root with Landlock");
        return None;
    }
    let argv = vec!["/bin/sh".to_string(), "-c".to_string(), script.to_string()];
    let profile = Profile {
        timeout,
        ..Profile::default()
    };
    Some(sandbox.spawn(&argv, &profile, "c1", &[]).expect("start"))
}

#[test]
fn an_exchange_answers_through_the_pipes() {
    let Some(tool) = start_sh("cat; echo oops >&2; exit 3", Duration::from_secs(10)) else {
        return;
    };
    let answer = tool.exchange(b"{\"x\": 1}".to_vec(), 1 << 20, &mut || None);
    assert!(
        matches!(answer.ending, Ending::Exited(s) if s.code() == Some(3)),
        "{answer:?}"
    );
    assert_eq!(answer.stdout, b"{\"x\": 1}");
    assert_eq!(answer.stderr.last_line().as_deref(), Some("oops"));
    assert_eq!(exited(&answer.events), Some(3));
}

#[test]
fn an_exchange_ends_at_the_timeout_though_the_tool_never_reads() {
    let Some(tool) = start_sh("sleep 30", Duration::from_secs(1)) else {
        return;
    };
    let started = std::time::Instant::now();
    let answer = tool.exchange(vec![b'x'; 4 << 20], 1 << 20, &mut || None);
    assert!(matches!(answer.ending, Ending::TimedOut(_)), "{answer:?}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_tool_printing_past_its_cap_is_killed_at_once() {
    let Some(tool) = start_sh("yes", Duration::from_secs(30)) else {
        return;
    };
    let started = std::time::Instant::now();
    let answer = tool.exchange(Vec::new(), 1 << 20, &mut || None);
    assert!(matches!(answer.ending, Ending::OutputTooLarge(cap) if cap == 1 << 20));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(answer.stdout.len(), 1 << 20);
    assert_eq!(stopped_by(&answer.events), vec![Limit::Output]);
}

#[test]
fn stdin_reaches_the_tool() {
    let sandbox = Sandbox::new();
    if sandbox.landlock_abi() == 0 || !is_root() {
        return;
    }
    let argv = vec!["/bin/cat".to_string()];
    let mut tool = sandbox
        .spawn(&argv, &Profile::default(), "c1", &[])
        .expect("start");
    let mut stdin = tool.child.stdin.take().expect("stdin");
    stdin.write_all(b"{\"x\": 1}").expect("write");
    drop(stdin);
    let mut out = String::new();
    tool.child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut out)
        .expect("read");
    let status = tool.wait_timeout(Duration::from_secs(5)).expect("wait");
    assert_eq!(out, "{\"x\": 1}");
    assert_eq!(exited(&tool.finish(status)), Some(0));
}

#[test]
fn without_landlock_a_required_profile_refuses_to_run_the_tool() {
    if !is_root() {
        return skip("needs root");
    }
    let sandbox = Sandbox::assuming_landlock_abi(0);
    let argv = vec!["/bin/true".to_string()];
    let err = sandbox
        .spawn(&argv, &Profile::default(), "c1", &[])
        .err()
        .expect("refused");
    assert!(
        matches!(err, bactrian_sandbox::SandboxError::Unenforceable(_)),
        "{err}"
    );
    assert!(
        err.to_string().contains("best_effort"),
        "says what to do: {err}"
    );
}

#[test]
fn without_landlock_best_effort_runs_the_tool_and_says_it_was_unfenced() {
    if !is_root() {
        return skip("needs root");
    }
    let sandbox = Sandbox::assuming_landlock_abi(0);
    let profile = Profile {
        enforce: bactrian_sandbox::Enforce::BestEffort,
        ..Profile::default()
    };
    let argv = vec!["/bin/true".to_string()];
    let mut tool = sandbox.spawn(&argv, &profile, "c1", &[]).expect("runs");
    let status = tool.wait_timeout(Duration::from_secs(5)).expect("wait");
    let events = tool.finish(status);
    assert!(
        matches!(&events[0], SandboxEvent::Fenced(f) if f.landlock == bactrian_sandbox::Enforcement::None),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(e, SandboxEvent::Unfenced { .. })),
        "{events:?}"
    );
    assert_eq!(exited(&events), Some(0));
}

#[test]
fn an_older_landlock_abi_is_reported_as_a_partial_fence_with_its_gaps() {
    if !is_root() || Sandbox::new().landlock_abi() < 3 {
        return skip("needs root and Landlock ABI 3 or newer");
    }
    let sandbox = Sandbox::assuming_landlock_abi(3);
    let argv = vec!["/bin/true".to_string()];
    let mut tool = sandbox
        .spawn(&argv, &Profile::default(), "c1", &[])
        .expect("runs");
    let fence = tool.fence().clone();
    let status = tool.wait_timeout(Duration::from_secs(5)).expect("wait");
    tool.finish(status);
    assert_eq!(fence.landlock, bactrian_sandbox::Enforcement::Partial);
    assert!(
        fence.gaps.iter().any(|g| g.contains("TCP")),
        "{:?}",
        fence.gaps
    );
}

#[test]
fn a_tool_reads_its_own_proc_entry_but_no_other_process() {
    let Some((out, err, _)) = run_sh(
        "read -r line < /proc/self/status && echo OWN-$line; \
         cat /proc/1/cmdline && echo READ-INIT; cat /proc/$PPID/cmdline && echo READ-PARENT; \
         ls /proc >/dev/null && echo LISTED-PROC; cat /proc/cpuinfo >/dev/null && echo CPUINFO",
        &Profile::default(),
    ) else {
        return;
    };
    assert!(out.contains("OWN-Name:"), "{out} {err}");
    assert!(out.contains("CPUINFO"), "{out} {err}");
    for leak in ["READ-INIT", "READ-PARENT", "LISTED-PROC"] {
        assert!(!out.contains(leak), "{leak}: {out}");
    }
}
