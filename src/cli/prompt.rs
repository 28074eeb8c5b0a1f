//! `bactrian prompt`: the planner's system prompt for an agent.

use super::exit;
use bactrian_agent_config::AgentConfig;
use clap::Args;
use std::path::PathBuf;

#[derive(Args)]
pub struct PromptArgs {
    /// The agent whose tools the prompt describes.
    #[arg(long, value_name = "agent.yaml")]
    pub agent: PathBuf,
}

/// Prints the prompt; a bad agent file (or an MCP server that cannot list its tools) is a
/// configuration error, exit 2.
pub fn run(args: PromptArgs) -> i32 {
    let prompt = AgentConfig::load(&args.agent)
        .map_err(|e| e.to_string())
        .and_then(|config| bactrian_engine::agent_prompt(&config).map_err(|e| e.to_string()));
    match prompt {
        Ok(text) => {
            print!("{text}");
            exit::OK
        }
        Err(message) => {
            eprintln!("bactrian: {message}");
            exit::USAGE
        }
    }
}
