//! Compiles `bpf/sensor.bpf.c` with clang into `$OUT_DIR/sensor.bpf.o`, which the crate
//! embeds. Without clang or the libbpf headers the crate still builds: this script prints a
//! cargo warning and sets `cfg(sensor_no_bpf)`, and `Sensor::load()` then says what to install.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

const SOURCE: &str = "bpf/sensor.bpf.c";
const HEADER_DIRS: [&str; 2] = ["/usr/include", "/usr/local/include"];
const CLANG_NAMES: [&str; 2] = ["clang-19", "clang"];

fn main() {
    println!("cargo::rustc-check-cfg=cfg(sensor_no_bpf)");
    println!("cargo::rerun-if-changed={SOURCE}");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=BACTRIAN_SENSOR_CLANG");

    println!("cargo::rerun-if-env-changed=PATH");

    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let object = out.join("sensor.bpf.o");
    // Watch the files the build depends on, so that installing clang or the headers later
    // (as `make` does) builds the programs at the next `cargo build`: a path that does not
    // exist yet makes cargo run this script again every time, until it does.
    for path in toolchain_files() {
        println!("cargo::rerun-if-changed={}", path.display());
    }
    if let Err(why) = compile(&object) {
        println!(
            "cargo::warning=bactrian-sensor: eBPF programs not built ({why}); \
             the sensor will report itself unavailable. `make` installs clang-19 and libbpf-dev."
        );
        println!("cargo::rustc-cfg=sensor_no_bpf");
    }
}

/// The clang binary and libbpf header this script would use: the ones found, or, when one is
/// missing, every place it could appear.
fn toolchain_files() -> Vec<PathBuf> {
    let headers: Vec<PathBuf> = HEADER_DIRS
        .iter()
        .map(|dir| Path::new(dir).join("bpf/bpf_helpers.h"))
        .collect();
    let header = headers.iter().find(|h| h.exists()).cloned();
    let path_dirs: Vec<PathBuf> = env::var_os("PATH")
        .map(|p| env::split_paths(&p).collect())
        .unwrap_or_default();
    let clangs: Vec<PathBuf> = path_dirs
        .iter()
        .flat_map(|dir| CLANG_NAMES.iter().map(move |name| dir.join(name)))
        .collect();
    let clang = clangs.iter().find(|c| c.exists()).cloned();
    let mut files = Vec::new();
    files.extend(header.map_or(headers, |h| vec![h]));
    files.extend(clang.map_or(clangs, |c| vec![c]));
    files
}

fn compile(object: &Path) -> Result<(), String> {
    let clang = find_clang().ok_or("no clang-19 or clang on PATH")?;
    let headers = HEADER_DIRS
        .iter()
        .any(|dir| Path::new(dir).join("bpf/bpf_helpers.h").exists());
    if !headers {
        return Err("libbpf headers (bpf/bpf_helpers.h) not found".into());
    }
    let mut cmd = Command::new(&clang);
    cmd.args(["-target", "bpf", "-O2", "-g", "-Wall"]);
    // <linux/types.h> pulls <asm/types.h>, which Debian keeps under the multiarch directory.
    if let Some(triple) = multiarch() {
        cmd.arg(format!("-I/usr/include/{triple}"));
    }
    cmd.arg("-c").arg(SOURCE).arg("-o").arg(object);
    let output = cmd.output().map_err(|e| format!("running {clang}: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        // Show the compiler's complaint: a real error in the C must not pass unnoticed.
        for line in stderr.lines().take(20) {
            println!("cargo::warning={line}");
        }
        return Err(format!("{clang} failed ({})", output.status));
    }
    Ok(())
}

fn find_clang() -> Option<String> {
    let candidates = env::var("BACTRIAN_SENSOR_CLANG")
        .ok()
        .into_iter()
        .chain(CLANG_NAMES.iter().map(|name| name.to_string()));
    for candidate in candidates {
        let ok = Command::new(&candidate)
            .arg("--version")
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        if ok {
            return Some(candidate);
        }
    }
    None
}

fn multiarch() -> Option<&'static str> {
    let arch = env::var("CARGO_CFG_TARGET_ARCH").ok()?;
    let triple = match arch.as_str() {
        "x86_64" => "x86_64-linux-gnu",
        "aarch64" => "aarch64-linux-gnu",
        "riscv64" => "riscv64-linux-gnu",
        "powerpc64" => "powerpc64le-linux-gnu",
        "s390x" => "s390x-linux-gnu",
        _ => return None,
    };
    Some(triple)
}
