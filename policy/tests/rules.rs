//! One-line tests of the library surface: loading files, the decision's JSON, the test
//! runner, limits. Rule behaviour lives in the YAML cases (tests/cases/*.yaml).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use bactrian_policy::{run_tests, Decision, PolicyError, PolicySet, Verdict};
use serde_json::{json, Value};

/// A fresh directory holding `files` (name, text).
fn dir_with(files: &[(&str, &str)]) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "bactrian-policy-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn load(dir: &Path, names: &[&str]) -> Result<PolicySet, PolicyError> {
    let paths: Vec<PathBuf> = names.iter().map(|n| dir.join(n)).collect();
    PolicySet::load(&paths)
}

fn decide(policies: &[(&str, &str)], input: Value) -> Decision {
    let mut set = PolicySet::new();
    for (path, text) in policies {
        set.add_policy(path, text).unwrap_or_else(|e| panic!("{e}"));
    }
    set.decide(&input)
}

fn assert_verdict(policies: &[(&str, &str)], input: Value, want: Option<Verdict>) {
    let d = decide(policies, input);
    assert_eq!(d.verdict, want, "{d}");
}

fn assert_load_error(files: &[(&str, &str)], starts_with: &str) {
    let dir = dir_with(files);
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    let err = load(&dir, &names)
        .expect_err("the policies should not load")
        .to_string();
    let rel = err.replace(&format!("{}/", dir.display()), "");
    assert!(rel.starts_with(starts_with), "{rel}");
}

const DENY_RM: &str = "package bactrian\ndeny contains \"no rm\" if input.tool == \"rm\"\n";

#[test]
fn loads_rego_and_yaml_files() {
    let dir = dir_with(&[
        ("p.rego", DENY_RM),
        (
            "r.yaml",
            "rules: [{tool: ls, action: log, reason: listed}]\n",
        ),
    ]);
    let set = load(&dir, &["p.rego", "r.yaml"]).unwrap();
    assert_eq!(set.files().len(), 2);
    assert!(set.decide(&json!({"tool": "rm", "args": {}})).is_denied());
}

#[test]
fn a_library_alone_is_not_a_policy() {
    assert_load_error(
        &[("lib.rego", "package lib\nx := 1\n")],
        "lib.rego: no file declares `package bactrian`",
    );
}

#[test]
fn missing_file_names_the_path() {
    let dir = dir_with(&[]);
    let err = load(&dir, &["nope.rego"]).unwrap_err();
    assert!(matches!(err, PolicyError::Read { .. }));
    assert!(err.to_string().contains("nope.rego: cannot read"), "{err}");
}

#[test]
fn rego_syntax_error_has_file_line_col() {
    assert_load_error(
        &[(
            "bad.rego",
            "package bactrian\n\ndeny contains x if {\n  x := [1,\n}\n",
        )],
        "bad.rego:4:5: ",
    );
}

#[test]
fn yaml_unknown_key_has_line_col() {
    assert_load_error(
        &[(
            "bad.yaml",
            "rules:\n  - tool: t\n    action: deny\n    reasn: x\n",
        )],
        "bad.yaml:4:5: rules[0]: unknown field `reasn`",
    );
}

#[test]
fn error_location_is_structured() {
    let dir = dir_with(&[("bad.yaml", "rules:\n  - tool: t\n    acton: deny\n")]);
    let loc = load(&dir, &["bad.yaml"]).unwrap_err().location().unwrap();
    assert_eq!((loc.line, loc.col), (Some(3), Some(5)));
}

#[test]
fn duplicate_paths_load_once() {
    let dir = dir_with(&[("p.rego", DENY_RM)]);
    let set = load(&dir, &["p.rego", "p.rego"]).unwrap();
    assert_eq!(set.decide(&json!({"tool": "rm"})).reasons.len(), 1);
}

#[test]
fn replacing_a_rego_policy_by_path() {
    let mut set = PolicySet::new();
    set.add_policy("p.rego", DENY_RM).unwrap();
    set.add_policy(
        "p.rego",
        "package bactrian\nask contains \"sure?\" if input.tool == \"rm\"\n",
    )
    .unwrap();
    assert_eq!(
        set.decide(&json!({"tool": "rm"})).verdict,
        Some(Verdict::Ask)
    );
}

#[test]
fn a_failed_add_leaves_the_set_unchanged() {
    let mut set = PolicySet::new();
    set.add_policy("p.rego", DENY_RM).unwrap();
    assert!(set
        .add_policy("q.rego", "package bactrian\ndeny contains x if {")
        .is_err());
    assert!(set.decide(&json!({"tool": "rm"})).is_denied());
    assert_eq!(set.files().len(), 1);
}

