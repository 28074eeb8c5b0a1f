//! Helpers shared by the end-to-end tests of the `bactrian` binary.
// Each test file uses some of these.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs the `bactrian` binary in `dir`.
pub fn bactrian(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bactrian"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the bactrian binary runs")
}

/// Whether the tests run as root (cgroups, network namespaces, eBPF).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(2) == Some("0"))
}

/// Whether `name` is set to something (make test sets the BACTRIAN_REQUIRE_* variables
/// under CI, where a skip must fail).
pub fn required(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty())
}
