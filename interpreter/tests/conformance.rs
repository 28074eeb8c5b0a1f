//! Conformance suite: Bactrian against CPython.
//!
//! Every `tests/conformance/<category>/<name>.py` is run under Bactrian and
//! its stdout is compared byte for byte with `<name>.out`, the stdout CPython
//! printed for the same program.  When `<name>.err` exists the program must
//! end with an uncaught exception of the type named there (e.g. `KeyError`);
//! when it does not, the program must finish without an error.
//!
//! There is one test per category so failures are grouped; each test runs
//! every program of its category and reports all mismatches at once.  The
//! expectations are committed, so the suite runs without Python; the extra
//! test `expectations_match_cpython` re-checks them against the local
//! `python3` (skipped when `python3` is missing or `BACTRIAN_SKIP_CPYTHON` is
//! set).  See `tests/conformance/README.md`.
//!
//! Environment knobs:
//! * `BACTRIAN_CONFORMANCE_FILTER=substr` — only run programs whose
//!   `category/name.py` contains `substr`.
//! * `BACTRIAN_CONFORMANCE_TIMEOUT_SECS=n` — per-program time limit
//!   (default 10s); a program that exceeds it is reported as a mismatch.
//! * `BACTRIAN_SKIP_CPYTHON=1` — skip `expectations_match_cpython`.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use bactrian_interpreter::{Config, Interpreter};

/// Stack for the thread each program runs on: a tree-walking interpreter in
/// a debug build needs far more than the 2 MiB a test thread gets, and the
/// corpus recurses a few hundred Python frames deep.
const STACK_BYTES: usize = 64 * 1024 * 1024;
const DEFAULT_TIMEOUT_SECS: u64 = 10;
/// Longest excerpt of a line shown in a mismatch report.
const MAX_SHOWN: usize = 160;

macro_rules! categories {
    ($($name:ident),* $(,)?) => {
        /// Every category directory under `tests/conformance/`.
        const CATEGORIES: &[&str] = &[$(stringify!($name)),*];
        $(
            #[test]
            fn $name() {
                check_category(stringify!($name));
            }
        )*
    };
}

categories!(
    arith,
    compare,
    strings,
    fstrings,
    format,
    lists,
    dicts,
    sets,
    tuples,
    control,
    functions,
    comprehensions,
    builtins,
    exceptions,
    errors,
    realistic,
    agent_email,
    agent_finance,
    agent_calendar,
    agent_reports,
    agent_web,
    agent_files,
    agent_crm,
    agent_travel,
    agent_errors,
    agent_shopping,
    agent_tickets,
    agent_data,
    planner,
    generated,
    generated_errors,
    percent,
    iteration,
    messages,
    strmethods,
);

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("conformance")
}

/// What Bactrian did with one program, detached from the interpreter's types
/// so it can cross the thread boundary.
struct Observed {
    stdout: String,
    /// (type name, message, line)
    error: Option<(String, String, String)>,
}

fn run_bactrian(file_name: String, source: String, timeout: Duration) -> Result<Observed, String> {
    let (tx, rx) = mpsc::channel();
    let spawned = thread::Builder::new()
        .name(format!("conformance {file_name}"))
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let result = panic::catch_unwind(AssertUnwindSafe(|| {
                let outcome = Interpreter::new(Config::default()).run(file_name.as_str(), &source);
                Observed {
                    stdout: outcome.stdout.to_string(),
                    error: outcome.error.as_ref().map(|e| {
                        (
                            e.type_name.to_string(),
                            e.message.to_string(),
                            e.line.to_string(),
                        )
                    }),
                }
            }));
            let _ = tx.send(result.map_err(|payload| {
                let msg = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "non-string panic payload".to_string());
                format!("interpreter panicked: {msg}")
            }));
        });
    let handle = match spawned {
        Ok(handle) => handle,
        Err(e) => return Err(format!("could not spawn interpreter thread: {e}")),
    };
    match rx.recv_timeout(timeout) {
        Ok(result) => {
            let _ = handle.join();
            result
        }
        // The runaway thread is left behind; it dies with the test process.
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!(
            "did not finish within {}s (infinite loop?)",
            timeout.as_secs()
        )),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err("interpreter thread died without a result".to_string())
        }
    }
}

fn shorten(line: &str) -> String {
    if line.chars().count() <= MAX_SHOWN {
        format!("{line:?}")
    } else {
        let head: String = line.chars().take(MAX_SHOWN).collect();
        format!("{head:?}...")
    }
}

/// A short description of where two outputs first differ.
fn describe_stdout_diff(expected: &str, got: &str) -> String {
    let exp: Vec<&str> = expected.lines().collect();
    let got_lines: Vec<&str> = got.lines().collect();
    let mut out = String::new();
    for i in 0..exp.len().max(got_lines.len()) {
        let (e, g) = (exp.get(i), got_lines.get(i));
        if e != g {
            let show = |l: Option<&&str>| l.map_or("<end of output>".to_string(), |s| shorten(s));
            let _ = writeln!(out, "    stdout differs at line {}:", i + 1);
            let _ = writeln!(out, "      expected: {}", show(e));
            let _ = writeln!(out, "      got:      {}", show(g));
            if exp.len() != got_lines.len() {
                let _ = writeln!(
                    out,
                    "    ({} lines expected, {} printed)",
                    exp.len(),
                    got_lines.len()
                );
            }
            return out;
        }
    }
    // Same lines: the difference is in line terminators.
    let _ = writeln!(
        out,
        "    stdout differs only in line endings: expected ends {:?}, got ends {:?}",
        tail(expected),
        tail(got)
    );
    out
}

