//! What a policy set says about one tool call.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The answer about one tool call. Ordered so that the strictest compares greatest:
/// `Deny > Ask > Allow`, and combining answers is taking the maximum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The call may run.
    Allow,
    /// The call may run only after a person approves it.
    Ask,
    /// The call must not run.
    Deny,
}

impl Verdict {
    /// `"allow"`, `"ask"` or `"deny"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Allow => "allow",
            Verdict::Ask => "ask",
            Verdict::Deny => "deny",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Verdict {
    type Err = String;

    fn from_str(s: &str) -> Result<Verdict, String> {
        match s {
            "allow" => Ok(Verdict::Allow),
            "ask" => Ok(Verdict::Ask),
            "deny" => Ok(Verdict::Deny),
            other => Err(format!(
                "unknown verdict `{other}` (expected allow, ask or deny)"
            )),
        }
    }
}

/// One policy's answer and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    /// Which policy spoke: `builtin:sensitive`, `builtin:readers`, a Rego file, or
    /// `file.yaml#rule-name` for a YAML rule.
    pub policy: String,
    pub verdict: Verdict,
    pub message: String,
    /// True when the policy's own message was withheld because it may quote arguments that
    /// depend on untrusted or restricted data; `message` then says which arguments, never
    /// their values.
    #[serde(default, skip_serializing_if = "is_false")]
    pub redacted: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// An audit note from a `log` rule: recorded with the decision, changes nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub policy: String,
    pub message: String,
    /// True when the rule's own message was withheld (see [`Reason::redacted`]).
    #[serde(default, skip_serializing_if = "is_false")]
    pub redacted: bool,
}

/// The combined answer of every policy in a set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The strictest verdict among `reasons`; `None` when no policy spoke, and the
    /// caller's default applies.
    pub verdict: Option<Verdict>,
    /// Every answer from every policy that spoke, in the order the policies were loaded
    /// (built-in rules first).
    pub reasons: Vec<Reason>,
    /// Notes from `log` rules.
    pub audit: Vec<Note>,
    /// True when a configured policy (a YAML rule or Rego) answered `allow` or `ask`: the
    /// tool itself is permitted, subject to the strictest verdict. The built-in rules never
    /// permit a call; they only deny (or ask). A tool with side effects runs only when this
    /// is true or its own default allows it (see docs/policy.md).
    #[serde(default, skip_serializing_if = "is_false")]
    pub permitted: bool,
}

impl Decision {
    /// Adds one policy's answer; the verdict becomes the strictest seen so far.
    pub fn add(&mut self, policy: impl Into<String>, verdict: Verdict, message: impl Into<String>) {
        self.verdict = self.verdict.max(Some(verdict));
        self.push(Reason {
            policy: policy.into(),
            verdict,
            message: message.into(),
            redacted: false,
        });
    }

    /// Adds one reason; the verdict becomes the strictest seen so far.
    pub fn push(&mut self, reason: Reason) {
        self.verdict = self.verdict.max(Some(reason.verdict));
        self.reasons.push(reason);
    }

    /// Adds an audit note.
    pub fn note(&mut self, policy: impl Into<String>, message: impl Into<String>) {
        self.audit.push(Note {
            policy: policy.into(),
            message: message.into(),
            redacted: false,
        });
    }

    /// True when the call must not run.
    pub fn is_denied(&self) -> bool {
        self.verdict == Some(Verdict::Deny)
    }

    /// The reasons that carry the final verdict (the ones to show a user first).
    pub fn deciding_reasons(&self) -> impl Iterator<Item = &Reason> {
        self.reasons
            .iter()
            .filter(move |r| Some(r.verdict) == self.verdict)
    }
}

impl fmt::Display for Decision {
    /// `deny` then one indented line per reason and note.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.verdict {
            Some(v) => write!(f, "{v}")?,
            None => write!(f, "none (no policy spoke)")?,
        }
        for r in &self.reasons {
            write!(
                f,
                "\n  {:<5} {}: {}",
                r.verdict.as_str(),
                r.policy,
                r.message
            )?;
        }
        for n in &self.audit {
            write!(f, "\n  log   {}: {}", n.policy, n.message)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strictest_verdict_wins_in_any_order() {
        let mut d = Decision::default();
        d.add("a", Verdict::Ask, "x");
        d.add("b", Verdict::Deny, "y");
        d.add("c", Verdict::Allow, "z");
        assert_eq!(d.verdict, Some(Verdict::Deny));
        assert_eq!(d.reasons.len(), 3);
        assert_eq!(d.deciding_reasons().count(), 1);
    }

    #[test]
    fn notes_do_not_change_the_verdict() {
        let mut d = Decision::default();
        d.note("a", "seen");
        assert_eq!(d.verdict, None);
        d.add("b", Verdict::Allow, "ok");
        d.note("a", "seen again");
        assert_eq!(d.verdict, Some(Verdict::Allow));
    }

    #[test]
    fn decision_serializes_lowercase() {
        let mut d = Decision::default();
        d.add(
            "builtin:sensitive",
            Verdict::Deny,
            "to came from web_search (call c1)",
        );
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["verdict"], "deny");
        assert_eq!(json["reasons"][0]["verdict"], "deny");
    }
}
