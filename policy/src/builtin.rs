//! The two built-in rules. YAML `tools:` declarations reuse them for parameters the input
//! does not mark.
//!
//! A built-in rule never allows a call: it is silent when the call passes, and answers its
//! `violation` verdict (`deny`, or `ask` under `policy.builtin: ask`) when it does not. Its
//! messages never quote a value that came from untrusted or restricted data: they name the
//! argument and where it came from.

use serde_json::Value;

use crate::decision::{Decision, Verdict};
use crate::input::{clip, describe_sources, scalar_text, Audience, Call, Node, Readers};

/// Name of the built-in sensitive-parameter rule in reasons.
pub const SENSITIVE: &str = "builtin:sensitive";
/// Name of the built-in readers rule in reasons.
pub const READERS: &str = "builtin:readers";

/// Most failing elements of one argument named one by one: the rest are counted, so that a
/// list of a million untrusted items gives eleven reasons, not a million.
const MAX_NAMED_FAILURES: usize = 10;

/// The failing leaves of one argument: the first few in words, then a count.
#[derive(Default)]
struct Failures {
    named: Vec<String>,
    more: usize,
}

impl Failures {
    fn push(&mut self, line: impl FnOnce() -> String) {
        if self.named.len() < MAX_NAMED_FAILURES {
            self.named.push(line());
        } else {
            self.more += 1;
        }
    }

    fn count(&self) -> usize {
        self.named.len() + self.more
    }
}

/// Judges one node; records one failure per failing leaf (`to[1] came from ...`). True when
/// it passes.
fn judge(path: &str, node: Node<'_>, trusted_values: &[String], failures: &mut Failures) -> bool {
    if node.trusted() {
        return true;
    }
    if let Some(text) = scalar_text(node.value()) {
        if trusted_values.contains(&text) {
            return true;
        }
    }
    let sources = describe_sources(&node.untrusted_sources());
    match node.items() {
        Some(items) if !items.is_empty() => {
            let before = failures.count();
            for (i, item) in items.into_iter().enumerate() {
                judge(&format!("{path}[{i}]"), item, trusted_values, failures);
            }
            failures.count() == before
        }
        // An empty collection has no item to vouch for it; its shape came from untrusted
        // data, so it fails like any untrusted value (fail closed).
        Some(_) => {
            failures.push(|| format!("{path} is an empty collection that came from {sources}"));
            false
        }
        // No `items`: every element has the whole's label (the engine lists the parts of a
        // value only where some part's label differs), so each must be a value the user gave.
        None => match node.value() {
            Value::Array(elements) if !elements.is_empty() => {
                elements_pass(path, elements, &sources, trusted_values, failures)
            }
            _ => {
                failures.push(|| format!("{path} came from {sources}"));
                false
            }
        },
    }
}

/// [`judge`] for the elements of an untrusted collection that all have its label: each
/// passes when it is a value the user gave, or a non-empty collection of such values.
fn elements_pass(
    path: &str,
    elements: &[Value],
    sources: &str,
    trusted_values: &[String],
    failures: &mut Failures,
) -> bool {
    let before = failures.count();
    for (i, element) in elements.iter().enumerate() {
        match element {
            Value::Array(inner) if !inner.is_empty() => {
                elements_pass(
                    &format!("{path}[{i}]"),
                    inner,
                    sources,
                    trusted_values,
                    failures,
                );
            }
            other if scalar_text(other).is_some_and(|t| trusted_values.contains(&t)) => {}
            _ => failures.push(|| format!("{path}[{i}] came from {sources}")),
        }
    }
    failures.count() == before
}

