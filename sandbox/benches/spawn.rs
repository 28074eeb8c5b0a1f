//! The cost of starting a tool in its sandbox against a bare spawn of the same program
//! (goal: under 5 ms extra per call). Run as root: `cargo bench -p bactrian-sandbox`.

use bactrian_sandbox::{Profile, Sandbox};
use criterion::{criterion_group, criterion_main, Criterion};
use std::process::{Command, Stdio};
use std::time::Duration;

fn spawn(c: &mut Criterion) {
    let argv = vec!["/bin/true".to_string()];
    let mut group = c.benchmark_group("spawn /bin/true");
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("bare", |b| {
        b.iter(|| {
            Command::new("/bin/true")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .status()
                .expect("spawn")
        })
    });
    let sandbox = Sandbox::new();
    if sandbox.landlock_abi() == 0 {
        eprintln!("no Landlock here: only the bare spawn was measured");
        return;
    }
    let isolated = Profile::default();
    let ports = Profile {
        connect: vec![443],
        ..Profile::default()
    };
    for (name, profile) in [
        ("sandboxed, isolated network", &isolated),
        ("sandboxed, TCP port rules", &ports),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut tool = sandbox.spawn(&argv, profile, "bench", &[]).expect("spawn");
                let status = tool.wait_timeout(Duration::from_secs(5)).expect("wait");
                tool.finish(status)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, spawn);
criterion_main!(benches);
