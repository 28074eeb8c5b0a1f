//! `bactrian run` and `bactrian check`.

use super::exit;
use bactrian_agent_config::{AgentConfig, Approve};
use bactrian_engine::{Approval, Approver, CallRecord, Engine, InProcessTools, ToolSet};
use bactrian_interpreter::{check, check_for_agent, Config, Inspect, Mode, RunOutcome, ToolCall};
use bactrian_policy::{Reason, Verdict};
use clap::Args;
use serde_json::json;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

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
    /// The agent whose tools and policies the plan runs with.
    #[arg(long, value_name = "agent.yaml")]
    pub agent: Option<PathBuf>,
    /// The user's request: trusted, and the values it names become trusted values.
    #[arg(long, default_value = "")]
    pub query: String,
    /// Write every step of the run into this signed record.
    #[arg(long, value_name = "FILE")]
    pub record: Option<PathBuf>,
    /// How `ask` decisions are answered: `prompt` asks on the terminal (the default when
    /// stdin is a terminal), `always` approves, `never` denies (the default otherwise).
    #[arg(long, value_name = "always|never|prompt")]
    pub approve: Option<String>,
}

#[derive(Args)]
pub struct CheckArgs {
    /// The plan to check.
    pub plan: PathBuf,
    /// Print the problems as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also report calls to tools this agent does not have and unknown keyword arguments.
    #[arg(long, value_name = "agent.yaml")]
    pub agent: Option<PathBuf>,
}

