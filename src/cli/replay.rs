//! `bactrian replay`: re-run a recorded program offline and re-judge it under other policies.

use super::exit;
use bactrian_engine::record::{verify, Record};
use bactrian_engine::replay;
use bactrian_policy::PolicySet;
use clap::Args;
use std::path::PathBuf;

#[derive(Args)]
pub struct ReplayArgs {
    /// The record to replay.
    pub record: PathBuf,
    /// Judge every recorded call again under these policies (.rego, .yaml) and report which
    /// decisions change.
    #[arg(long = "policy", value_name = "FILE")]
    pub policies: Vec<PathBuf>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: ReplayArgs) -> i32 {
    // A record that does not verify is not evidence of anything.
    let check = verify(&args.record, None);
    if !check.ok && check.complete {
        eprintln!(
            "bactrian: {} does not verify: {}",
            args.record.display(),
            check.summary()
        );
        return exit::RAISED;
    }
    let record = match Record::load(&args.record) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("bactrian: {e}");
            return exit::USAGE;
        }
    };
    let policies = if args.policies.is_empty() {
        None
    } else {
        match PolicySet::load(&args.policies) {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("bactrian: {e}");
                return exit::USAGE;
            }
        }
    };
    let report = match replay(&record, policies.as_ref()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("bactrian: cannot replay {}: {e}", args.record.display());
            return exit::USAGE;
        }
    };
    if args.json {
        println!(
            "{}",
            serde_json::json!({"complete": check.complete, "report": report})
        );
    } else {
        if !check.complete {
            println!("note: the record is incomplete (the run did not finish); replaying its verified prefix");
        }
        match &report.divergence {
            None => println!(
                "identical: all {} steps replayed and matched",
                report.replayed_nodes
            ),
            Some(d) => println!("diverged: {d}"),
        }
        if policies.is_some() {
            println!(
                "re-judged {} call{}: {} decision{} change",
                report.rejudged,
                if report.rejudged == 1 { "" } else { "s" },
                report.changed.len(),
                if report.changed.len() == 1 { "" } else { "s" }
            );
            for c in &report.changed {
                println!("  {} {}: {} -> {}", c.call, c.tool, c.recorded, c.now);
                for r in &c.reasons {
                    println!("    {}: {}", r.policy, r.message);
                }
            }
        }
    }
    if report.identical {
        exit::OK
    } else {
        exit::RAISED
    }
}
