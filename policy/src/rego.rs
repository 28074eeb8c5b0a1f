//! Rego policies through regorus: compiled once at load, evaluated per call on a clone of
//! the prepared engine (a clone shares the compiled modules; it costs well under a
//! microsecond).

use std::collections::BTreeMap;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::time::Duration;

use regorus::utils::limits::ExecutionTimerConfig;
use regorus::{Engine, Value};

use std::collections::HashSet;

use crate::decision::{Decision, Note, Reason, Verdict};
use crate::error::{one_line_regorus_error, regorus_error_location, Location, PolicyError};
use crate::{callgraph, guard, nesting, redact};

/// The package decisions come from.
pub const PACKAGE: &str = "data.bactrian";

/// The longest message a rule's non-string value may be written out to.
const MAX_MESSAGE_BYTES: f64 = 65_536.0;

/// How long one rule may run on one call before it is stopped (and the call denied).
const TIME_LIMIT: Duration = Duration::from_secs(1);

/// Work units between two looks at the clock (reading it on every unit costs more than
/// the policy).
const CHECK_INTERVAL: NonZeroU32 = match NonZeroU32::new(64) {
    Some(n) => n,
    None => NonZeroU32::MIN,
};

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
#[derive(Clone, Debug)]
struct Entry {
    kind: Kind,
    path: String,
    /// The files that declare it, for reasons.
    policy: String,
    /// A partial set (`deny contains ...`): always defined, so the combined rule may
    /// read it directly instead of through a `default`.
    always_defined: bool,
}

/// All Rego files of a policy set, in one engine (one package may span files, as in OPA).
#[derive(Clone, Debug)]
pub(crate) struct RegoPolicy {
    engine: Engine,
    entries: Vec<Entry>,
    /// The files that declare `runtime_deny` (rules on the sensor's events), if any.
    runtime: Option<String>,
    /// Every string literal of the files: a message equal to one was written by the
    /// policy's author and quotes no data.
    literals: HashSet<String>,
}

/// The rule judged on each of a tool's runtime events (docs/policy.md, "Runtime events").
pub const RUNTIME_RULE: &str = "runtime_deny";

/// A module the policy set adds so that one evaluation reads every decision rule: rules
/// evaluated together share regorus' rule cache (an `allow` that looks at `deny` does not
/// compute `deny` twice), and the per-evaluation setup is paid once.
const COMBINED_PACKAGE: &str = "bactrian_internal_decision";
const COMBINED_RULE: &str = "data.bactrian_internal_decision.result";

fn combined_module(entries: &[Entry]) -> String {
    let mut text = format!("package {COMBINED_PACKAGE}\n\n");
    let mut fields = Vec::new();
    for kind in Kind::ALL {
        let name = kind.rule();
        match entries.iter().find(|e| e.kind == kind) {
            // A `default` costs a rule evaluation; only rules that can be undefined
            // (`allow if ...`) need one.
            Some(e) if e.always_defined => fields.push(format!("data.bactrian.{name}")),
            Some(_) => {
                text.push_str(&format!(
                    "default {name} := false\n{name} := data.bactrian.{name}\n\n"
                ));
                fields.push(name.to_string());
            }
            None => fields.push("false".to_string()),
        }
    }
    text.push_str(&format!("result := [{}]\n", fields.join(", ")));
    text
}

/// A fresh engine: Rego v1, builtin errors raised rather than turned into `undefined`
/// (so a failing builtin cannot silently skip a `deny`), a time limit, and size checks on
/// the builtins that could exhaust memory in one call (see `guard`).
pub(crate) fn new_engine() -> Engine {
    let mut engine = Engine::new();
    engine.set_strict_builtin_errors(true);
    engine.set_execution_timer_config(ExecutionTimerConfig {
        limit: TIME_LIMIT,
        check_interval: CHECK_INTERVAL,
    });
    guard::install(&mut engine);
    engine
}