fn read_plan(path: &Path) -> Result<String, i32> {
    let cap = bactrian_interpreter::Limits::default().max_source_bytes;
    bactrian_agent_config::read_capped_text(path, cap, "a plan").map_err(|e| {
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
        inspect: Inspect::Names(vec!["result".into()]),
        ..Config::default()
    };
    let name = args.plan.display().to_string();
    let executed = match &args.agent {
        None => {
            let mut engine = Engine::new(InProcessTools::new());
            engine.config = config;
            execute(
                &mut engine,
                &args,
                &name,
                &source,
                args.record.clone().map(|path| RecordTo {
                    path,
                    key: None,
                    max_size: None,
                }),
            )
        }
        Some(path) => run_agent(path, &args, &name, &source),
    };
    let (outcome, calls, record) = match executed {
        Ok(r) => r,
        Err(message) => {
            if args.json {
                println!(
                    "{}",
                    json!({"status": "error", "result": null, "stdout": "", "tool_calls": [], "error": {"type_name": "ConfigurationError", "message": message}, "record": null})
                );
            } else {
                eprintln!("bactrian: {message}");
            }
            return exit::USAGE;
        }
    };
    let code = exit_code(&outcome);
    if args.json {
        println!("{}", json_outcome(&outcome, &calls, record.as_deref()));
    } else {
        for line in refusal_lines(&calls) {
            eprintln!("{line}");
        }
        print!("{}", outcome.stdout);
        if let Some(e) = &outcome.error {
            if e.fatal.is_some() {
                // Not a Python exception: the run was stopped from outside the plan.
                eprintln!("{}: {} (line {})", e.type_name, e.message, e.line);
            } else {
                eprint!("{}", e.traceback_text(&name));
            }
        }
    }
    code
}

fn run_agent(
    path: &PathBuf,
    args: &RunArgs,
    name: &str,
    source: &str,
) -> Result<(RunOutcome, Vec<CallRecord>, Option<PathBuf>), String> {
    let mut config = AgentConfig::load(path).map_err(|e| e.to_string())?;
    if args.normal {
        config.llm.mode = bactrian_agent_config::Mode::Normal;
    }
    let interactive = std::io::stdin().is_terminal();
    match args.approve.as_deref() {
        None => {
            if interactive && config.policy.approve == Approve::Never {
                config.policy.approve = Approve::Prompt;
            }
        }
        Some("always") => config.policy.approve = Approve::Always,
        Some("never") => config.policy.approve = Approve::Never,
        Some("prompt") => config.policy.approve = Approve::Prompt,
        Some(other) => {
            return Err(format!(
                "--approve takes always, never or prompt, not '{other}'"
            ))
        }
    }
    let prompt: Option<Box<dyn Approver + Send>> = if interactive {
        Some(Box::new(TerminalApprover))
    } else {
        None
    };
    let record_path = args.record.clone().or_else(|| {
        config.record.path.as_ref().map(|p| {
            let stamp = time_stamp();
            PathBuf::from(p.display().to_string().replace("{timestamp}", &stamp))
        })
    });
    let key = match &config.record.key {
        Some(k) => Some(bactrian_engine::record::load_signing_key(k).map_err(|e| e.to_string())?),
        None => None,
    };
    let max_size = config.record.max_size;
    let mut engine = Engine::from_agent(config, prompt).map_err(|e| e.to_string())?;
    let record = record_path.map(|path| RecordTo {
        path,
        key,
        max_size,
    });
    execute(&mut engine, args, name, source, record)
}

/// Where a run is recorded, signed by which key, and how large the record may grow.
struct RecordTo {
    path: PathBuf,
    key: Option<ed25519_dalek::SigningKey>,
    max_size: Option<u64>,
}

/// Runs a plan on an engine, recording it when asked.
fn execute<T: ToolSet + Send>(
    engine: &mut Engine<T>,
    args: &RunArgs,
    name: &str,
    source: &str,
    record: Option<RecordTo>,
) -> Result<(RunOutcome, Vec<CallRecord>, Option<PathBuf>), String> {
    let Some(RecordTo {
        path,
        key,
        max_size,
    }) = record
    else {
        let report = engine.run(name, source, &args.query);
        return Ok((report.outcome, report.tool_calls, None));
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let mut writer =
        bactrian_engine::record::RecordWriter::create(&path, &engine.agent, key.as_ref())
            .map_err(|e| e.to_string())?;
    if let Some(bytes) = max_size {
        writer.set_max_size(bytes);
    }
    let (report, recorder) = engine.run_recorded(name, source, &args.query, Box::new(writer));
    recorder
        .finish()
        .map_err(|e| format!("the record {} could not be finished: {e}", path.display()))?;
    Ok((report.outcome, report.tool_calls, Some(path)))
}

/// UTC time as `20261125T034500Z`, for `{timestamp}` in record paths.
fn time_stamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// One stderr line per policy that stopped a call: for a denied call, the policies that
/// denied it (never one that allowed it); for an `ask` nobody approved, the policies that
/// asked.
fn refusal_lines(calls: &[CallRecord]) -> Vec<String> {
    let mut lines = Vec::new();
    for c in calls {
        let (verdict, how) = match (c.decision, c.approval) {
            (Verdict::Deny, _) => (Verdict::Deny, "denied by"),
            (Verdict::Ask, Some("deny")) => (Verdict::Ask, "not approved; asked by"),
            _ => continue,
        };
        for r in c.reasons.iter().filter(|r| r.verdict == verdict) {
            lines.push(format!(
                "bactrian: {} (call {}) {how} {}: {}",
                c.tool, c.id, r.policy, r.message
            ));
        }
    }
    lines
}

/// Asks the person at the terminal.
struct TerminalApprover;

impl Approver for TerminalApprover {
    fn approve(&mut self, call: &ToolCall, reasons: &[Reason]) -> Approval {
        let mut err = std::io::stderr();
        let _ = writeln!(
            err,
            "bactrian: {} (call {}, line {}) needs approval:",
            call.tool, call.id, call.line
        );
        for r in reasons {
            let _ = writeln!(err, "  {}: {}", r.policy, r.message);
        }
        let _ = write!(
            err,
            "allow [o]nce, allow for the [r]est of the run, or [N]o? "
        );
        let _ = err.flush();
        let mut answer = String::new();
        if std::io::stdin().lock().read_line(&mut answer).is_err() {
            return Approval::Deny;
        }
        match answer.trim() {
            "o" | "once" | "y" | "yes" => Approval::Once,
            "r" | "rest" => Approval::ForRun,
            _ => Approval::Deny,
        }
    }
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
pub fn json_outcome(
    outcome: &RunOutcome,
    calls: &[CallRecord],
    record: Option<&std::path::Path>,
) -> serde_json::Value {
    let result = outcome
        .variable("result")
        .map(|v| json!({"repr": v.repr, "trusted": v.label.is_trusted(), "sources": v.label.sources, "readers": v.label.readers}))
        .unwrap_or(serde_json::Value::Null);
    json!({
        "status": status(outcome),
        "result": result,
        "stdout": outcome.stdout,
        "tool_calls": calls,
        "error": outcome.error,
        "record": record.map(|p| p.display().to_string()),
    })
}

pub fn check_plan(args: CheckArgs) -> i32 {
    let source = match read_plan(&args.plan) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let problems = match &args.agent {
        None => check(&source, &[]),
        Some(path) => match AgentConfig::load(path) {
            Ok(config) => check_for_agent(&source, &bactrian_engine::callable_tools(&config)),
            Err(e) => {
                eprintln!("bactrian: {e}");
                return exit::USAGE;
            }
        },
    };
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
