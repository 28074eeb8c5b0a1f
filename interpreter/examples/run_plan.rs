//! Runs a plan file with no tools: `cargo run -p bactrian-interpreter --example run_plan -- plan.py`.
//!
//! `run_plan --batch` is the differential tester's entry point
//! (`tests/conformance/difftest/`): it reads plan paths from stdin, one per line, runs each one
//! and answers with one JSON line per plan, in order:
//! `{"path": ..., "stdout": ..., "error": null | {"type": ..., "message": ...}, "panic": null | ...}`.
//! One process runs thousands of plans, so the tester is not dominated by process start-up; each
//! plan runs on its own thread with a large stack and a panic is reported, not fatal.
use std::io::{BufRead, Write};
use std::panic::{self, AssertUnwindSafe};
use std::time::Duration;

use bactrian_interpreter::{Config, Inspect, Interpreter, Limits};

/// A tree-walking interpreter recurses deeply; CPython's default recursion limit needs more
/// than a default thread stack.
const STACK_BYTES: usize = 256 * 1024 * 1024;
/// Generated plans finish in milliseconds; one that runs longer has hit a hang.
const BATCH_TIME_LIMIT: Duration = Duration::from_secs(5);

fn main() {
    let Some(arg) = std::env::args().nth(1) else {
        eprintln!("usage: run_plan PLAN.py | run_plan --batch < PATHS");
        std::process::exit(2);
    };
    if arg == "--batch" {
        run_batch();
        return;
    }
    let source = read_source(&arg).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2);
    });
    let config = Config {
        inspect: Inspect::Names(vec!["result".into()]),
        ..Config::default()
    };
    let outcome = Interpreter::new(config).run(&arg, &source);
    print!("{}", outcome.stdout);
    if let Some(e) = outcome.error {
        eprint!("{}", e.traceback_text(&arg));
        std::process::exit(1);
    }
}

fn read_source(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn run_batch() {
    // The panics are reported in the JSON answer; the default hook would also print them.
    panic::set_hook(Box::new(|_| {}));
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let Ok(path) = line else { break };
        if path.is_empty() {
            continue;
        }
        let answer = run_one_isolated(&path);
        let written = writeln!(stdout, "{answer}").and_then(|_| stdout.flush());
        if written.is_err() {
            break;
        }
    }
}

/// Runs one plan on its own thread and describes what happened as a JSON object.
fn run_one_isolated(path: &str) -> serde_json::Value {
    let owned_path = path.to_string();
    let joined = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || panic::catch_unwind(AssertUnwindSafe(|| run_one(&owned_path))))
        .map_err(|e| format!("could not spawn a thread: {e}"))
        .and_then(|handle| handle.join().map_err(|_| "thread died".to_string()));
    match joined {
        Ok(Ok(answer)) => answer,
        Ok(Err(payload)) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "non-string panic payload".to_string());
            serde_json::json!({"path": path, "stdout": "", "error": null, "panic": message})
        }
        Err(message) => {
            serde_json::json!({"path": path, "stdout": "", "error": null, "panic": message})
        }
    }
}

fn run_one(path: &str) -> serde_json::Value {
    let source = match read_source(path) {
        Ok(source) => source,
        Err(e) => return serde_json::json!({"path": path, "stdout": "", "error": null, "panic": e}),
    };
    let config = Config {
        inspect: Inspect::Names(vec![]),
        limits: Limits {
            max_time: BATCH_TIME_LIMIT,
            ..Limits::default()
        },
        ..Config::default()
    };
    let outcome = Interpreter::new(config).run(path, &source);
    let error = outcome
        .error
        .map(|e| serde_json::json!({"type": e.type_name, "message": e.message}));
    serde_json::json!({"path": path, "stdout": outcome.stdout, "error": error, "panic": null})
}