/// The sensitive rule over the arguments `is_sensitive` selects: each must be trusted,
/// equal to one of `user.trusted_values`, or a non-empty collection whose every item
/// passes. Answers `violation` once per failing argument (or element, for the first ten;
/// once more for the count of the rest); silent otherwise.
pub(crate) fn check_sensitive(
    call: &Call<'_>,
    is_sensitive: impl Fn(&str, &Node<'_>) -> bool,
    policy: &str,
    violation: Verdict,
    out: &mut Decision,
) {
    let trusted_values = call.trusted_values();
    let tool = call.tool();
    for (name, node) in call.args() {
        if !is_sensitive(name, &node) {
            continue;
        }
        let mut failures = Failures::default();
        if judge(name, node, &trusted_values, &mut failures) {
            continue;
        }
        let more = (failures.more > 0).then(|| {
            format!(
                "{} more elements of {name} are neither trusted nor values the user gave",
                failures.more
            )
        });
        for failure in failures.named.into_iter().chain(more) {
            out.add(
                policy,
                violation,
                format!(
                    "{failure}; {tool}.{name} is sensitive and must be trusted \
                     or a value the user gave"
                ),
            );
        }
    }
}

/// What a recipient argument names: the principals, or `None` when its value is not a
/// string or a list of strings (then nobody can tell who receives the data).
fn principals(value: &Value) -> Option<Vec<&str>> {
    match value {
        Value::String(s) => Some(vec![s.as_str()]),
        Value::Array(items) => items.iter().map(Value::as_str).collect(),
        _ => None,
    }
}

fn list(names: &[&str]) -> String {
    if names.is_empty() {
        return "no one".to_string();
    }
    names.iter().map(|n| clip(n)).collect::<Vec<_>>().join(", ")
}

/// Where a principal of the audience comes from.
#[derive(Clone, Copy)]
enum Origin<'a> {
    /// The tool's declared audience (agent.yaml, or the document's `audience`).
    Declared,
    /// A recipient argument's value.
    Arg(&'a str, Node<'a>),
}

/// Who receives a call's data, as the readers rule sees it.
enum Receivers<'a> {
    Anyone,
    User,
    Unknown,
    /// This recipient argument is not a string or a list of strings.
    Unreadable(&'a str),
    Principals(Vec<(&'a str, Origin<'a>)>),
}

