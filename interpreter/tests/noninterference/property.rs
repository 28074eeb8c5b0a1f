//! The experiments: one plan, two worlds, and what an observer may see of each run.
//!
//! * Integrity: the untrusted data differs, the secret does not. What the attacker must not
//!   decide: the sensitive arguments of the allowed calls to tools with sensitive parameters
//!   (`send`'s `to`, `pay`'s `iban` and `amount`). Equal up to the shorter run.
//! * Confidentiality: the secret differs, the untrusted data does not. What someone outside
//!   the secret's readers sees: every allowed call whose audience is not the user alone nor
//!   only readers of the secret, with all its argument values. Equal up to the shorter run.
//! * Differential: labels never change what a plan computes: normal mode and strict mode,
//!   with a host that allows everything, print the same and make the same calls.

use super::world::{is_user_value, spec, Allowed, Host, Rules, World, USER_VALUES};
use bactrian_interpreter::{Config, Fatal, Inspect, Interpreter, Limits, Mode};
use bactrian_provenance::Readers;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Experiment {
    Integrity,
    Confidentiality,
    Differential,
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum End {
    Finished,
    Denied,
    /// An uncaught Python exception (its type).
    Exception(String),
    Limit,
    /// Refused before it ran.
    Refused,
    Other(String),
}

pub struct Run {
    pub allowed: Vec<Allowed>,
    pub seen: Vec<(String, Vec<(String, Value)>)>,
    pub stdout: String,
    pub end: End,
    /// Where and why the run stopped (`line N: message`), empty when it finished.
    pub message: String,
    /// The plan's variables at the end. A variable is what a sink at the end of the plan
    /// could be given: trusted ones would pass the sensitive rule, public ones the readers
    /// rule.
    pub vars: Vec<FinalVar>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinalVar {
    pub name: String,
    pub repr: String,
    pub trusted: bool,
    pub public: bool,
}

pub fn limits() -> Limits {
    Limits {
        max_steps: 5_000,
        max_time: Duration::from_secs(1),
        max_alloc_bytes: 256 << 20,
        // Small: a tool argument is copied out in full, so a list of 100 000 references to
        // one 1 MiB string (a few doublings) would cost the host 100 GB; and the labels of a
        // list that feeds on itself in a loop of tool calls grow much faster than the list.
        max_str_len: 20_000,
        max_collection_len: 100,
        max_int_bits: 10_000,
        max_output_bytes: 1 << 20,
        ..Limits::default()
    }
}

pub fn run(plan: &str, world: World, mode: Mode, rules: Rules) -> Run {
    let mut host = Host::new(world, rules);
    let outcome = Interpreter::new(Config {
        limits: limits(),
        mode,
        inspect: Inspect::All,
        trace: false,
        cancel: None,
        on_this_thread: false,
    })
    .with_host(&mut host)
    .run("plan.py", plan);
    let message = outcome
        .error
        .as_ref()
        .map(|e| {
            let inner = e.traceback.last().map(|f| f.line).unwrap_or(e.line);
            format!("line {inner}: {}", e.message)
        })
        .unwrap_or_default();
    let end = match &outcome.error {
        None => End::Finished,
        Some(e) => match &e.fatal {
            Some(Fatal::PolicyViolation { .. }) => End::Denied,
            Some(Fatal::Limit { .. }) => End::Limit,
            Some(other) => End::Other(other.to_string()),
            None if !e.diagnostics.is_empty() => End::Refused,
            None => End::Exception(e.type_name.clone()),
        },
    };
    Run {
        allowed: host.allowed,
        seen: host.seen,
        stdout: outcome.stdout,
        end,
        message,
        vars: outcome
            .variables
            .iter()
            // Functions, classes and iterators print the same in every run.
            .filter(|v| !v.repr.starts_with('<'))
            .map(|v| FinalVar {
                name: v.name.clone(),
                repr: v.repr.clone(),
                trusted: v.label.is_trusted(),
                public: v.label.readers == Readers::Public,
            })
            .collect(),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    /// The projections differ only through calls that passed because an untrusted value
    /// equalled a user value.
    Explained(String),
    Violation(String),
}

/// How the two runs of a case compare.
pub struct Checked {
    pub verdict: Verdict,
}

/// The first position where two sequences differ, within the shorter one.
fn first_difference<T: PartialEq>(a: &[T], b: &[T]) -> Option<usize> {
    a.iter().zip(b).position(|(x, y)| x != y)
}

/// Where two runs' observations differ. Termination-insensitive: a run stopped by a denial,
/// an uncaught exception or a limit may have seen less, so only the common prefix counts;
/// when both runs finished, everything counts, the number of observations too.
fn observed_difference<T: PartialEq>(ra: &Run, a: &[T], rb: &Run, b: &[T]) -> Option<usize> {
    first_difference(a, b).or_else(|| {
        let both_finished = ra.end == End::Finished && rb.end == End::Finished;
        (both_finished && a.len() != b.len()).then(|| a.len().min(b.len()))
    })
}

type Projected = (String, Vec<(String, Value)>);

fn show(p: Option<&Projected>) -> String {
    match p {
        None => "(nothing)".into(),
        Some((tool, args)) => {
            let args: Vec<String> = args.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("{tool}({})", args.join(", "))
        }
    }
}

fn integrity_projection(run: &Run, weak: bool) -> Vec<Projected> {
    run.allowed
        .iter()
        .filter(|c| spec(&c.tool).is_some_and(|s| !s.sensitive.is_empty()))
        .filter(|c| !weak || !c.by_allowance)
        .map(|c| {
            let sensitive = spec(&c.tool).map(|s| s.sensitive).unwrap_or(&[]);
            let args = sensitive
                .iter()
                .map(|p| (p.to_string(), c.arg(p).cloned().unwrap_or(Value::Null)))
                .collect();
            (c.tool.clone(), args)
        })
        .collect()
}

fn confidentiality_projection(run: &Run) -> Vec<Projected> {
    run.allowed
        .iter()
        .filter(|c| c.observable)
        .map(|c| {
            let args = c
                .args
                .iter()
                .map(|(k, v, _)| (k.clone(), v.clone()))
                .collect();
            (c.tool.clone(), args)
        })
        .collect()
}

fn describe(what: &str, i: usize, a: &[Projected], b: &[Projected]) -> String {
    format!(
        "{what} #{}: {} vs {}",
        i + 1,
        show(a.get(i)),
        show(b.get(i))
    )
}

pub fn integrity(plan: &str, a: World, b: World) -> Checked {
    let ra = run(plan, a, Mode::Strict, Rules::Enforce);
    let rb = run(plan, b, Mode::Strict, Rules::Enforce);
    let verdict = judge_integrity(&ra, &rb);
    Checked { verdict }
}

/// When both runs finished: a variable both runs let out (by `visible`) holds the same value
/// in both, as a sink at the end of the plan would see it.
fn final_state_difference(
    ra: &Run,
    rb: &Run,
    visible: impl Fn(&FinalVar) -> bool,
) -> Option<String> {
    final_state_differences(ra, rb, visible).into_iter().next()
}

fn final_state_differences(ra: &Run, rb: &Run, visible: impl Fn(&FinalVar) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    if ra.end != End::Finished || rb.end != End::Finished {
        return out;
    }
    for va in &ra.vars {
        let Some(vb) = rb.vars.iter().find(|v| v.name == va.name) else {
            continue;
        };
        if visible(va) && visible(vb) && va.repr != vb.repr {
            out.push(format!(
                "at the end, {} = {} vs {}",
                va.name,
                clip(&va.repr),
                clip(&vb.repr)
            ));
        }
    }
    out
}

/// A variable a sensitive parameter would accept at the end of the plan: trusted, or equal
/// to a user value.
fn passes_sensitive(v: &FinalVar) -> bool {
    v.trusted
        || USER_VALUES
            .iter()
            .any(|u| v.repr == format!("'{u}'") || v.repr == *u)
}

fn clip(s: &str) -> String {
    if s.chars().count() > 120 {
        s.chars().take(117).collect::<String>() + "..."
    } else {
        s.to_string()
    }
}

pub fn judge_integrity(ra: &Run, rb: &Run) -> Verdict {
    let calls = judge_integrity_calls(ra, rb);
    if matches!(calls, Verdict::Violation(_)) {
        return calls;
    }
    // As if each variable were sent at the end: the values a sensitive parameter accepts
    // must agree, unless neither is trusted (then the user-value allowance let both in).
    if let Some(d) = final_state_difference(ra, rb, |v| v.trusted) {
        return Verdict::Violation(format!("trusted in both runs: {d}"));
    }
    let a_trusted = |name: &str, r: &Run| r.vars.iter().any(|v| v.name == name && v.trusted);
    for va in ra.vars.iter().filter(|v| passes_sensitive(v)) {
        let Some(vb) = rb.vars.iter().find(|v| v.name == va.name) else {
            continue;
        };
        if passes_sensitive(vb)
            && va.repr != vb.repr
            && ra.end == End::Finished
            && rb.end == End::Finished
        {
            let d = format!(
                "at the end, {} = {} vs {}",
                va.name,
                clip(&va.repr),
                clip(&vb.repr)
            );
            if a_trusted(&va.name, ra) || a_trusted(&vb.name, rb) {
                return Verdict::Violation(format!(
                    "trusted in one run, a user value in the other: {d}"
                ));
            }
            if calls == Verdict::Pass {
                return Verdict::Explained(format!("{d} (both values are user values)"));
            }
        }
    }
    calls
}

fn judge_integrity_calls(ra: &Run, rb: &Run) -> Verdict {
    let (pa, pb) = (
        integrity_projection(ra, false),
        integrity_projection(rb, false),
    );
    let Some(i) = observed_difference(ra, &pa, rb, &pb) else {
        return Verdict::Pass;
    };
    let text = describe("sensitive call", i, &pa, &pb);
    let (wa, wb) = (
        integrity_projection(ra, true),
        integrity_projection(rb, true),
    );
    match observed_difference(ra, &wa, rb, &wb) {
        None => {
            let user_values = [pa.get(i), pb.get(i)]
                .iter()
                .all(|c| c.is_some_and(|(_, args)| args.iter().all(|(_, v)| is_user_value(v))));
            let note = if user_values {
                "both values are user values"
            } else {
                "a call allowed only as a user value was made in one run and not the other"
            };
            Verdict::Explained(format!("{text} ({note})"))
        }
        Some(j) => Verdict::Violation(describe("trusted sensitive call", j, &wa, &wb)),
    }
}

pub fn confidentiality(plan: &str, a: World, b: World) -> Checked {
    let ra = run(plan, a, Mode::Strict, Rules::Enforce);
    let rb = run(plan, b, Mode::Strict, Rules::Enforce);
    let verdict = judge_confidentiality(&ra, &rb);
    Checked { verdict }
}

pub fn judge_confidentiality(ra: &Run, rb: &Run) -> Verdict {
    let (pa, pb) = (
        confidentiality_projection(ra),
        confidentiality_projection(rb),
    );
    if let Some(i) = observed_difference(ra, &pa, rb, &pb) {
        return Verdict::Violation(describe("observable call", i, &pa, &pb));
    }
    match final_state_difference(ra, rb, |v| v.public) {
        Some(d) => Verdict::Violation(format!("public in both runs: {d}")),
        None => Verdict::Pass,
    }
}

/// Normal mode and strict mode with a host that allows everything, in world `a` (`b` is
/// unused).
pub fn differential(plan: &str, a: World) -> Checked {
    let normal = run(plan, a, Mode::Normal, Rules::AllowAll);
    let strict = run(plan, a, Mode::Strict, Rules::AllowAll);
    Checked {
        verdict: judge_differential(&normal, &strict),
    }
}

/// `strict` may be a run under the rules that no rule stopped: the host answers the same.
pub fn judge_differential(normal: &Run, strict: &Run) -> Verdict {
    // A run stopped by a limit did less: compare what both did.
    let limited = normal.end == End::Limit || strict.end == End::Limit;
    if limited {
        let n = normal.seen.len().min(strict.seen.len());
        return match first_difference(&normal.seen[..n], &strict.seen[..n]) {
            Some(i) => Verdict::Violation(format!(
                "call #{}: normal {} vs strict {}",
                i + 1,
                show(normal.seen.get(i)),
                show(strict.seen.get(i))
            )),
            None => Verdict::Pass,
        };
    }
    if normal.stdout != strict.stdout {
        let (n, s) = (normal.stdout.lines(), strict.stdout.lines());
        let i = n.clone().zip(s.clone()).position(|(x, y)| x != y);
        let (x, y) = match i {
            Some(i) => (n.clone().nth(i), s.clone().nth(i)),
            None => (n.clone().last(), s.clone().last()),
        };
        Verdict::Violation(format!(
            "stdout differs: normal printed {:?}, strict {:?}",
            x.unwrap_or(""),
            y.unwrap_or("")
        ))
    } else if let Some(i) = first_difference(&normal.seen, &strict.seen) {
        Verdict::Violation(format!(
            "call #{}: normal {} vs strict {}",
            i + 1,
            show(normal.seen.get(i)),
            show(strict.seen.get(i))
        ))
    } else if normal.seen.len() != strict.seen.len() {
        Verdict::Violation(format!(
            "normal made {} calls, strict {}",
            normal.seen.len(),
            strict.seen.len()
        ))
    } else if let Some(d) = final_state_difference(normal, strict, |_| true) {
        Verdict::Violation(format!("normal and strict: {d}"))
    } else if normal.end != strict.end && normal.end != End::Limit && strict.end != End::Limit {
        Verdict::Violation(format!(
            "normal ended {:?} ({}), strict {:?} ({})",
            normal.end, normal.message, strict.end, strict.message
        ))
    } else {
        Verdict::Pass
    }
}

pub fn check(experiment: Experiment, plan: &str, a: World, b: World) -> Checked {
    match experiment {
        Experiment::Integrity => integrity(plan, a, b),
        Experiment::Confidentiality => confidentiality(plan, a, b),
        Experiment::Differential => differential(plan, a),
    }
}
