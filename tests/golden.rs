//! Golden files for the contracts users and tools read: `run --json`, `check`, the record's
//! nodes, `graph --format dot|json`, and the input document policies see. Each is produced by
//! the real binary on the news-reporter example and compared with `tests/golden/NAME`, after
//! what differs from run to run (times, hashes, process ids, the fence this kernel enacts) is
//! replaced by placeholders.
//!
//! After an intended change: `BACTRIAN_BLESS=1 cargo test --test golden`, then review the diff.

mod common;
use common::bactrian;

use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const QUERY: &str = "Summarise today's news for bob@example.com and commit it to project 149";

/// A copy of examples/news-reporter (and its policies) with the sensor off: what the sensor
/// sees depends on the machine, and tests/sensor.rs covers it.
fn news_reporter(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("bactrian-golden-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    copy_dir(&examples.join("news-reporter"), &root.join("news-reporter"));
    copy_dir(&examples.join("policies"), &root.join("policies"));
    let dir = root.join("news-reporter");
    let _ = std::fs::remove_dir_all(dir.join("out"));
    let yaml = std::fs::read_to_string(dir.join("agent.yaml")).expect("agent.yaml");
    std::fs::write(
        dir.join("agent.yaml"),
        format!("{yaml}\nsensor:\n  mode: off\n"),
    )
    .expect("write agent.yaml");
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).expect("copy file");
        }
    }
}

/// Compares `actual` with `tests/golden/name`, or writes it there under `BACTRIAN_BLESS=1`.
#[track_caller]
fn assert_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("BACTRIAN_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("tests/golden")).expect("mkdir");
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (BACTRIAN_BLESS=1 writes it)", path.display()));
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             (if the change is intended: BACTRIAN_BLESS=1 cargo test --test golden)",
            path.display(),
            first + 1,
            expected.lines().nth(first).unwrap_or("<end>"),
            actual.lines().nth(first).unwrap_or("<end>"),
        );
    }
}

/// Replaces what differs from run to run: each 64-digit hash by `<hash N>` (N in order of
/// first appearance, so that references between nodes stay visible), times by `<time>`, the
/// temporary directory by `<dir>`, and a sandbox event by its kind (and exit code).
struct Normalizer {
    hashes: HashMap<String, usize>,
    dir: String,
}

impl Normalizer {
    fn new(dir: &Path) -> Normalizer {
        Normalizer {
            hashes: HashMap::new(),
            dir: dir.parent().unwrap_or(dir).display().to_string(),
        }
    }

    fn text(&mut self, s: &str) -> String {
        let mut out = s.replace(&self.dir, "<dir>");
        let hexes: Vec<String> = out
            .split(|c: char| !c.is_ascii_hexdigit())
            .filter(|w| w.len() == 64)
            .map(str::to_string)
            .collect();
        for hex in hexes {
            let n = self.hashes.len() + 1;
            let n = *self.hashes.entry(hex.clone()).or_insert(n);
            out = out.replace(&hex, &format!("<hash {n}>"));
        }
        out
    }

    fn value(&mut self, v: &Value) -> Value {
        match v {
            Value::String(s) => Value::String(self.text(s)),
            Value::Array(items) => Value::Array(items.iter().map(|i| self.value(i)).collect()),
            Value::Object(map) => {
                let mut out = serde_json::Map::new();
                for (k, v) in map {
                    let v = match k.as_str() {
                        "time" | "created" | "duration_ms" | "elapsed_ms" => json!("<time>"),
                        // The envelope's base64 statement holds the chain head and a time.
                        "payload" => json!("<payload>"),
                        "sandbox" => Value::Array(
                            v.as_array()
                                .into_iter()
                                .flatten()
                                .map(sandbox_event_kind)
                                .collect(),
                        ),
                        "event" if map.get("tool").is_some() && v.get("event").is_some() => {
                            sandbox_event_kind(v)
                        }
                        _ => self.value(v),
                    };
                    out.insert(k.clone(), v);
                }
                Value::Object(out)
            }
            other => other.clone(),
        }
    }
}

