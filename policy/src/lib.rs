//! Decisions on tool calls: built-in rules, YAML rules and Rego.
//!
//! Before every tool call the engine builds one *input document* (the tool, each argument
//! with its value and label, the user's trusted values, the call history; the fields are
//! described in `docs/policy.md`) and asks a [`PolicySet`]. Every policy in the set may
//! speak; the strictest answer wins (`deny` > `ask` > `allow`), and `log` rules add audit
//! notes.
//!
//! # A tour
//!
//! A policy set starts with the built-in rules on: a *sensitive* argument must be trusted
//! or equal to a value the user gave, and data whose readers are restricted may only go to
//! a tool whose audience is inside them. The built-in rules never allow a call: they only
//! deny (or ask, with [`BuiltinRules::Ask`]). Only a configured policy permits a tool
//! ([`Decision::permitted`]); the engine denies a tool with side effects that none permits.
//!
//! ```
//! use bactrian_policy::{PolicySet, Verdict};
//! use serde_json::json;
//!
//! // The planner's program sends mail to an address it read on the web.
//! let input = json!({
//!     "tool": "send_message",
//!     "call": {"index": 3, "id": "c3"},
//!     "args": {
//!         "to": {"value": "bob@evil.com", "trusted": false,
//!                "sources": [{"kind": "tool", "name": "web_search", "call": "c1"}],
//!                "readers": "public", "sensitive": true},
//!         "content": {"value": "hi", "trusted": true,
//!                     "sources": [{"kind": "program"}], "readers": "public"}
//!     },
//!     "user": {"trusted_values": ["alice@example.com"]}
//! });
//!
//! let policies = PolicySet::new();
//! let decision = policies.decide(&input);
//! assert_eq!(decision.verdict, Some(Verdict::Deny));
//! let reason = &decision.reasons[0];
//! assert_eq!(reason.policy, "builtin:sensitive");
//! assert!(reason.message.starts_with("to came from web_search (call c1)"));
//! assert!(!decision.permitted);
//!
//! // A trusted recipient passes the built-in rules, which then say nothing at all.
//! let mut ok = input.clone();
//! ok["args"]["to"]["trusted"] = json!(true);
//! assert_eq!(policies.decide(&ok).verdict, None);
//! ```
//!
//! Policies are files: Rego (`package bactrian`, rules `deny`, `ask`, `log`, `allow`)
//! or YAML rules. [`PolicySet::load`] reads them from disk; [`PolicySet::add_policy`]
//! takes the text, and the path only names it in reasons and errors.
//!
//! ```
//! use bactrian_policy::{PolicySet, Verdict};
//! use serde_json::json;
//!
//! let mut policies = PolicySet::new();
//! policies.set_builtin_rules(false);
//! policies.add_policy("mail.rego", r#"
//!     package bactrian
//!
//!     ask contains msg if {
//!         input.tool == "send_message"
//!         not endswith(input.args.to.value, "@example.com")
//!         msg := sprintf("mail to %s leaves the company", [input.args.to.value])
//!     }
//! "#)?;
//! policies.add_policy("audit.yaml", r#"
//! rules:
//!   - tool_matches: "send_.*"
//!     action: log
//!     reason: "{tool} called"
//! "#)?;
//!
//! let input = json!({"tool": "send_message",
//!                    "args": {"to": {"value": "carol@other.org", "trusted": true}}});
//! let decision = policies.decide(&input);
//! assert_eq!(decision.verdict, Some(Verdict::Ask));
//! assert!(decision.permitted, "an ask permits the tool, subject to approval");
//! assert_eq!(decision.reasons[0].message, "mail to carol@other.org leaves the company");
//! assert_eq!(decision.audit[0].message, "send_message called");
//!
//! // The same message on an address from the web would carry the attacker's text out of
//! // the run: it is withheld, and says where the argument came from instead.
//! let untrusted = json!({"tool": "send_message",
//!     "args": {"to": {"value": "carol@other.org", "trusted": false,
//!                     "sources": [{"kind": "tool", "name": "web_search", "call": "c1"}]}}});
//! let reason = &policies.decide(&untrusted).reasons[0];
//! assert!(reason.redacted);
//! assert_eq!(reason.message, "ask message withheld (it may quote untrusted or restricted \
//!                             data): to came from web_search (call c1)");
//!
//! // A policy that does not compile is an error that points at the line.
//! let err = policies.add_policy("broken.rego", "package bactrian\ndeny contains x if {").unwrap_err();
//! assert!(err.to_string().starts_with("broken.rego:2:"), "{err}");
//! # Ok::<(), bactrian_policy::PolicyError>(())
//! ```
//!
//! [`run_tests`] runs a directory's Rego `test_*` rules and YAML fixtures, as
//! `bactrian policy test DIR` does.

