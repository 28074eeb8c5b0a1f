//! Verifying a 100,000-node signed record (goal: under a second).
//!
//! `cargo bench --bench verify`

use std::path::Path;

use bactrian_engine::record::{generate_key, verify, Record, RecordWriter};
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::json;

const NODES: usize = 100_000;

/// A record shaped like a long run: statements, derivations, calls with their decisions and
/// results, each node naming one or two earlier ones.
fn write_record(path: &Path, key: &ed25519_dalek::SigningKey) {
    let mut w = RecordWriter::create(path, "bench-agent", Some(key)).expect("create");
    let mut last = w
        .append(
            "program",
            json!({"source": "for i in range(100000): ...\n", "sha256": "00"}),
            &[],
        )
        .expect("append");
    let mut hashes = vec![last];
    for i in 1..NODES {
        let (kind, body) = match i % 5 {
            0 => (
                "tool_call",
                json!({"tool": "web_search", "call": format!("c{i}"), "args": {"query": {"value": "news about camels", "trusted": true}}}),
            ),
            1 => (
                "decision",
                json!({"input_sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "verdict": "allow", "reasons": []}),
            ),
            2 => (
                "tool_result",
                json!({"call": format!("c{i}"), "value": {"title": "Camels cross the Gobi", "url": "https://example.com/a"}}),
            ),
            3 => (
                "derivation",
                json!({"op": "subscript", "line": 3, "col": 8, "sources": ["tool:web_search"]}),
            ),
            _ => ("steps", json!({"lines": [1, 2, 3, 2, 3]})),
        };
        let parents = if i % 7 == 0 {
            vec![last, hashes[i / 2]]
        } else {
            vec![last]
        };
        last = w.append(kind, body, &parents).expect("append");
        hashes.push(last);
    }
    w.finish("00").expect("finish");
}

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("bactrian-bench-verify-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("big.record");
    let key = generate_key().expect("key");
    write_record(&path, &key);
    let public = key.verifying_key();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!("record: {NODES} nodes, {:.1} MiB", size as f64 / 1048576.0);
    let report = verify(&path, Some(&public));
    assert!(report.ok && report.nodes == NODES, "{report:?}");

    let mut group = c.benchmark_group("record");
    group.sample_size(10);
    group.bench_function("verify 100k nodes", |b| {
        b.iter(|| verify(&path, Some(&public)))
    });
    group.bench_function("load 100k nodes", |b| {
        b.iter(|| Record::load(&path).expect("load"))
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