/// A sandbox event without what the machine decides (the fence's paths, ABI, cgroup).
fn sandbox_event_kind(e: &Value) -> Value {
    let mut out = json!({"event": e["event"]});
    if let Some(code) = e.get("code") {
        out["code"] = code.clone();
    }
    out
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).expect("JSON") + "\n"
}

fn run_json(dir: &Path, plan: &str) -> Value {
    let o = bactrian(
        dir,
        &[
            "run",
            plan,
            "--agent",
            "agent.yaml",
            "--query",
            QUERY,
            "--json",
            "--record",
            "run.record",
        ],
    );
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

fn record_nodes(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .expect("record")
        .lines()
        .map(|l| serde_json::from_str(l).expect("record line"))
        .collect()
}

#[test]
fn run_json_of_a_benign_plan_and_its_record() {
    let dir = news_reporter("benign");
    let mut norm = Normalizer::new(&dir);
    let out = run_json(&dir, "plans/benign.py");
    assert_golden("run_benign.json", &pretty(&norm.value(&out)));

    let mut norm = Normalizer::new(&dir);
    let nodes: Vec<Value> = record_nodes(&dir.join("run.record"))
        .iter()
        .map(|n| norm.value(n))
        .collect();
    assert_golden("record_benign.json", &pretty(&Value::Array(nodes)));

    for format in ["dot", "json"] {
        let o = bactrian(&dir, &["graph", "run.record", "--format", format]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let text = String::from_utf8_lossy(&o.stdout);
        let mut norm = Normalizer::new(&dir);
        let normalized = match format {
            "json" => pretty(&norm.value(&serde_json::from_str(&text).expect("graph JSON"))),
            _ => norm.text(&text),
        };
        assert_golden(&format!("graph_benign.{format}"), &normalized);
    }
}

#[test]
fn run_json_of_an_attack_and_the_input_document_its_policy_saw() {
    let dir = news_reporter("attack");
    let mut norm = Normalizer::new(&dir);
    let out = run_json(&dir, "plans/attack_redirect.py");
    assert_eq!(out["status"], "denied", "{out}");
    assert_golden("run_attack_redirect.json", &pretty(&norm.value(&out)));

    let decision = record_nodes(&dir.join("run.record"))
        .into_iter()
        .rev()
        .find(|n| n["kind"] == "decision")
        .expect("a decision node");
    let mut norm = Normalizer::new(&dir);
    assert_golden(
        "input_document_attack_redirect.json",
        &pretty(&norm.value(&decision["body"]["input"])),
    );
}

#[test]
fn check_lists_every_refused_construct() {
    let dir = news_reporter("check");
    std::fs::write(
        dir.join("plans/refused.py"),
        "import os\nx = eval('1')\nclass A:\n    def m(self):\n        return 1\nwith open('f') as f:\n    pass\nprint(getattr(x, 'y'))\n",
    )
    .expect("plan");
    let o = bactrian(
        &dir,
        &["check", "plans/refused.py", "--agent", "agent.yaml"],
    );
    assert_eq!(o.status.code(), Some(2));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert_golden("check_refused.txt", &Normalizer::new(&dir).text(&text));
}

/// The planner's prompt for the quickstart's agent: its tools as stubs, the rules and the
/// language (tests in engine/tests/prompt.rs check that the language it lists is the one the
/// interpreter runs).
#[test]
fn prompt_of_the_news_reporter() {
    let dir = news_reporter("prompt");
    let o = bactrian(&dir, &["prompt", "--agent", "agent.yaml"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("def send_message(to: str, content: str) -> Any:"));
    assert_golden("prompt_news_reporter.txt", &text);
    // The same agent gives the same bytes.
    let again = bactrian(&dir, &["prompt", "--agent", "agent.yaml"]);
    assert_eq!(again.stdout, o.stdout);
}
