//! Rego policies through regorus: compiled once at load, evaluated per call on a clone of
//! the prepared engine (a clone shares the compiled modules; it costs well under a
//! microsecond).

use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::time::Duration;

use regorus::utils::limits::ExecutionTimerConfig;
use regorus::{Engine, Value};

use crate::decision::{Decision, Verdict};
use crate::error::{one_line_regorus_error, Location, PolicyError};

/// The package decisions come from.
pub const PACKAGE: &str = "data.bactrian";

/// How long one rule may run on one call before it is stopped (and the call denied).
const TIME_LIMIT: Duration = Duration::from_secs(1);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Deny,
    Ask,
    Log,
    Allow,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Deny, Kind::Ask, Kind::Log, Kind::Allow];

    fn rule(self) -> &'static str {
        match self {
            Kind::Deny => "deny",
            Kind::Ask => "ask",
            Kind::Log => "log",
            Kind::Allow => "allow",
        }
    }
}

/// A rule of `package bactrian` that some module declares.
#[derive(Debug)]
struct Entry {
    kind: Kind,
    path: String,
    /// The files that declare it, for reasons.
    policy: String,
}

/// All Rego files of a policy set, in one engine (one package may span files, as in OPA).
#[derive(Debug)]
pub(crate) struct RegoPolicy {
    engine: Engine,
    entries: Vec<Entry>,
}

/// A fresh engine: Rego v1, builtin errors raised rather than turned into `undefined`
/// (so a failing builtin cannot silently skip a `deny`), and a time limit.
pub(crate) fn new_engine() -> Engine {
    let mut engine = Engine::new();
    engine.set_strict_builtin_errors(true);
    engine.set_execution_timer_config(ExecutionTimerConfig {
        limit: TIME_LIMIT,
        check_interval: NonZeroU32::MIN,
    });
    engine
}

/// Adds files to `engine`; returns each file's package (`data.bactrian`).
pub(crate) fn add_files(
    engine: &mut Engine,
    files: &[(PathBuf, String)],
) -> Result<Vec<String>, PolicyError> {
    files
        .iter()
        .map(|(path, text)| {
            engine
                .add_policy(path.display().to_string(), text.clone())
                .map_err(|e| PolicyError::rego(path, &e))
        })
        .collect()
}

impl RegoPolicy {
    /// Compiles the files. Errors that regorus finds only when it first evaluates
    /// (unsafe variables, conflicting rules) are found here too, by a dry run of each
    /// decision rule on an empty input.
    ///
    /// With `need_decisions`, some file must declare `package bactrian` (a set loaded
    /// whole); without it a library may come before the files that use it.
    pub(crate) fn load(
        files: &[(PathBuf, String)],
        need_decisions: bool,
    ) -> Result<RegoPolicy, PolicyError> {
        let mut engine = new_engine();
        let packages = add_files(&mut engine, files)?;
        let decision_files: Vec<String> = files
            .iter()
            .zip(&packages)
            .filter(|(_, pkg)| *pkg == PACKAGE)
            .map(|((path, _), _)| path.display().to_string())
            .collect();
        if decision_files.is_empty() && need_decisions {
            let path = files.first().map(|(p, _)| p.as_path()).unwrap_or(Path::new(""));
            return Err(PolicyError::Rego {
                at: Location::file(path),
                message: "no file declares `package bactrian`; decisions are read from \
                          data.bactrian.deny, ask, log and allow"
                    .to_string(),
            });
        }
        let mut entries = Vec::new();
        for kind in Kind::ALL {
            let declaring: Vec<&str> = decision_files
                .iter()
                .filter(|f| {
                    engine
                        .has_declared_rule_rooted_at(f, kind.rule())
                        .unwrap_or(false)
                })
                .map(String::as_str)
                .collect();
            if !declaring.is_empty() {
                entries.push(Entry {
                    kind,
                    path: format!("{PACKAGE}.{}", kind.rule()),
                    policy: declaring.join(", "),
                });
            }
        }
        let mut dry = engine.clone();
        dry.set_input(Value::new_object());
        for entry in &entries {
            if let Err(e) = dry.eval_rule(entry.path.clone()) {
                let first = Path::new(entry.policy.split(", ").next().unwrap_or(""));
                return Err(PolicyError::rego(first, &e));
            }
        }
        // The dry run left the engine prepared; `engine` itself is still unprepared, so
        // keep the prepared clone (a clone of it then skips analysis on every call).
        Ok(RegoPolicy {
            engine: dry,
            entries,
        })
    }

    /// Evaluates every decision rule on `input`. An evaluation error denies the call.
    pub(crate) fn decide(&self, input: &Value, out: &mut Decision) {
        let mut engine = self.engine.clone();
        engine.set_input(input.clone());
        for entry in &self.entries {
            let value = match engine.eval_rule(entry.path.clone()) {
                Ok(v) => v,
                Err(e) => {
                    out.add(
                        entry.policy.as_str(),
                        Verdict::Deny,
                        format!(
                            "evaluating {} failed, so the call is denied (fail closed): {}",
                            entry.path,
                            one_line_regorus_error(&e.to_string())
                        ),
                    );
                    continue;
                }
            };
            match entry.kind {
                Kind::Deny => {
                    for m in messages(&value, "denied") {
                        out.add(entry.policy.as_str(), Verdict::Deny, m);
                    }
                }
                Kind::Ask => {
                    for m in messages(&value, "needs approval") {
                        out.add(entry.policy.as_str(), Verdict::Ask, m);
                    }
                }
                Kind::Log => {
                    for m in messages(&value, "logged") {
                        out.note(entry.policy.as_str(), m);
                    }
                }
                Kind::Allow => {
                    if value == Value::Bool(true) {
                        out.add(entry.policy.as_str(), Verdict::Allow, "allow is true");
                    }
                }
            }
        }
    }
}

/// The messages of a `deny`/`ask`/`log` rule: each element of a set or array (strings
/// as they are, anything else as JSON); a boolean rule that is true gives `fallback`.
fn messages(value: &Value, fallback: &str) -> Vec<String> {
    let text = |v: &Value| match v {
        Value::String(s) => s.to_string(),
        other => serde_json::to_string(other).unwrap_or_else(|_| format!("{other:?}")),
    };
    match value {
        Value::Set(set) => set.iter().map(text).collect(),
        Value::Array(items) => items.iter().map(text).collect(),
        Value::Bool(true) => vec![fallback.to_string()],
        Value::Undefined | Value::Null | Value::Bool(false) => Vec::new(),
        other => vec![text(other)],
    }
}
