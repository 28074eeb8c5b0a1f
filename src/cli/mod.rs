//! Command-line surface: parses arguments with clap and hands each subcommand to its module.

use clap::{Args, FromArgMatches, Parser, Subcommand};

mod doctor;
mod policy;
mod prompt;
mod record;
mod replay;
pub(crate) mod run;

/// Exit codes of the CLI contract.
pub mod exit {
    pub const OK: i32 = 0;
    pub const RAISED: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const DENIED: i32 = 3;
    pub const STOPPED: i32 = 4;
}

#[derive(Parser)]
#[command(
    name = "bactrian",
    version,
    about = "Run planner-written Python safely"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a plan.
    Run(run::RunArgs),
    /// List every syntax error and unsupported construct in a plan, running nothing.
    Check(run::CheckArgs),
    /// Policy tools: evaluate a decision, run policy tests.
    #[command(subcommand)]
    Policy(policy::PolicyCommand),
    /// Generate an ed25519 key pair for signing records.
    Keygen(record::KeygenArgs),
    /// Verify a record offline: every hash, the chain, and the signature.
    Verify(record::VerifyArgs),
    /// Print a record's provenance graph (Graphviz DOT or JSON).
    Graph(record::GraphArgs),
    /// Re-run a recorded program offline from its recorded tool results; re-judge its calls.
    Replay(replay::ReplayArgs),
    /// Which kernel features are here (Landlock, cgroups, eBPF), and what that means.
    Doctor(doctor::DoctorArgs),
    /// Serve the engine over HTTP (Unix socket, or TCP with tokens) for agent runtimes.
    Serve(crate::serve::ServeArgs),
    /// Print the planner's system prompt for an agent: its tools and the Python it may write.
    Prompt(prompt::PromptArgs),
}

/// Runs the CLI and returns the process exit code.
pub fn main() -> i32 {
    if let Some(args) = run_args() {
        return run::run(args);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return code;
        }
    };
    match cli.command {
        Command::Run(args) => run::run(args),
        Command::Check(args) => run::check_plan(args),
        Command::Policy(cmd) => policy::run(cmd),
        Command::Keygen(args) => record::keygen(args),
        Command::Verify(args) => record::verify(args),
        Command::Graph(args) => record::graph(args),
        Command::Replay(args) => replay::run(args),
        Command::Doctor(args) => doctor::run(args),
        Command::Serve(args) => crate::serve::run(args),
        Command::Prompt(args) => prompt::run(args),
    }
}

/// The arguments of `bactrian run ...`, parsed by a parser of `run` alone: building the
/// whole command (every subcommand and its arguments) took more instructions than parsing.
/// `None` for any other command, and for a `run` whose arguments do not parse (or ask for
/// help), which the whole parser then parses and reports, as it would have anyway.
fn run_args() -> Option<run::RunArgs> {
    let mut args = std::env::args_os().skip(1);
    if args.next()? != "run" {
        return None;
    }
    let command = run::RunArgs::augment_args(clap::Command::new("run"));
    let matches = command
        .try_get_matches_from(std::env::args_os().skip(1))
        .ok()?;
    run::RunArgs::from_arg_matches(&matches).ok()
}
