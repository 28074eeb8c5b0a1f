//! Data-driven policy tests, in the style of regorus' `tests/*/cases/*.yaml`: each file
//! under `tests/cases/` lists cases of inline policies, an input document and the
//! decision (or load error) expected. Adding a test is adding YAML.
//!
//! ```yaml
//! cases:
//!   - note: what the case shows
//!     builtin: false                 # default: true (also deny, ask, off)
//!     redact: false                  # withhold Rego messages on tainted calls (default: true)
//!     policies:                      # added in order with PolicySet::add_policy
//!       - path: a.rego
//!         text: |
//!           package bactrian
//!           deny contains "no" if input.tool == "rm"
//!     input: {tool: rm, args: {}}
//!     want:                          # or `error:` (below)
//!       verdict: deny                # allow | ask | deny | none
//!       reasons:                     # each must match some reason (all keys optional)
//!         - {policy: a.rego, verdict: deny, message: "no"}   # message: a substring
//!       reason_count: 1              # optional: exactly this many reasons
//!       audit: ["substring"]         # each must be in some audit note
//!       permitted: true              # optional: a configured policy allowed or asked
//!       absent: ["substring"]        # no reason or note may contain it
//!     error: "a.rego:3:"             # the load error must start with this
//!     error_contains: "unknown field"
//! ```

use std::path::PathBuf;

use bactrian_policy::{BuiltinRules, PolicySet, Verdict};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    note: String,
    #[serde(default)]
    builtin: BuiltinRules,
    #[serde(default = "yes")]
    redact: bool,
    #[serde(default)]
    policies: Vec<Policy>,
    #[serde(default)]
    input: serde_json::Value,
    want: Option<Want>,
    error: Option<String>,
    error_contains: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Policy {
    path: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Want {
    verdict: String,
    #[serde(default)]
    reasons: Vec<WantReason>,
    reason_count: Option<usize>,
    #[serde(default)]
    audit: Vec<String>,
    permitted: Option<bool>,
    #[serde(default)]
    absent: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WantReason {
    policy: Option<String>,
    verdict: Option<Verdict>,
    message: Option<String>,
    redacted: Option<bool>,
}

fn run_case(case: &Case) -> Result<(), String> {
    let mut set = PolicySet::new();
    set.set_builtin(case.builtin);
    set.set_redact_messages(case.redact);
    let mut load_error = None;
    for p in &case.policies {
        if let Err(e) = set.add_policy(&p.path, &p.text) {
            load_error = Some(e.to_string());
            break;
        }
    }
    if case.error.is_some() || case.error_contains.is_some() {
        let Some(err) = load_error else {
            return Err("expected a load error, the policies loaded".into());
        };
        if let Some(prefix) = &case.error {
            if !err.starts_with(prefix.as_str()) {
                return Err(format!("error does not start with {prefix:?}:\n{err}"));
            }
        }
        if let Some(part) = &case.error_contains {
            if !err.contains(part.as_str()) {
                return Err(format!("error does not contain {part:?}:\n{err}"));
            }
        }
        return Ok(());
    }
    if let Some(err) = load_error {
        return Err(format!("load error: {err}"));
    }
    let Some(want) = &case.want else {
        return Err("a case needs `want` or `error`".into());
    };
    let decision = set.decide(&case.input);
    let got = decision.verdict.map_or("none", Verdict::as_str);
    let mut problems = Vec::new();
    if got != want.verdict {
        problems.push(format!("verdict: want {}, got {got}", want.verdict));
    }
    for w in &want.reasons {
        let found = decision.reasons.iter().any(|r| {
            w.policy.as_ref().is_none_or(|p| &r.policy == p)
                && w.verdict.is_none_or(|v| r.verdict == v)
                && w.message
                    .as_ref()
                    .is_none_or(|m| r.message.contains(m.as_str()))
                && w.redacted.is_none_or(|x| r.redacted == x)
        });
        if !found {
            problems.push(format!(
                "no reason with policy {:?}, verdict {:?}, message containing {:?}",
                w.policy, w.verdict, w.message
            ));
        }
    }
    if let Some(n) = want.reason_count {
        if decision.reasons.len() != n {
            problems.push(format!("want {n} reasons, got {}", decision.reasons.len()));
        }
    }
    for a in &want.audit {
        if !decision
            .audit
            .iter()
            .any(|n| n.message.contains(a.as_str()))
        {
            problems.push(format!("no audit note containing {a:?}"));
        }
    }
    if let Some(p) = want.permitted {
        if decision.permitted != p {
            problems.push(format!("want permitted: {p}, got {}", decision.permitted));
        }
    }
    for a in &want.absent {
        let texts = decision
            .reasons
            .iter()
            .map(|r| &r.message)
            .chain(decision.audit.iter().map(|n| &n.message));
        for t in texts {
            if t.contains(a.as_str()) {
                problems.push(format!("{a:?} appears in {t:?}"));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\ndecision: {decision}", problems.join("\n")))
    }
}

#[test]
fn yaml_cases() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no case files in {}", dir.display());
    let (mut passed, mut failed) = (0, Vec::new());
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
        let file: File =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in &file.cases {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            match run_case(case) {
                Ok(()) => passed += 1,
                Err(why) => failed.push(format!("{name}: {}\n{why}", case.note)),
            }
        }
    }
    assert!(
        failed.is_empty(),
        "{} passed, {} failed:\n\n{}",
        passed,
        failed.len(),
        failed.join("\n\n")
    );
}
