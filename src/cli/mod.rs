//! Command-line surface: parses arguments with clap and hands each subcommand to its module.

use clap::{Parser, Subcommand};

mod policy;

#[derive(Parser)]
#[command(name = "bactrian", version, about = "Run planner-written Python safely")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Policy tools: evaluate a decision, run policy tests.
    #[command(subcommand)]
    Policy(policy::PolicyCommand),
}

/// Runs the CLI and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return code;
        }
    };
    match cli.command {
        Command::Policy(cmd) => policy::run(cmd),
    }
}
