//! Link settings that shorten the `bactrian` binary's start, which is most of a plan-sized
//! run (bench/README.md, round 10). Each is probed first: a toolchain that lacks it builds
//! the binary as before.
//!
//! - Relative relocations packed (`-z pack-relative-relocs`, DT_RELR, glibc 2.36+): the
//!   60,000 relocations the loader applies at every start (pointers in constant tables)
//!   take 24 KB instead of 1.4 MB.
//! - The unwinder linked in from `libgcc_eh.a` rather than loaded from `libgcc_s.so`: the
//!   shared library's constructor asks the processor for its features a dozen times, and
//!   each `cpuid` is a trap to the hypervisor on a virtual machine (~7 µs here).

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CC");
    let linux_gnu = std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu");
    let static_crt = std::env::var("CARGO_CFG_TARGET_FEATURE")
        .is_ok_and(|features| features.split(',').any(|f| f == "crt-static"));
    if !linux_gnu || static_crt {
        return;
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_owned());
    if links_and_runs(&cc, &out, &["-Wl,-z,pack-relative-relocs"]) {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    if let Some(dir) = static_unwinder(&cc, &out) {
        println!("cargo:rustc-link-search=native={}", dir.display());
    }
}

/// A directory holding `libgcc_s.a`, a copy of the compiler's `libgcc_eh.a` (a copy, not a
/// link, so that a compiler upgrade leaves no dangling name): the standard library asks for
/// `-lgcc_s`, and the linker, finding an archive in this directory before the shared
/// library in the system's, links the unwinder in.
fn static_unwinder(cc: &str, out: &Path) -> Option<PathBuf> {
    let printed = Command::new(cc)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()?;
    let archive = PathBuf::from(String::from_utf8(printed.stdout).ok()?.trim());
    // The compiler prints the bare name when it has no such archive.
    if !archive.is_absolute() || !archive.is_file() {
        return None;
    }
    let dir = out.join("static-unwinder");
    std::fs::create_dir_all(&dir).ok()?;
    let copy = dir.join("libgcc_s.a");
    // Removed first: copying onto a symbolic link (an earlier build's) would write through
    // it, into the compiler's own archive.
    let _ = std::fs::remove_file(&copy);
    std::fs::copy(&archive, &copy).ok()?;
    let search = format!("-L{}", dir.display());
    links_and_runs(cc, out, &[&search, "-lgcc_s"]).then_some(dir)
}

/// Whether a C program linked with `flags` links and runs.
fn links_and_runs(cc: &str, out: &Path, flags: &[&str]) -> bool {
    let source = out.join("probe.c");
    let program = out.join("probe");
    if std::fs::write(&source, "int main(void) { return 0; }\n").is_err() {
        return false;
    }
    let linked = Command::new(cc)
        .arg(&source)
        .arg("-o")
        .arg(&program)
        .args(flags)
        .output()
        .is_ok_and(|o| o.status.success());
    linked && Command::new(&program).status().is_ok_and(|s| s.success())
}
