//! Redaction at the edges: a policy's message must not carry a value that depends on
//! untrusted or restricted data out of a run (to stderr, `--json`, the record, or back to
//! the planner model). Rego messages are often `sprintf`s of argument values; when a call
//! holds such data, a Rego message is kept only if it is one of the policy's own string
//! literals, and is otherwise replaced by one that names the arguments and their sources.

// A byte scanner: every index is checked against the length on the line before it.
#![allow(clippy::indexing_slicing)]

use std::collections::HashSet;

use crate::input::{describe_sources, Call, Node, Readers};

/// Why values of this call must not be quoted: one phrase per argument (and the context)
/// that is untrusted or restricted, `None` when every one is trusted and public.
pub(crate) fn taint(call: &Call<'_>) -> Option<String> {
    let mut phrases: Vec<String> = call
        .args()
        .filter_map(|(name, node)| phrase(name, &node))
        .collect();
    // The context is part of every argument's label; it is named on its own only when it
    // adds something (a call without tainted arguments, or a document that does not join
    // it).
    if phrases.is_empty() {
        if let Some(context) = call.context() {
            phrases.extend(phrase("the call's context", &context));
        }
    }
    (!phrases.is_empty()).then(|| phrases.join("; "))
}

/// `to came from web_search (call c1)`, `body is restricted to its readers`, or `None`
/// for a trusted, public node.
fn phrase(name: &str, node: &Node<'_>) -> Option<String> {
    let restricted = matches!(node.readers(), Readers::Only(_));
    match (node.trusted(), restricted) {
        (true, false) => None,
        (true, true) => Some(format!("{name} is restricted to its readers")),
        (false, restricted) => Some(format!(
            "{name} came from {}{}",
            describe_sources(&node.untrusted_sources()),
            if restricted {
                " and is restricted to its readers"
            } else {
                ""
            }
        )),
    }
}

/// The message that replaces a withheld one.
pub(crate) fn withheld(rule: &str, taint: &str) -> String {
    format!("{rule} message withheld (it may quote untrusted or restricted data): {taint}")
}

/// Every string literal of a Rego source, unescaped: `"..."` (JSON escapes) and raw
/// `` `...` `` strings. Comments are skipped.
pub(crate) fn string_literals(text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if i < bytes.len() && bytes[i] == b'"' {
                    if let Some(raw) = text.get(start..=i) {
                        if let Ok(s) = serde_json::from_str::<String>(raw) {
                            out.insert(s);
                        }
                    }
                }
                i += 1;
            }
            b'`' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'`' {
                    i += 1;
                }
                if let Some(raw) = text.get(start..i) {
                    out.insert(raw.to_string());
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn literals_are_found_unescaped_and_comments_skipped() {
        let lits = string_literals(
            "package bactrian\n# \"not this\"\ndeny contains \"a \\\"quoted\\\" word\" if true\n\
             ask contains `raw \\n` if true\nx := sprintf(\"%s is bad\", [y])\n",
        );
        assert!(lits.contains("a \"quoted\" word"));
        assert!(lits.contains("raw \\n"));
        assert!(lits.contains("%s is bad"));
        assert!(!lits.contains("not this"));
    }

    #[test]
    fn taint_names_untrusted_and_restricted_arguments() {
        let doc = json!({"tool": "t", "args": {
            "to": {"value": "x", "trusted": false,
                   "sources": [{"kind": "tool", "name": "web_search", "call": "c1"}]},
            "body": {"value": "y", "trusted": true, "readers": ["a@x.com"]},
            "n": {"value": 1, "trusted": true}
        }});
        let call = Call::new(&doc).unwrap();
        assert_eq!(
            taint(&call).as_deref(),
            Some("to came from web_search (call c1); body is restricted to its readers")
        );
        let clean = json!({"tool": "t", "args": {"n": {"value": 1, "trusted": true}},
                           "context": {"trusted": true, "readers": "public"}});
        assert_eq!(taint(&Call::new(&clean).unwrap()), None);
        let ctx = json!({"tool": "t", "args": {},
                         "context": {"trusted": false, "sources": [{"kind": "quarantined_llm", "call": "c2"}]}});
        assert_eq!(
            taint(&Call::new(&ctx).unwrap()).as_deref(),
            Some("the call's context came from query_ai_assistant (call c2)")
        );
    }
}