#![forbid(unsafe_code)]
// Errors, not panics, outside tests: nothing a plan, a config or a tool sends can abort.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod builtin;
mod callgraph;
mod decision;
mod error;
mod files;
mod guard;
mod input;
mod nesting;
mod redact;
mod rego;
mod testing;
mod yaml;

use std::path::{Path, PathBuf};

pub use builtin::{READERS, SENSITIVE};
pub use decision::{Decision, Note, Reason, Verdict};
pub use error::{Location, PolicyError};
pub use testing::{run_tests, TestReport, TestResult};

use input::Call;
use rego::RegoPolicy;
use yaml::YamlPolicy;

/// Name of the check on the input document itself in reasons.
pub const INPUT: &str = "builtin:input";

/// How the built-in rules (`builtin:sensitive`, `builtin:readers`) answer a violation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BuiltinRules {
    /// A violation denies the call (the default).
    #[default]
    Deny,
    /// A violation asks: the call runs only if a person approves it (CaMeL's remedy for a
    /// rule that blocks what the user wanted).
    Ask,
    /// The built-in rules are off.
    Off,
}

impl BuiltinRules {
    /// `deny`, `ask` or `off`.
    pub fn as_str(self) -> &'static str {
        match self {
            BuiltinRules::Deny => "deny",
            BuiltinRules::Ask => "ask",
            BuiltinRules::Off => "off",
        }
    }
}

impl std::str::FromStr for BuiltinRules {
    type Err = String;

    /// `deny` (or `true`), `ask`, `off` (or `false`).
    fn from_str(s: &str) -> Result<BuiltinRules, String> {
        match s {
            "deny" | "true" => Ok(BuiltinRules::Deny),
            "ask" => Ok(BuiltinRules::Ask),
            "off" | "false" => Ok(BuiltinRules::Off),
            other => Err(format!(
                "unknown built-in rules mode `{other}` (expected deny, ask, off, true or false)"
            )),
        }
    }
}

impl<'de> serde::Deserialize<'de> for BuiltinRules {
    /// `true` (deny), `false` (off), `deny`, `ask` or `off`.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<BuiltinRules, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = BuiltinRules;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("`deny`, `ask`, `off`, `true` or `false`")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<BuiltinRules, E> {
                Ok(if v {
                    BuiltinRules::Deny
                } else {
                    BuiltinRules::Off
                })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<BuiltinRules, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// The policies asked about every tool call.
#[derive(Clone, Debug)]
pub struct PolicySet {
    builtin: BuiltinRules,
    redact: bool,
    files: Vec<PathBuf>,
    yaml: Vec<YamlPolicy>,
    rego_sources: Vec<(PathBuf, String)>,
    rego: Option<RegoPolicy>,
}

impl Default for PolicySet {
    fn default() -> PolicySet {
        PolicySet::new()
    }
}

enum Kind {
    Rego,
    Yaml,
}

fn kind_of(path: &Path) -> Result<Kind, PolicyError> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("rego") => Ok(Kind::Rego),
        Some("yaml" | "yml") => Ok(Kind::Yaml),
        _ => Err(PolicyError::UnknownKind {
            path: path.to_path_buf(),
        }),
    }
}

impl PolicySet {
    /// The built-in rules and no policy file.
    pub fn new() -> PolicySet {
        PolicySet {
            builtin: BuiltinRules::Deny,
            redact: true,
            files: Vec::new(),
            yaml: Vec::new(),
            rego_sources: Vec::new(),
            rego: None,
        }
    }

    /// The built-in rules and the given `.rego`, `.yaml` and `.yml` files. All Rego files
    /// are compiled together (a package may span files); a file that does not compile
    /// is an error with its line and column.
    pub fn load<P: AsRef<Path>>(paths: &[P]) -> Result<PolicySet, PolicyError> {
        let mut set = PolicySet::new();
        let mut rego = Vec::new();
        for path in paths {
            let path = path.as_ref();
            if set.files.iter().any(|f| f == path) {
                continue;
            }
            let text = files::read(path)?;
            match kind_of(path)? {
                Kind::Rego => rego.push((path.to_path_buf(), text)),
                Kind::Yaml => set.yaml.push(YamlPolicy::parse(path, &text)?),
            }
            set.files.push(path.to_path_buf());
        }
        if !rego.is_empty() {
            set.rego = Some(RegoPolicy::load(&rego, true)?);
            set.rego_sources = rego;
        }
        Ok(set)
    }

