//! `bactrian policy test DIR`: Rego `test_*` rules (as `opa test` runs them) and YAML
//! fixtures of input documents with the decision they must get.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use regorus::Value;
use serde::Deserialize;

use crate::decision::Verdict;
use crate::error::{one_line_regorus_error, PolicyError};
use crate::{files, rego, yaml};
use crate::{BuiltinRules, PolicySet};

/// The outcome of one test.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestResult {
    /// `data.pkg.test_name` for Rego, the case's `name` for a fixture.
    pub name: String,
    /// The file the test is in.
    pub file: PathBuf,
    pub passed: bool,
    /// Why it failed (or nothing when it passed).
    pub detail: Option<String>,
}

/// Every test found under a directory, in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TestReport {
    pub results: Vec<TestResult>,
}

impl TestReport {
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|r| r.passed).count()
    }

    pub fn failed(&self) -> usize {
        self.results.len() - self.passed()
    }

    /// True when no test failed.
    pub fn ok(&self) -> bool {
        self.failed() == 0
    }
}

impl fmt::Display for TestReport {
    /// One `PASS`/`FAIL` line per test, failure details indented under it, then
    /// `N passed, M failed`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for r in &self.results {
            let status = if r.passed { "PASS" } else { "FAIL" };
            writeln!(f, "{status} {} ({})", r.name, r.file.display())?;
            if let Some(detail) = &r.detail {
                for line in detail.lines() {
                    writeln!(f, "     {line}")?;
                }
            }
        }
        write!(f, "{} passed, {} failed", self.passed(), self.failed())
    }
}

#[derive(Default)]
struct Tree {
    rego: Vec<PathBuf>,
    yaml: Vec<PathBuf>,
    fixtures: Vec<PathBuf>,
}

fn file_name(path: &Path) -> &str {
    path.file_name().and_then(|n| n.to_str()).unwrap_or("")
}

fn is_fixture(name: &str) -> bool {
    [".yaml", ".yml"].iter().any(|ext| {
        name.strip_suffix(ext)
            .is_some_and(|stem| stem.ends_with("_test") || stem.ends_with(".test"))
    })
}

/// Files under `dir`, sorted, skipping hidden entries.
fn walk(dir: &Path, tree: &mut Tree) -> Result<(), PolicyError> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| PolicyError::read(dir, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| !file_name(p).starts_with('.'))
        .collect();
    entries.sort();
    for path in entries {
        let name = file_name(&path);
        if path.is_dir() {
            walk(&path, tree)?;
        } else if name.ends_with(".rego") {
            tree.rego.push(path);
        } else if is_fixture(name) {
            tree.fixtures.push(path);
        } else if name.ends_with(".yaml") || name.ends_with(".yml") {
            tree.yaml.push(path);
        }
    }
    Ok(())
}

/// Runs every test under `dir` (recursively): each Rego `test_*` rule passes when it is
/// defined and true; each case of a `*_test.yaml` / `*.test.yaml` fixture passes when the
/// decision on its input is the one it expects. A file that does not load is an `Err`.
pub fn run_tests(dir: impl AsRef<Path>) -> Result<TestReport, PolicyError> {
    let dir = dir.as_ref();
    let mut tree = Tree::default();
    walk(dir, &mut tree)?;
    let mut report = TestReport::default();
    run_rego_tests(&tree.rego, &mut report)?;
    let defaults: Vec<PathBuf> = tree
        .yaml
        .iter()
        .chain(
            tree.rego
                .iter()
                .filter(|p| !file_name(p).ends_with("_test.rego")),
        )
        .cloned()
        .collect();
    let mut sets = HashMap::new();
    for fixture in &tree.fixtures {
        run_fixture(fixture, &defaults, &mut sets, &mut report)?;
    }
    Ok(report)
}

