//! One decision on a 5-argument call: with the example routing policy in Rego (the
//! goal: a median under 50 µs), and with the built-in rules alone for comparison.

use bactrian_policy::PolicySet;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};

const ROUTING_REGO: &str = include_str!("../../examples/policies/routing.rego");

fn arg(value: Value, trusted: bool, sensitive: bool) -> Value {
    let sources = if trusted {
        json!([{"kind": "program"}])
    } else {
        json!([{"kind": "tool", "name": "web_search", "call": "c1"}])
    };
    json!({"value": value, "trusted": trusted, "sources": sources, "readers": "public",
           "sensitive": sensitive, "recipient": false})
}

fn input() -> Value {
    json!({
        "tool": "commit_files",
        "call": {"index": 4, "id": "c4"},
        "args": {
            "project_id": arg(json!(149), false, true),
            "file_path": arg(json!("NEWS.md"), true, true),
            "branch": arg(json!("news"), true, false),
            "content": arg(json!("Today's headlines ... ".repeat(20)), false, false),
            "message": arg(json!("Update news"), false, false),
        },
        "user": {"trusted_values": ["human-operator", "149"]},
        "agent": {"name": "news-reporter"},
        "history": [
            {"tool": "web_search", "call": "c1", "decision": "allow"},
            {"tool": "fetch_page", "call": "c2", "decision": "allow"},
            {"tool": "summarize", "call": "c3", "decision": "allow"}
        ]
    })
}

fn decide(c: &mut Criterion) {
    let input = input();

    let mut rego = PolicySet::new();
    rego.set_builtin_rules(false);
    if let Err(e) = rego.add_policy("routing.rego", ROUTING_REGO) {
        panic!("{e}");
    }
    assert_eq!(
        rego.decide(&input).verdict,
        Some(bactrian_policy::Verdict::Allow)
    );
    c.bench_function("rego decision, 5 arguments", |b| {
        b.iter(|| rego.decide(black_box(&input)))
    });

    let builtin = PolicySet::new();
    c.bench_function("built-in rules, 5 arguments", |b| {
        b.iter(|| builtin.decide(black_box(&input)))
    });
}

criterion_group!(benches, decide);
criterion_main!(benches);