/// Adds files to `engine`; returns each file's package (`data.bactrian`). Refuses, with
/// `file:line:col`, brackets nested too deep to parse in reasonable time, recursive
/// functions and chains of rules too deep to evaluate (see `nesting` and `callgraph`).
pub(crate) fn add_files(
    engine: &mut Engine,
    files: &[(PathBuf, String)],
) -> Result<Vec<String>, PolicyError> {
    let packages = files
        .iter()
        .map(|(path, text)| {
            if let Some(refusal) = nesting::too_deep(text) {
                let (line, col) = refusal.line_col();
                return Err(PolicyError::Rego {
                    at: Location::at(path, line, col),
                    message: refusal.message(),
                });
            }
            engine
                .add_policy(path.display().to_string(), text.clone())
                .map_err(|e| PolicyError::rego(path, &e))
        })
        .collect::<Result<Vec<String>, PolicyError>>()?;
    if let Some(refusal) = callgraph::check(engine.get_modules()) {
        let at = refusal.at;
        return Err(PolicyError::Rego {
            at: Location::at(Path::new(&at.file), at.line, at.col),
            message: refusal.message,
        });
    }
    Ok(packages)
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
            let path = files
                .first()
                .map(|(p, _)| p.as_path())
                .unwrap_or(Path::new(""));
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
                    always_defined: false,
                });
            }
        }
        let runtime_files: Vec<&str> = decision_files
            .iter()
            .filter(|f| {
                engine
                    .has_declared_rule_rooted_at(f, RUNTIME_RULE)
                    .unwrap_or(false)
            })
            .map(String::as_str)
            .collect();
        let runtime = (!runtime_files.is_empty()).then(|| runtime_files.join(", "));
        let mut dry = engine.clone();
        dry.set_input(Value::new_object());
        if let Some(files) = &runtime {
            if let Err(e) = dry.eval_rule(format!("{PACKAGE}.{RUNTIME_RULE}")) {
                let first = Path::new(files.split(", ").next().unwrap_or(""));
                return Err(PolicyError::rego(first, &e));
            }
        }
        for entry in &mut entries {
            match dry.eval_rule(entry.path.clone()) {
                Ok(value) => entry.always_defined = matches!(value, Value::Set(_)),
                Err(e) => {
                    let first = Path::new(entry.policy.split(", ").next().unwrap_or(""));
                    return Err(PolicyError::rego(first, &e));
                }
            }
        }
        if !entries.is_empty() {
            engine
                .add_policy(format!("<{COMBINED_PACKAGE}>"), combined_module(&entries))
                .map_err(|e| PolicyError::rego(Path::new(COMBINED_PACKAGE), &e))?;
            dry = engine.clone();
            dry.set_input(Value::new_object());
            // Prepares the engine for the combined rule; errors were caught just above.
            let _ = dry.eval_rule(COMBINED_RULE.to_string());
        }
        // The messages of boolean rules (`deny if ...`) are Bactrian's own.
        let literals = files
            .iter()
            .flat_map(|(_, text)| redact::string_literals(text))
            .chain(["denied", "needs approval", "logged"].map(String::from))
            .collect();
        // The dry run left `dry` prepared (modules analysed); clones of it skip that work.
        Ok(RegoPolicy {
            engine: dry,
            entries,
            runtime,
            literals,
        })
    }

    /// Whether some file declares `runtime_deny`.
    pub(crate) fn judges_runtime(&self) -> bool {
        self.runtime.is_some()
    }

    /// The messages of `runtime_deny` for one runtime event; an evaluation error is a
    /// denial too (fail closed). Each message comes with the files that declare the rule.
    pub(crate) fn runtime_deny(&self, input: &Value) -> Vec<(String, String)> {
        let Some(files) = &self.runtime else {
            return Vec::new();
        };
        let mut engine = self.engine.clone();
        engine.set_input(input.clone());
        match engine.eval_rule(format!("{PACKAGE}.{RUNTIME_RULE}")) {
            Ok(value) => messages(&value, "denied")
                .into_iter()
                .map(|m| (files.clone(), m))
                .collect(),
            Err(e) => vec![(
                files.clone(),
                format!(
                    "evaluating {PACKAGE}.{RUNTIME_RULE} failed, so the tool is stopped (fail closed): {}",
                    one_line_regorus_error(&e.to_string())
                ),
            )],
        }
    }

    /// Evaluates every decision rule on `input`. An evaluation error denies the call.
    ///
    /// With `taint` (why the call's values must not be quoted), a message that is not one
    /// of the policy's string literals is withheld and replaced by one naming `taint`.
    pub(crate) fn decide(&self, input: &Value, taint: Option<&str>, out: &mut Decision) {
        let speaker = Speaker {
            literals: &self.literals,
            taint,
        };
        if self.entries.is_empty() {
            return;
        }
        let mut engine = self.engine.clone();
        engine.set_input(input.clone());
        // Fast path: every decision rule in one evaluation.
        match engine.eval_rule(COMBINED_RULE.to_string()) {
            Ok(Value::Array(values)) => {
                for (kind, value) in Kind::ALL.iter().zip(values.iter()) {
                    if let Some(entry) = self.entries.iter().find(|e| e.kind == *kind) {
                        speaker.record(entry, value, out);
                    }
                }
                return;
            }
            Err(e) if e.to_string().contains("time limit") => {
                // Running the rules one by one would only hit the limit again.
                let mut files: Vec<&str> = Vec::new();
                for entry in &self.entries {
                    for file in entry.policy.split(", ") {
                        if !files.contains(&file) {
                            files.push(file);
                        }
                    }
                }
                out.add(
                    files.join(", "),
                    Verdict::Deny,
                    format!(
                        "the policy ran longer than {} ms, so the call is denied (fail closed)",
                        TIME_LIMIT.as_millis()
                    ),
                );
                return;
            }
            _ => {}
        }
        // Something failed: evaluate rule by rule to say which one, keeping the others.
        for entry in &self.entries {
            match engine.eval_rule(entry.path.clone()) {
                Ok(value) => speaker.record(entry, &value, out),
                Err(e) => {
                    let (detail, redacted) = match taint {
                        // The error may quote a value the rule was working on.
                        Some(taint) => (
                            format!(
                                "{}error withheld (it may quote untrusted or restricted data): {taint}",
                                regorus_error_location(&e.to_string())
                                    .map(|at| format!("{at}: "))
                                    .unwrap_or_default()
                            ),
                            true,
                        ),
                        None => (one_line_regorus_error(&e.to_string()), false),
                    };
                    out.push(Reason {
                        policy: entry.policy.clone(),
                        verdict: Verdict::Deny,
                        message: format!(
                            "evaluating {} failed, so the call is denied (fail closed): {detail}",
                            entry.path
                        ),
                        redacted,
                    });
                }
            }
        }
    }
}