fn run_rego_tests(files: &[PathBuf], report: &mut TestReport) -> Result<(), PolicyError> {
    if files.is_empty() {
        return Ok(());
    }
    let sources = files
        .iter()
        .map(|p| Ok((p.clone(), files::read(p)?)))
        .collect::<Result<Vec<_>, PolicyError>>()?;
    let mut engine = rego::new_engine();
    let packages = rego::add_files(&mut engine, &sources)?;
    // Analyse the modules once; every test then runs on a clone of the prepared engine.
    // (If analysis fails, each test reports the error when it runs.)
    let _ = engine.eval_query("true".to_string(), false);
    // A rule head at the start of a line; confirmed against the parsed module below.
    static HEAD: LazyLock<Regex> = LazyLock::new(|| {
        // A constant pattern: it compiles, and the unit tests run it.
        #[allow(clippy::expect_used)]
        Regex::new(r"(?m)^[ \t]*(test_[A-Za-z0-9_]*)").expect("constant regex")
    });
    let head = &*HEAD;
    for ((path, text), package) in sources.iter().zip(&packages) {
        let source_path = path.display().to_string();
        let mut seen: Vec<&str> = Vec::new();
        for cap in head.captures_iter(text) {
            let Some(name) = cap.get(1).map(|m| m.as_str()) else {
                continue;
            };
            if seen.contains(&name)
                || !engine
                    .has_declared_rule_rooted_at(&source_path, name)
                    .unwrap_or(false)
            {
                continue;
            }
            seen.push(name);
            let rule = format!("{package}.{name}");
            let mut run = engine.clone();
            let (passed, detail) = match run.eval_rule(rule.clone()) {
                Ok(Value::Bool(true)) => (true, None),
                Ok(Value::Undefined) => (
                    false,
                    Some("the rule is undefined (a condition failed)".into()),
                ),
                Ok(other) => (
                    false,
                    Some(format!(
                        "the rule is {} (a test must be true)",
                        other.to_json_str().unwrap_or_default()
                    )),
                ),
                Err(e) => (
                    false,
                    Some(format!("error: {}", one_line_regorus_error(&e.to_string()))),
                ),
            };
            report.results.push(TestResult {
                name: rule,
                file: path.clone(),
                passed,
                detail,
            });
        }
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    input: serde_json::Value,
    /// Policy files relative to the fixture; all non-test policies of the directory
    /// when absent.
    policies: Option<Vec<PathBuf>>,
    /// The built-in rules: `true`/`deny` (the default, as in `PolicySet::new`), `ask`,
    /// `false`/`off`.
    #[serde(default)]
    builtin: BuiltinRules,
    expect: Expect,
    reason_contains: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Expect {
    Allow,
    Ask,
    Deny,
    None,
}

impl Expect {
    fn verdict(self) -> Option<Verdict> {
        match self {
            Expect::Allow => Some(Verdict::Allow),
            Expect::Ask => Some(Verdict::Ask),
            Expect::Deny => Some(Verdict::Deny),
            Expect::None => None,
        }
    }
}

type SetCache = HashMap<(Vec<PathBuf>, BuiltinRules), PolicySet>;

fn run_fixture(
    path: &Path,
    defaults: &[PathBuf],
    sets: &mut SetCache,
    report: &mut TestReport,
) -> Result<(), PolicyError> {
    let fixture: Fixture = yaml::parse_yaml(path, &files::read(path)?)?;
    let base = path.parent().unwrap_or(Path::new(""));
    for case in fixture.cases {
        let files = match &case.policies {
            Some(list) => list.iter().map(|p| base.join(p)).collect(),
            None => defaults.to_vec(),
        };
        let set = match sets.entry((files, case.builtin)) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => {
                let mut set = PolicySet::load(&e.key().0)?;
                set.set_builtin(case.builtin);
                // Fixtures check the policy's own messages on documents their author wrote.
                set.set_redact_messages(false);
                e.insert(set)
            }
        };
        let decision = set.decide(&case.input);
        let want = case.expect.verdict();
        let mut problems = Vec::new();
        if decision.verdict != want {
            problems.push(format!(
                "expected {}, got {}",
                want.map_or("none", Verdict::as_str),
                decision.verdict.map_or("none", Verdict::as_str)
            ));
        }
        if let Some(needle) = &case.reason_contains {
            let found = decision
                .reasons
                .iter()
                .any(|r| r.message.contains(needle.as_str()))
                || decision
                    .audit
                    .iter()
                    .any(|n| n.message.contains(needle.as_str()));
            if !found {
                problems.push(format!("no reason contains {needle:?}"));
            }
        }
        let detail = (!problems.is_empty())
            .then(|| format!("{}\ndecision: {decision}", problems.join("; ")));
        report.results.push(TestResult {
            name: case.name,
            file: path.to_path_buf(),
            passed: problems.is_empty(),
            detail,
        });
    }
    Ok(())
}
