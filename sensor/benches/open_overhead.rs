//! What the sensor costs a tool, timed without the sensor, with it loaded but not watching
//! the child's cgroup, and watching it (events drained in batches every few milliseconds, as
//! the engine does). Two workloads: the worst case, a child doing 100,000 opens in a tight
//! loop; and a realistic tool, `python3` starting and importing a few modules (hundreds of
//! opens, several execs). Needs root; prints why it skips otherwise.
//!
//! `cargo bench -p bactrian-sensor --bench open_overhead`

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use bactrian_sensor::Sensor;
use common::Leaf;

const OPENS: u64 = 100_000;
const RUNS: usize = 9;

fn time_loop(leaf: &Leaf, path: &Path) -> Duration {
    let start = Instant::now();
    let status = common::open_loop(leaf, path, OPENS);
    let elapsed = start.elapsed();
    assert!(status.success(), "open loop failed: {status}");
    elapsed
}

/// The realistic tool: an interpreter start with imports, as a JSON-protocol tool does.
const PYTHON: &str = "/usr/bin/python3";
const TOOL_RUNS: usize = 21;

fn time_python(leaf: &Leaf) -> Duration {
    let mut cmd = leaf.command(PYTHON);
    cmd.args(["-c", "import json, email.parser, http.client, decimal, csv"]);
    let start = Instant::now();
    let status = cmd.status().expect("run python3");
    assert!(status.success(), "python3 failed: {status}");
    start.elapsed()
}

/// Runs `work` while a consumer drains the watch in batches, as the engine's wait loop does.
fn drained_while<T>(watch: &bactrian_sensor::Watch, work: impl FnOnce() -> T) -> (T, usize) {
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let consumer = scope.spawn(|| {
            let mut n = 0usize;
            while !done.load(std::sync::atomic::Ordering::Acquire) {
                n += watch.try_events().len();
                std::thread::sleep(Duration::from_millis(5));
            }
            n
        });
        let out = work();
        done.store(true, std::sync::atomic::Ordering::Release);
        (out, consumer.join().expect("consumer"))
    })
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        println!("open_overhead: skipped (needs root to load eBPF programs)");
        return;
    }
    let leaf = match Leaf::new("bench") {
        Ok(leaf) => leaf,
        Err(e) => {
            println!("open_overhead: skipped (no cgroup v2 leaf: {e})");
            return;
        }
    };
    let path = std::env::temp_dir().join(format!("bactrian-sensor-bench-{}", std::process::id()));
    std::fs::write(&path, b"x").expect("write the file to open");

    time_loop(&leaf, &path); // warm the page cache and dentries
    let base = median((0..RUNS).map(|_| time_loop(&leaf, &path)).collect());
    let python = Path::new(PYTHON).exists();
    let python_base = python.then(|| {
        time_python(&leaf);
        median(
            (0..TOOL_RUNS)
                .map(|_| time_python(&leaf))
                .collect::<Vec<_>>(),
        )
    });

    let sensor = match Sensor::load() {
        Ok(s) => s,
        Err(e) => {
            println!("open_overhead: skipped ({e})");
            return;
        }
    };
    let unwatched = median((0..RUNS).map(|_| time_loop(&leaf, &path)).collect());

    let mut watched_runs = Vec::new();
    let (mut received, mut dropped) = (0usize, 0u64);
    for _ in 0..RUNS {
        let watch = sensor.watch(leaf.id).expect("watch the bench cgroup");
        let (elapsed, got) = drained_while(&watch, || time_loop(&leaf, &path));
        let finished = watch.finish(Duration::from_secs(1));
        received += got + finished.events.len();
        dropped += finished.dropped;
        watched_runs.push(elapsed);
    }
    let watched = median(watched_runs);
    let _ = std::fs::remove_file(&path);

    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let per_open = |d: Duration| d.as_nanos() as f64 / OPENS as f64;
    println!("open_overhead: {OPENS} opens in a child, median of {RUNS} runs");
    println!(
        "  no sensor:            {:8.1} ms  ({:.0} ns/open)",
        ms(base),
        per_open(base)
    );
    println!(
        "  loaded, not watching: {:8.1} ms  ({:.0} ns/open)  ratio {:.2}",
        ms(unwatched),
        per_open(unwatched),
        ms(unwatched) / ms(base)
    );
    println!(
        "  watching the cgroup:  {:8.1} ms  ({:.0} ns/open)  ratio {:.2}",
        ms(watched),
        per_open(watched),
        ms(watched) / ms(base)
    );
    println!("  events received {received}, dropped (counted) {dropped}, over {RUNS} watched runs");

    let Some(base) = python_base else {
        println!("tool start: skipped ({PYTHON} is missing)");
        return;
    };
    let mut runs = Vec::new();
    let mut events = 0usize;
    for _ in 0..TOOL_RUNS {
        let watch = sensor.watch(leaf.id).expect("watch the bench cgroup");
        let (elapsed, got) = drained_while(&watch, || time_python(&leaf));
        events += got + watch.finish(Duration::from_secs(1)).events.len();
        runs.push(elapsed);
    }
    let with = median(runs);
    println!("tool start: python3 with five imports, median of {TOOL_RUNS} runs");
    println!("  no sensor:            {:8.1} ms", ms(base));
    println!(
        "  watching the cgroup:  {:8.1} ms  ratio {:.3}  ({} events a run)",
        ms(with),
        ms(with) / ms(base),
        events / TOOL_RUNS
    );
}
