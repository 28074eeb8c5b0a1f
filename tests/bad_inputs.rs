//! Bad inputs must end with a clear error within the limits: each case in
//! `tests/bad_inputs/*.yaml` runs the real `bactrian` binary under a 3 GiB address-space cap
//! (`RLIMIT_AS`) and checks its exit code, its message, its peak resident memory and its time.
//!
//! A case:
//!
//! ```yaml
//! - name: run reads a plan of /dev/zero up to its limit
//!   args: [run, /dev/zero]
//!   files:                        # written into the case's directory first
//!     agent.yaml: ["name: a\n", {repeat: "- {i}\n", times: 3}]
//!   exit: 2
//!   stderr: [the limit for a plan]  # each must appear in stderr
//!   stdout: []                      # each must appear in stdout (optional)
//!   max_rss_mib: 100
//!   max_seconds: 10
//! ```
//!
//! A file is a string or a list of parts; a part is a string or `{repeat, times}`, whose text
//! is repeated with `{i}` replaced by the repetition's index and `{next}` by the next one
//! (`r{i} := r{next}` chains rules).

use std::collections::BTreeMap;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;

/// The address-space cap every case runs under.
const ADDRESS_SPACE: u64 = 3 << 30;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    args: Vec<String>,
    #[serde(default)]
    files: BTreeMap<String, FileText>,
    exit: i32,
    #[serde(default)]
    stderr: Vec<String>,
    #[serde(default)]
    stdout: Vec<String>,
    max_rss_mib: u64,
    max_seconds: f64,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum FileText {
    Text(String),
    Parts(Vec<Part>),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Part {
    Text(String),
    Repeat { repeat: String, times: usize },
}

impl FileText {
    fn render(&self) -> String {
        let parts = match self {
            FileText::Text(text) => return text.clone(),
            FileText::Parts(parts) => parts,
        };
        let mut out = String::new();
        for part in parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Repeat { repeat, times } if repeat.contains('{') => {
                    for i in 0..*times {
                        out.push_str(
                            &repeat
                                .replace("{i}", &i.to_string())
                                .replace("{next}", &(i + 1).to_string()),
                        );
                    }
                }
                Part::Repeat { repeat, times } => out.push_str(&repeat.repeat(*times)),
            }
        }
        out
    }
}

/// How a case's process ended.
struct Ended {
    exit: Option<i32>,
    stdout: String,
    stderr: String,
    max_rss_kib: u64,
    elapsed: Duration,
}

/// Runs `bactrian args` in `dir` under the address-space cap; kills it after `limit`.
fn run_capped(dir: &Path, args: &[String], limit: Duration) -> Ended {
    // BAD_INPUTS_BIN runs the cases against another build (an older one, to see them fail).
    let binary = std::env::var("BAD_INPUTS_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_bactrian").to_string());
    let mut command = Command::new(binary);
    command
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: setrlimit is async-signal-safe and touches only the child's own limits.
    unsafe {
        command.pre_exec(|| {
            let cap = libc::rlimit {
                rlim_cur: ADDRESS_SPACE,
                rlim_max: ADDRESS_SPACE,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &cap) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let start = Instant::now();
    // Reaped by wait4 below, which also reports the peak resident memory.
    #[allow(clippy::zombie_processes)]
    let mut child = command.spawn().expect("the bactrian binary starts");
    let pid = child.id() as libc::pid_t;
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = Vec::new();
            let _ = pipe.read_to_end(&mut text);
            String::from_utf8_lossy(&text).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("piped")));
    let stderr = drain(Box::new(child.stderr.take().expect("piped")));
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let mut killed = false;
    loop {
        // SAFETY: pid is our child, not yet reaped (std's Child is never waited on).
        let reaped = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if reaped == pid {
            break;
        }
        assert!(
            reaped == 0,
            "wait4 failed: {}",
            std::io::Error::last_os_error()
        );
        if start.elapsed() > limit && !killed {
            // SAFETY: the child has not been reaped, so the pid is still its.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            killed = true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let elapsed = start.elapsed();
    Ended {
        exit: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        stdout: stdout.join().expect("stdout drained"),
        stderr: stderr.join().expect("stderr drained"),
        max_rss_kib: usage.ru_maxrss as u64,
        elapsed,
    }
}

/// Runs one case; returns what is wrong with its outcome.
fn check(case: &Case) -> Vec<String> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, text) in &case.files {
        std::fs::write(dir.path().join(name), text.render()).expect("case file written");
    }
    let limit = Duration::from_secs_f64(case.max_seconds);
    // A hang is killed at twice its limit, so the message can still say how it ended.
    let ended = run_capped(dir.path(), &case.args, limit * 2);
    let mut wrong = Vec::new();
    if ended.exit != Some(case.exit) {
        wrong.push(format!("exit {:?}, expected {}", ended.exit, case.exit));
    }
    for want in &case.stderr {
        if !ended.stderr.contains(want.as_str()) {
            wrong.push(format!("stderr lacks {want:?}"));
        }
    }
    for want in &case.stdout {
        if !ended.stdout.contains(want.as_str()) {
            wrong.push(format!("stdout lacks {want:?}"));
        }
    }
    let rss_mib = ended.max_rss_kib / 1024;
    if rss_mib > case.max_rss_mib {
        wrong.push(format!(
            "peak resident memory {rss_mib} MiB, above {} MiB",
            case.max_rss_mib
        ));
    }
    if ended.elapsed > limit {
        wrong.push(format!(
            "took {:.1} s, above {} s",
            ended.elapsed.as_secs_f64(),
            case.max_seconds
        ));
    }
    if !wrong.is_empty() {
        let stderr: String = ended.stderr.chars().take(2000).collect();
        wrong.push(format!("stderr was: {stderr}"));
    }
    wrong
}

#[test]
fn bad_inputs_end_with_a_clear_error_within_the_limits() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/bad_inputs exists")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let only = std::env::var("BAD_INPUTS_CASE").unwrap_or_default();
    let mut failures = Vec::new();
    let mut ran = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).expect("case file readable");
        let cases: Vec<Case> =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for case in cases.iter().filter(|c| c.name.contains(&only)) {
            ran += 1;
            let wrong = check(case);
            if !wrong.is_empty() {
                failures.push(format!(
                    "{}: {}:\n  {}",
                    file.display(),
                    case.name,
                    wrong.join("\n  ")
                ));
            }
        }
    }
    assert!(ran > 0, "no case ran");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