/// Turns decision rules' values into reasons and notes, withholding messages that may
/// quote untrusted or restricted data.
struct Speaker<'a> {
    literals: &'a HashSet<String>,
    taint: Option<&'a str>,
}

impl Speaker<'_> {
    /// The message as it may be shown, and whether it was withheld.
    fn shown(&self, rule: &str, message: String) -> (String, bool) {
        match self.taint {
            Some(taint) if !self.literals.contains(&message) => {
                (redact::withheld(rule, taint), true)
            }
            _ => (message, false),
        }
    }

    /// Turns one decision rule's value into reasons or notes.
    fn record(&self, entry: &Entry, value: &Value, out: &mut Decision) {
        let policy = entry.policy.as_str();
        let verdict = match entry.kind {
            Kind::Deny => Verdict::Deny,
            Kind::Ask => Verdict::Ask,
            Kind::Log => {
                let mut shown: Vec<String> = Vec::new();
                for m in messages(value, "logged") {
                    let (message, redacted) = self.shown("log", m);
                    // Withheld messages all read the same; one note says it.
                    if redacted && shown.contains(&message) {
                        continue;
                    }
                    shown.push(message.clone());
                    out.audit.push(Note {
                        policy: policy.to_string(),
                        message,
                        redacted,
                    });
                }
                return;
            }
            Kind::Allow => {
                if *value == Value::Bool(true) {
                    out.add(policy, Verdict::Allow, "allow is true");
                }
                return;
            }
        };
        let fallback = if verdict == Verdict::Deny {
            "denied"
        } else {
            "needs approval"
        };
        let mut shown: Vec<String> = Vec::new();
        for m in messages(value, fallback) {
            let (message, redacted) = self.shown(entry.kind.rule(), m);
            if redacted && shown.contains(&message) {
                continue;
            }
            shown.push(message.clone());
            out.push(Reason {
                policy: policy.to_string(),
                verdict,
                message,
                redacted,
            });
        }
    }
}

/// The input document as a regorus value, built straight from the borrowed JSON (a
/// third faster than going through serde, and no copy of the document first).
pub(crate) fn to_rego(v: &serde_json::Value) -> Value {
    use serde_json::Value as Json;
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::from(*b),
        Json::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => Value::from(i),
            (None, Some(u), _) => Value::from(u),
            (None, None, Some(f)) => Value::from(f),
            // serde_json numbers are always one of the three.
            (None, None, None) => Value::Undefined,
        },
        Json::String(s) => Value::from(s.as_str()),
        Json::Array(items) => Value::from(items.iter().map(to_rego).collect::<Vec<_>>()),
        Json::Object(map) => Value::from(
            map.iter()
                .map(|(k, v)| (Value::from(k.as_str()), to_rego(v)))
                .collect::<BTreeMap<_, _>>(),
        ),
    }
}

/// The messages of a `deny`/`ask`/`log` rule: each element of a set or array (strings
/// as they are, anything else as JSON); a boolean rule that is true gives `fallback`.
fn messages(value: &Value, fallback: &str) -> Vec<String> {
    let text = |v: &Value| match v {
        Value::String(s) => s.to_string(),
        // A value that holds the same value twice, level after level, is small in memory
        // and exponential written out: measure it first.
        other => match guard::written(other).bytes {
            bytes if bytes > MAX_MESSAGE_BYTES => {
                format!("(a message of about {bytes} bytes written out, too large to show)")
            }
            _ => serde_json::to_string(other).unwrap_or_else(|_| format!("{other:?}")),
        },
    };
    match value {
        Value::Set(set) => set.iter().map(text).collect(),
        Value::Array(items) => items.iter().map(text).collect(),
        Value::Bool(true) => vec![fallback.to_string()],
        Value::Undefined | Value::Null | Value::Bool(false) => Vec::new(),
        other => vec![text(other)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_conversion_matches_serde() {
        let doc = serde_json::json!({
            "tool": "t", "n": [1, -2, 3.5, 18446744073709551615u64], "b": true, "z": null,
            "args": {"to": {"value": "x", "items": [{"value": {"k": "v"}}]}}
        });
        let via_serde: Value = serde_json::from_value(doc.clone()).unwrap();
        assert_eq!(to_rego(&doc), via_serde);
    }
}
