//! `bactrian run` and `bactrian check`.

use super::exit;
use bactrian_interpreter::{check, Config, Interpreter, Mode, RunOutcome};
use clap::Args;
use serde_json::json;
use std::path::PathBuf;

#[derive(Args)]
pub struct RunArgs {
    /// The plan to run.
    pub plan: PathBuf,
    /// Print one JSON object instead of the plan's output.
    #[arg(long)]
    pub json: bool,
    /// Track data flow only (default: strict, data and control flow).
    #[arg(long)]
    pub normal: bool,
}

#[derive(Args)]
pub struct CheckArgs {
    /// The plan to check.
    pub plan: PathBuf,
    /// Print the problems as JSON.
    #[arg(long)]
    pub json: bool,
}

fn read_plan(path: &PathBuf) -> Result<String, i32> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!("bactrian: cannot read {}: {e}", path.display());
        exit::USAGE
    })
}

pub fn run(args: RunArgs) -> i32 {
    let source = match read_plan(&args.plan) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let config = Config {
        mode: if args.normal {
            Mode::Normal
        } else {
            Mode::Strict
        },
        ..Config::default()
    };
    let name = args.plan.display().to_string();
    let outcome = Interpreter::new(config).run(&name, &source);
    let code = exit_code(&outcome);
    if args.json {
        println!("{}", json_outcome(&outcome, &name));
    } else {
        print!("{}", outcome.stdout);
        if let Some(e) = &outcome.error {
            eprint!("{}", e.traceback_text(&name));
        }
    }
    code
}

/// The exit code of the CLI contract for a finished run.
pub fn exit_code(outcome: &RunOutcome) -> i32 {
    match &outcome.error {
        None => exit::OK,
        Some(e) => match &e.fatal {
            Some(bactrian_interpreter::Fatal::PolicyViolation { .. }) => exit::DENIED,
            Some(bactrian_interpreter::Fatal::Stopped { .. }) => exit::STOPPED,
            _ => exit::RAISED,
        },
    }
}

fn status(outcome: &RunOutcome) -> &'static str {
    match exit_code(outcome) {
        exit::OK => "ok",
        exit::DENIED => "denied",
        exit::STOPPED => "stopped",
        _ => "error",
    }
}

/// The one JSON object `--json` prints.
pub fn json_outcome(outcome: &RunOutcome, _name: &str) -> serde_json::Value {
    let result = outcome
        .variable("result")
        .map(|v| json!({"repr": v.repr, "trusted": v.label.is_trusted(), "sources": v.label.sources, "readers": v.label.readers}))
        .unwrap_or(serde_json::Value::Null);
    json!({
        "status": status(outcome),
        "result": result,
        "stdout": outcome.stdout,
        "tool_calls": [],
        "error": outcome.error,
        "record": serde_json::Value::Null,
    })
}

pub fn check_plan(args: CheckArgs) -> i32 {
    let source = match read_plan(&args.plan) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let problems = check(&source, &[]);
    let name = args.plan.display();
    if args.json {
        println!(
            "{}",
            json!({"ok": problems.is_empty(), "problems": problems})
        );
    } else if problems.is_empty() {
        println!("{name}: ok");
    } else {
        for p in &problems {
            println!("{name}:{}:{}: {}: {}", p.line, p.col, p.kind, p.message);
        }
        println!(
            "{} problem{} found; nothing was run",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
    }
    if problems.is_empty() {
        exit::OK
    } else {
        exit::USAGE
    }
}
