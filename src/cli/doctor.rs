//! `bactrian doctor`: which kernel features are here, and what they mean for each profile.

use super::exit;
use bactrian_agent_config::{AgentConfig, Enforce};
use clap::Args;
use serde_json::json;
use std::path::PathBuf;

#[derive(Args)]
pub struct DoctorArgs {
    /// Also say how each sandbox profile of this agent will run.
    #[arg(long, value_name = "agent.yaml")]
    pub agent: Option<PathBuf>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: DoctorArgs) -> i32 {
    let sandbox = bactrian_sandbox::doctor();
    let sensor = bactrian_engine::sensor_probe();
    let config = match &args.agent {
        Some(path) => match AgentConfig::load(path) {
            Ok(c) => Some(c),
            Err(e) => {
                eprintln!("{e}");
                return exit::USAGE;
            }
        },
        None => None,
    };
    let landlock = match sandbox.landlock_abi {
        0 => "missing: tools under `enforce: required` are refused; `best_effort` runs them unfenced".to_string(),
        abi if abi >= 6 => format!("ABI {abi}: files, TCP ports, signal and abstract-socket scoping enforced"),
        abi if abi >= 4 => format!("ABI {abi}: files and TCP ports enforced; signals and abstract sockets not scoped (ABI 6)"),
        abi => format!("ABI {abi}: files enforced; TCP ports need ABI 4 (Linux 6.7)"),
    };
    let cgroup = match &sandbox.cgroup_v2 {
        Some(dir) if sandbox.root => format!("{}: a cgroup per call (sensor attribution, cgroup.kill)", dir.display()),
        Some(dir) => format!("{}: not root, so no cgroup per call (limits by rlimit, kill by process group)", dir.display()),
        None => "not mounted: limits by rlimit, kill by process group; the sensor cannot attribute events".into(),
    };
    let limit = |c: &Option<String>, what: &str| match c {
        Some(c) if sandbox.root => format!("{c}: `{what}` is a cgroup limit"),
        _ => format!("no controller: `{what}` falls back to an rlimit"),
    };
    let network = if sandbox.root {
        "root: a tool that may connect nowhere gets its own network namespace (no TCP, UDP or abstract sockets)"
    } else {
        "not root: network fenced by Landlock TCP rules only (UDP is not covered)"
    };
    let profiles: Vec<(String, String)> = config
        .as_ref()
        .map(|c| {
            c.sandbox
                .profiles
                .keys()
                .map(|name| {
                    let verdict = match (sandbox.landlock_abi, c.sandbox.enforce) {
                        (0, Enforce::Required) => {
                            "refused: Landlock is missing and enforce is required"
                        }
                        (0, Enforce::BestEffort) => {
                            "runs unfenced (best_effort), and the record says so"
                        }
                        (abi, _) if abi >= 6 => "enforced in full",
                        _ => "enforced in part (see Landlock above)",
                    };
                    (name.clone(), verdict.to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    let sensor_mode = config.as_ref().map(|c| c.sensor.mode);
    if args.json {
        let body = json!({
            "landlock_abi": sandbox.landlock_abi,
            "root": sandbox.root,
            "cgroup_v2": sandbox.cgroup_v2,
            "pids_controller": sandbox.pids_controller,
            "memory_controller": sandbox.memory_controller,
            "sensor": {"loads": sensor.is_ok(), "reason": sensor.as_ref().err()},
            "profiles": profiles.iter().map(|(n, v)| json!({"name": n, "runs": v})).collect::<Vec<_>>(),
        });
        println!("{body}");
        return exit::OK;
    }
    println!("Landlock     {landlock}");
    println!("cgroup v2    {cgroup}");
    println!(
        "pids         {}",
        limit(&sandbox.pids_controller, "processes")
    );
    println!(
        "memory       {}",
        limit(&sandbox.memory_controller, "memory")
    );
    println!("network      {network}");
    match (&sensor, sensor_mode) {
        (Ok(what), _) => println!("eBPF sensor  {what}"),
        (Err(why), Some(bactrian_agent_config::SensorMode::Required)) => {
            println!("eBPF sensor  cannot load ({why}): this agent (sensor.mode: required) will refuse to run")
        }
        (Err(why), _) => {
            println!("eBPF sensor  cannot load ({why}): runs go on without it (sensor.mode: auto)")
        }
    }
    for (name, verdict) in &profiles {
        println!("profile {name:<12} {verdict}");
    }
    exit::OK
}