fn tail(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars[chars.len().saturating_sub(12)..].iter().collect()
}

/// Runs one program and returns a description of every way it differs from
/// its expectations, or `None` when it conforms.
fn check_program(category: &str, py: &Path, timeout: Duration) -> Option<String> {
    let file_name = py.file_name().unwrap().to_string_lossy().into_owned();
    let source = match fs::read_to_string(py) {
        Ok(s) => s,
        Err(e) => return Some(format!("    cannot read program: {e}\n")),
    };
    let expected_out = match fs::read_to_string(py.with_extension("out")) {
        Ok(s) => s,
        Err(e) => {
            return Some(format!(
                "    cannot read {}: {e} (run tests/conformance/regen.py {category})\n",
                py.with_extension("out").display()
            ))
        }
    };
    let expected_err = fs::read_to_string(py.with_extension("err"))
        .ok()
        .map(|s| s.trim().to_string());

    let observed = match run_bactrian(file_name, source, timeout) {
        Ok(o) => o,
        Err(problem) => return Some(format!("    {problem}\n")),
    };

    let mut report = String::new();
    if observed.stdout != expected_out {
        report.push_str(&describe_stdout_diff(&expected_out, &observed.stdout));
    }
    let got_err = observed.error.as_ref().map(|(t, _, _)| t.as_str());
    if got_err != expected_err.as_deref() {
        let expected = match &expected_err {
            Some(t) => format!("uncaught {t}"),
            None => "no error".to_string(),
        };
        let got = match &observed.error {
            Some((t, msg, line)) => format!("{t}: {} (line {line})", shorten(msg)),
            None => "finished without error".to_string(),
        };
        let _ = writeln!(report, "    error: expected {expected}, got {got}");
    }
    if report.is_empty() {
        None
    } else {
        Some(report)
    }
}

/// Programs that do not conform yet, one `category/name.py` per line (`#` starts a
/// comment): a place to keep a case found before its fix lands. A listed program
/// that conforms fails the test, so the list only shrinks.
const KNOWN_FAILURES: &str = "tests/conformance/known_failures.txt";

fn known_failures() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(KNOWN_FAILURES);
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim().to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

fn programs_in(category: &str) -> Vec<PathBuf> {
    let dir = corpus_dir().join(category);
    let entries =
        fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut programs: Vec<PathBuf> = entries
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    programs.sort();
    programs
}

fn check_category(category: &str) {
    let filter = env::var("BACTRIAN_CONFORMANCE_FILTER").ok();
    let timeout = Duration::from_secs(
        env::var("BACTRIAN_CONFORMANCE_TIMEOUT_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(DEFAULT_TIMEOUT_SECS),
    );
    let programs = programs_in(category);
    assert!(!programs.is_empty(), "category {category} has no programs");

    let known = known_failures();
    let mut failures = Vec::new();
    let mut ran = 0;
    let mut still_known = 0;
    for py in &programs {
        let rel = format!("{category}/{}", py.file_name().unwrap().to_string_lossy());
        if filter.as_deref().is_some_and(|f| !rel.contains(f)) {
            continue;
        }
        ran += 1;
        let report = check_program(category, py, timeout);
        match (report, known.contains(&rel)) {
            (Some(_), true) => still_known += 1,
            (None, true) => failures.push(format!(
                "--- {rel}\n    now conforms: remove it from {KNOWN_FAILURES}\n"
            )),
            (Some(report), false) => failures.push(format!("--- {rel}\n{report}")),
            (None, false) => {}
        }
    }
    println!(
        "{category}: {} of {ran} programs conform ({still_known} known failures)",
        ran - failures.len() - still_known
    );
    if !failures.is_empty() {
        panic!(
            "{category}: {} of {ran} programs differ from CPython:\n\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

/// A new category directory must get a test function above, or it would be
/// silently skipped.
#[test]
fn every_category_directory_has_a_test() {
    let mut dirs: Vec<String> = fs::read_dir(corpus_dir())
        .expect("read conformance dir")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && !n.starts_with('_'))
        .collect();
    dirs.sort();
    let mut listed: Vec<String> = CATEGORIES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(
        dirs, listed,
        "category directories and the categories! list in tests/conformance.rs disagree"
    );
}

/// Re-derives every stored expectation with the local CPython.
#[test]
fn expectations_match_cpython() {
    if env::var_os("BACTRIAN_SKIP_CPYTHON").is_some() {
        println!("skipped: BACTRIAN_SKIP_CPYTHON is set");
        return;
    }
    let has_python = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_python {
        println!("skipped: python3 is not on PATH");
        return;
    }
    let dir = corpus_dir();
    let output = Command::new("python3")
        .arg(dir.join("regen.py"))
        .arg("--check")
        .current_dir(&dir)
        .output()
        .expect("run regen.py --check");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{}", stdout.trim_end());
    assert!(
        output.status.success(),
        "stored expectations differ from CPython (fix the program or run \
         `python3 tests/conformance/regen.py`):\n{stdout}{stderr}"
    );
}