    /// Adds one policy from its text; `path` says its kind (by extension) and names it
    /// in reasons and errors. On error the set is unchanged.
    pub fn add_policy(&mut self, path: impl AsRef<Path>, text: &str) -> Result<(), PolicyError> {
        let path = path.as_ref();
        match kind_of(path)? {
            Kind::Rego => {
                let mut sources = self.rego_sources.clone();
                sources.retain(|(p, _)| p != path);
                sources.push((path.to_path_buf(), text.to_string()));
                self.rego = Some(RegoPolicy::load(&sources, false)?);
                self.rego_sources = sources;
            }
            Kind::Yaml => self.yaml.push(YamlPolicy::parse(path, text)?),
        }
        if !self.files.iter().any(|f| f == path) {
            self.files.push(path.to_path_buf());
        }
        Ok(())
    }

    /// Turns the built-in `sensitive` and `readers` rules on or off (on by default).
    /// Turning them on keeps [`BuiltinRules::Ask`] if it was set. YAML `tools:`
    /// declarations apply whatever this says (and always deny).
    pub fn set_builtin_rules(&mut self, on: bool) {
        self.builtin = match (on, self.builtin) {
            (false, _) => BuiltinRules::Off,
            (true, BuiltinRules::Off) => BuiltinRules::Deny,
            (true, mode) => mode,
        };
    }

    /// Whether the built-in rules are on.
    pub fn builtin_rules(&self) -> bool {
        self.builtin != BuiltinRules::Off
    }

    /// Sets how the built-in rules answer a violation: deny, ask, or not at all.
    pub fn set_builtin(&mut self, mode: BuiltinRules) {
        self.builtin = mode;
    }

    /// How the built-in rules answer a violation.
    pub fn builtin(&self) -> BuiltinRules {
        self.builtin
    }

    /// Whether Rego messages are withheld when the call holds untrusted or restricted data
    /// (on by default; see docs/policy.md, "Messages"). `bactrian policy eval` and
    /// `policy test` turn it off: they judge documents the policy's author wrote.
    pub fn set_redact_messages(&mut self, on: bool) {
        self.redact = on;
    }

    /// The policy files in the set, in load order.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Whether some Rego policy judges the sensor's runtime events (`runtime_deny`).
    pub fn judges_runtime(&self) -> bool {
        self.rego.as_ref().is_some_and(RegoPolicy::judges_runtime)
    }

    /// Judges one runtime event of a tool (input: `{"tool", "call", "agent", "event"}`, see
    /// docs/policy.md): the reasons, as `(policy files, message)`, to stop the tool. Empty
    /// means it may go on.
    pub fn runtime_deny(&self, input: &serde_json::Value) -> Vec<(String, String)> {
        match &self.rego {
            Some(rego) => rego.runtime_deny(&rego::to_rego(input)),
            None => Vec::new(),
        }
    }

    /// Decides on one tool call. Never fails: a malformed input document, or a Rego
    /// policy that errors while evaluating, denies the call with a reason saying why.
    pub fn decide(&self, input: &serde_json::Value) -> Decision {
        let mut out = Decision::default();
        let call = match Call::new(input) {
            Ok(call) => call,
            Err(why) => {
                out.add(
                    INPUT,
                    Verdict::Deny,
                    format!("malformed input document: {why}"),
                );
                return out;
            }
        };
        let violation = match self.builtin {
            BuiltinRules::Off => None,
            BuiltinRules::Deny => Some(Verdict::Deny),
            BuiltinRules::Ask => Some(Verdict::Ask),
        };
        if let Some(v) = violation {
            builtin::check_sensitive(&call, |_, node| node.sensitive(), SENSITIVE, v, &mut out);
            builtin::check_readers(&call, |_, node| node.recipient(), READERS, v, &mut out);
        }
        let configured = out.reasons.len();
        for policy in &self.yaml {
            policy.decide(&call, &mut out);
        }
        if let Some(rego) = &self.rego {
            let taint = if self.redact {
                redact::taint(&call)
            } else {
                None
            };
            rego.decide(&rego::to_rego(input), taint.as_deref(), &mut out);
        }
        // YAML `tools:` declarations only deny, so any other answer of a configured policy
        // is a YAML rule or Rego that allows (or asks about) the tool.
        out.permitted = out
            .reasons
            .iter()
            .skip(configured)
            .any(|r| r.verdict != Verdict::Deny);
        out
    }
}
