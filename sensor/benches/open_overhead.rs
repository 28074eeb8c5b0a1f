//! What the sensor costs a tool: a child doing 100,000 opens, timed without the sensor, with
//! it loaded but not watching the child's cgroup, and watching it (events drained by a
//! consumer thread, as the engine does). Needs root; prints why it skips otherwise.
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
        let (elapsed, got) = std::thread::scope(|scope| {
            let consumer = scope.spawn(|| {
                let mut n = 0usize;
                while watch.recv_timeout(Duration::from_millis(500)).is_some() {
                    n += 1;
                }
                n
            });
            let elapsed = time_loop(&leaf, &path);
            (elapsed, consumer.join().expect("consumer"))
        });
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
}