/// The audience of a call: the principals its recipient arguments name (plus the declared
/// audience's principals) when it has recipient arguments, else its declared audience.
/// A declared `public` audience stays public; a declared `user` audience adds no one (the
/// user may read everything the agent reads).
fn receivers<'a>(call: &Call<'a>, is_recipient: impl Fn(&str, &Node<'_>) -> bool) -> Receivers<'a> {
    let declared = call.audience();
    let recipients: Vec<(&'a str, Node<'a>)> = call
        .args()
        .filter(|(name, node)| is_recipient(name, node))
        .collect();
    if recipients.is_empty() {
        return match declared {
            Audience::Public => Receivers::Anyone,
            Audience::User => Receivers::User,
            Audience::Unknown => Receivers::Unknown,
            Audience::Principals(ps) => {
                Receivers::Principals(ps.into_iter().map(|p| (p, Origin::Declared)).collect())
            }
        };
    }
    if declared == Audience::Public {
        return Receivers::Anyone;
    }
    let mut out: Vec<(&'a str, Origin<'a>)> = Vec::new();
    for (name, node) in recipients {
        let Some(named) = principals(node.value()) else {
            return Receivers::Unreadable(name);
        };
        for p in named {
            if !out.iter().any(|(q, _)| *q == p) {
                out.push((p, Origin::Arg(name, node)));
            }
        }
    }
    if let Audience::Principals(ps) = declared {
        for p in ps {
            if !out.iter().any(|(q, _)| *q == p) {
                out.push((p, Origin::Declared));
            }
        }
    }
    Receivers::Principals(out)
}

/// `(readers: a, b)`: the principals of the label (each clipped). Labels are set by
/// agent.yaml and by the tools, not by the data, so they are named.
fn readers_text(set: &[&str]) -> String {
    format!("(readers: {})", list(set))
}

/// Whether a recipient argument's value may be quoted in a message: it is trusted and
/// public.
fn quotable(node: &Node<'_>) -> bool {
    node.trusted() && matches!(node.readers(), Readers::Public)
}

/// Why a recipient argument's value is not quoted: its untrusted sources, or its readers.
fn unquoted_because(name: &str, node: &Node<'_>) -> String {
    let untrusted = node.untrusted_sources();
    if !node.trusted() {
        format!("{name} came from {}", describe_sources(&untrusted))
    } else {
        format!("{name} is restricted data, so its value is not shown")
    }
}

/// The readers rule: data whose readers are restricted (`readers` a list) may go only to a
/// tool whose audience is inside those readers. Checked for every argument and for the
/// call's context: the audience must be the user alone, or principals all among the
/// readers; a public or unknown audience fails. Answers `violation` for each failure;
/// silent when nothing is restricted or everything may go where it goes.
pub(crate) fn check_readers(
    call: &Call<'_>,
    is_recipient: impl Fn(&str, &Node<'_>) -> bool,
    policy: &str,
    violation: Verdict,
    out: &mut Decision,
) {
    let mut restricted: Vec<(&str, Vec<&str>)> = Vec::new();
    for (name, node) in call.args() {
        if let Readers::Only(set) = node.readers() {
            restricted.push((name, set));
        }
    }
    if let Some(context) = call.context() {
        if let Readers::Only(set) = context.readers() {
            // Every argument's label already includes the context: an argument restricted
            // to a subset of the context's readers is the stricter check.
            let covered = restricted
                .iter()
                .any(|(_, s)| s.iter().all(|p| set.contains(p)));
            if !covered {
                restricted.push(("the call's context", set));
            }
        }
    }
    if restricted.is_empty() {
        return;
    }
    let tool = call.tool();
    let receivers = receivers(call, is_recipient);
    for (name, set) in &restricted {
        let readers = readers_text(set);
        match &receivers {
            Receivers::User => {}
            Receivers::Anyone => out.add(
                policy,
                violation,
                format!(
                    "{name} may be read only by its readers {readers}, and {tool} gives what \
                     it is given to anyone (audience: public)"
                ),
            ),
            Receivers::Unknown => out.add(
                policy,
                violation,
                format!(
                    "{name} may be read only by its readers {readers}, and {tool} has no \
                     declared audience and no recipient, so nobody can tell who would read it"
                ),
            ),
            Receivers::Unreadable(rname) => out.add(
                policy,
                violation,
                format!(
                    "{rname} is not a string or a list of strings, so nobody can tell \
                     whether its recipients may read {name} {readers}"
                ),
            ),
            Receivers::Principals(all) => {
                let outsiders: Vec<(&str, Origin<'_>)> = all
                    .iter()
                    .copied()
                    .filter(|(p, _)| !set.contains(p))
                    .collect();
                report_outsiders(tool, name, &readers, &outsiders, policy, violation, out);
            }
        }
    }
}

/// One message per origin of the principals who may not read `name`.
fn report_outsiders(
    tool: &str,
    name: &str,
    readers: &str,
    outsiders: &[(&str, Origin<'_>)],
    policy: &str,
    violation: Verdict,
    out: &mut Decision,
) {
    let declared: Vec<&str> = outsiders
        .iter()
        .filter(|(_, o)| matches!(o, Origin::Declared))
        .map(|(p, _)| *p)
        .collect();
    let mut args: Vec<(&str, Node<'_>, Vec<&str>)> = Vec::new();
    for (p, origin) in outsiders {
        if let Origin::Arg(rname, rnode) = origin {
            match args.iter_mut().find(|(n, _, _)| n == rname) {
                Some((_, _, ps)) => ps.push(p),
                None => args.push((rname, *rnode, vec![p])),
            }
        }
    }
    for (rname, rnode, ps) in args {
        let message = if quotable(&rnode) {
            format!("{rname}: {} may not read {name} {readers}", list(&ps))
        } else {
            let n = ps.len();
            format!(
                "{rname} names {n} principal{} who may not read {name} {readers}; {}",
                if n == 1 { "" } else { "s" },
                unquoted_because(rname, &rnode)
            )
        };
        out.add(policy, violation, message);
    }
    if !declared.is_empty() {
        out.add(
            policy,
            violation,
            format!(
                "the audience of {tool} includes {}, who may not read {name} {readers}",
                list(&declared)
            ),
        );
    }
}
