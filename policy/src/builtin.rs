//! The two built-in rules. YAML `tools:` declarations reuse them for parameters the input
//! does not mark.

use serde_json::Value;

use crate::decision::{Decision, Verdict};
use crate::input::{describe_sources, scalar_text, Call, Node, Readers};

/// Name of the built-in sensitive-parameter rule in reasons.
pub const SENSITIVE: &str = "builtin:sensitive";
/// Name of the built-in readers rule in reasons.
pub const READERS: &str = "builtin:readers";

/// Why a sensitive argument passed.
enum Pass {
    Trusted,
    UserValue,
    EveryItem,
}

/// Judges one node; pushes one line per failing leaf (`to[1] came from ...`).
fn judge(
    path: &str,
    node: Node<'_>,
    trusted_values: &[String],
    failures: &mut Vec<String>,
) -> Option<Pass> {
    if node.trusted() {
        return Some(Pass::Trusted);
    }
    if let Some(text) = scalar_text(node.value()) {
        if trusted_values.contains(&text) {
            return Some(Pass::UserValue);
        }
    }
    let sources = describe_sources(&node.untrusted_sources());
    match node.items() {
        Some(items) if !items.is_empty() => {
            let before = failures.len();
            for (i, item) in items.into_iter().enumerate() {
                judge(&format!("{path}[{i}]"), item, trusted_values, failures);
            }
            (failures.len() == before).then_some(Pass::EveryItem)
        }
        // An empty collection has no item to vouch for it; its shape came from untrusted
        // data, so it fails like any untrusted value (fail closed).
        Some(_) => {
            failures.push(format!(
                "{path} is an empty collection that came from {sources}"
            ));
            None
        }
        None => {
            failures.push(format!("{path} came from {sources}"));
            None
        }
    }
}

/// The sensitive rule over the arguments `is_sensitive` selects: each must be trusted,
/// equal to one of `user.trusted_values`, or a non-empty collection whose every item
/// passes. Speaks (allow or deny) only when at least one argument was checked.
pub(crate) fn check_sensitive(
    call: &Call<'_>,
    is_sensitive: impl Fn(&str, &Node<'_>) -> bool,
    policy: &str,
    out: &mut Decision,
) {
    let trusted_values = call.trusted_values();
    let tool = call.tool();
    let mut passed = Vec::new();
    let mut denied = false;
    for (name, node) in call.args() {
        if !is_sensitive(name, &node) {
            continue;
        }
        let mut failures = Vec::new();
        match judge(name, node, &trusted_values, &mut failures) {
            Some(Pass::Trusted) => passed.push(format!("{name} is trusted")),
            Some(Pass::UserValue) => passed.push(format!("{name} is a value the user gave")),
            Some(Pass::EveryItem) => passed.push(format!(
                "every item of {name} is trusted or a value the user gave"
            )),
            None => {
                denied = true;
                for failure in failures {
                    out.add(
                        policy,
                        Verdict::Deny,
                        format!(
                            "{failure}; {tool}.{name} is sensitive and must be trusted \
                             or a value the user gave"
                        ),
                    );
                }
            }
        }
    }
    if !denied && !passed.is_empty() {
        out.add(policy, Verdict::Allow, passed.join("; "));
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

/// Cuts text that may come from untrusted data before it goes into a message.
fn clip(text: &str) -> String {
    const MAX: usize = 80;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(MAX).collect();
    cut.push('…');
    cut
}

fn list(names: &[&str]) -> String {
    if names.is_empty() {
        return "no one".to_string();
    }
    names.iter().map(|n| clip(n)).collect::<Vec<_>>().join(", ")
}

/// The readers rule: the principals named by every recipient argument must be readers
/// of every other argument. Speaks only when there is a recipient and some other argument
/// with restricted readers.
pub(crate) fn check_readers(
    call: &Call<'_>,
    is_recipient: impl Fn(&str, &Node<'_>) -> bool,
    policy: &str,
    out: &mut Decision,
) {
    let mut recipients = Vec::new();
    let mut restricted = Vec::new();
    for (name, node) in call.args() {
        if is_recipient(name, &node) {
            recipients.push((name, node));
        } else if let Readers::Only(set) = node.readers() {
            restricted.push((name, set));
        }
    }
    if recipients.is_empty() || restricted.is_empty() {
        return;
    }
    let mut denied = false;
    for (rname, rnode) in &recipients {
        let Some(principals) = principals(rnode.value()) else {
            for (cname, set) in &restricted {
                denied = true;
                out.add(
                    policy,
                    Verdict::Deny,
                    format!(
                        "{rname} is not a string or a list of strings, so nobody can tell \
                         whether its recipients may read {cname} (readers: {})",
                        list(set)
                    ),
                );
            }
            continue;
        };
        for (cname, set) in &restricted {
            let outsiders: Vec<&str> = principals
                .iter()
                .copied()
                .filter(|p| !set.contains(p))
                .collect();
            if !outsiders.is_empty() {
                denied = true;
                out.add(
                    policy,
                    Verdict::Deny,
                    format!(
                        "{rname}: {} may not read {cname} (readers: {})",
                        list(&outsiders),
                        list(set)
                    ),
                );
            }
        }
    }
    if !denied {
        let rnames: Vec<&str> = recipients.iter().map(|(n, _)| *n).collect();
        let cnames: Vec<&str> = restricted.iter().map(|(n, _)| *n).collect();
        out.add(
            policy,
            Verdict::Allow,
            format!(
                "the recipients in {} may read {}",
                rnames.join(", "),
                cnames.join(", ")
            ),
        );
    }
}