#[test]
fn strictest_wins_across_kinds() {
    let yaml = ("a.yaml", "rules:\n  - {tool: t, action: ask, reason: a}\n");
    let rego = ("b.rego", "package bactrian\nallow if true\n");
    assert_verdict(&[yaml, rego], json!({"tool": "t"}), Some(Verdict::Ask));
}

#[test]
fn decision_json_is_the_documented_shape() {
    let d = decide(
        &[("a.yaml", "rules:\n  - {tool: t, action: log, reason: seen}\n  - {tool: t, action: deny, reason: no}\n")],
        json!({"tool": "t"}),
    );
    assert_eq!(
        serde_json::to_value(&d).unwrap(),
        json!({
            "verdict": "deny",
            "reasons": [{"policy": "a.yaml#rules[1]", "verdict": "deny", "message": "no"}],
            "audit": [{"policy": "a.yaml#rules[0]", "message": "seen"}]
        })
    );
}

#[test]
fn policy_sets_are_shared_across_threads() {
    fn is_shared<T: Send + Sync>() {}
    is_shared::<PolicySet>();
    let mut set = PolicySet::new();
    set.add_policy("p.rego", DENY_RM).unwrap();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| assert!(set.decide(&json!({"tool": "rm"})).is_denied()));
        }
    });
}

#[test]
fn a_runaway_rego_rule_is_stopped_and_denies() {
    let slow = "package bactrian\ndeny contains \"never\" if {\n  n := input.args.n.value\n  some i in numbers.range(1, n)\n  some j in numbers.range(1, n)\n  i * j == -1\n}\n";
    let started = std::time::Instant::now();
    let d = decide(
        &[("slow.rego", slow)],
        json!({"tool": "t", "args": {"n": {"value": 100000}}}),
    );
    assert!(d.is_denied(), "{d}");
    assert!(d.reasons[0].message.contains("ran longer than"), "{d}");
    assert!(started.elapsed().as_secs() < 30);
}

#[test]
fn test_runner_reports_passes_failures_and_files() {
    let dir = dir_with(&[
        ("p.rego", DENY_RM),
        (
            "p_test.rego",
            "package bactrian_test\nimport data.bactrian\n\
             test_rm_denied if { count(bactrian.deny) == 1 with input as {\"tool\": \"rm\"} }\n\
             test_wrong if { count(bactrian.deny) == 1 with input as {\"tool\": \"ls\"} }\n",
        ),
        (
            "sub/cases_test.yaml",
            "cases:\n  - {name: rm, input: {tool: rm}, expect: deny, reason_contains: no rm}\n  - {name: ls, input: {tool: ls}, expect: deny}\n",
        ),
    ]);
    let report = run_tests(&dir).unwrap();
    assert_eq!((report.passed(), report.failed()), (2, 2), "{report}");
    assert!(!report.ok());
    let text = report.to_string();
    assert!(
        text.contains("PASS data.bactrian_test.test_rm_denied ("),
        "{text}"
    );
    assert!(
        text.contains("FAIL data.bactrian_test.test_wrong ("),
        "{text}"
    );
    assert!(text.contains("FAIL ls ("), "{text}");
    assert!(text.contains("expected deny, got none"), "{text}");
    assert!(text.ends_with("2 passed, 2 failed"), "{text}");
}

#[test]
fn test_runner_fixture_can_pick_policies_and_turn_builtin_off() {
    let dir = dir_with(&[
        ("a.yaml", "rules:\n  - {tool: t, action: ask, reason: a}\n"),
        ("b.yaml", "rules:\n  - {tool: t, action: deny, reason: b}\n"),
        (
            "x.test.yaml",
            "cases:\n  - {name: a only, policies: [a.yaml], input: {tool: t}, expect: ask}\n  \
             - {name: both, input: {tool: t}, expect: deny}\n  \
             - name: builtin off\n    policies: []\n    builtin: false\n    \
               input: {tool: t, args: {to: {value: x, sensitive: true}}}\n    expect: none\n",
        ),
    ]);
    let report = run_tests(&dir).unwrap();
    assert!(report.ok(), "{report}");
    assert_eq!(report.passed(), 3);
}

#[test]
fn test_runner_load_errors_are_errors() {
    let dir = dir_with(&[("bad.rego", "package bactrian\ndeny contains x if {\n")]);
    assert!(matches!(run_tests(&dir), Err(PolicyError::Rego { .. })));
    let dir = dir_with(&[(
        "bad_test.yaml",
        "cases:\n  - {name: x, expect: maybe, input: {}}\n",
    )]);
    let err = run_tests(&dir).unwrap_err().to_string();
    assert!(err.contains("bad_test.yaml:2:"), "{err}");
}
