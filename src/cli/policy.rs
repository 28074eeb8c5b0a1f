//! `bactrian policy eval` and `bactrian policy test`.

use clap::Subcommand;

#[derive(Subcommand)]
pub enum PolicyCommand {}

pub fn run(cmd: PolicyCommand) -> i32 {
    match cmd {}
}
