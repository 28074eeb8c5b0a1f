//! YAML rules: per-tool declarations and IAM-style statements for people who do not
//! write Rego. The format is described in docs/policy.md.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use regex::Regex;
use serde::de::DeserializeOwned;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use crate::builtin;
use crate::decision::{Decision, Verdict};
use crate::error::{Location, PolicyError};
use crate::input::{describe_sources, scalar_text, Call, Node};
use crate::nesting;

/// One loaded YAML rule file.
#[derive(Clone, Debug)]
pub(crate) struct YamlPolicy {
    name: String,
    tools: BTreeMap<String, ToolSpec>,
    rules: Vec<Rule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    #[serde(default)]
    tools: BTreeMap<String, ToolSpec>,
    #[serde(default)]
    rules: Vec<Rule>,
}

/// Per-tool declarations: which parameters get the built-in checks.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ToolSpec {
    /// Parameters that must be trusted or a value the user gave.
    #[serde(default)]
    sensitive: Vec<String>,
    /// Parameters that name who receives the call's data.
    #[serde(default)]
    recipients: Vec<String>,
}

/// What a matching rule does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Action {
    Allow,
    Ask,
    Deny,
    Log,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    name: Option<String>,
    tool: Option<String>,
    tool_matches: Option<String>,
    when: Option<When>,
    action: Action,
    reason: String,
}

#[derive(Clone, Debug)]
struct Rule {
    name: Option<String>,
    tool: ToolMatch,
    when: Option<Cond>,
    action: Action,
    reason: Template,
}

#[derive(Clone, Debug)]
enum ToolMatch {
    Exact(String),
    /// Anchored: the whole tool name must match.
    Pattern(Regex),
}

impl TryFrom<RawRule> for Rule {
    type Error = String;

    fn try_from(raw: RawRule) -> Result<Rule, String> {
        let tool = match (raw.tool, raw.tool_matches) {
            (Some(t), None) => ToolMatch::Exact(t),
            (None, Some(p)) => ToolMatch::Pattern(full_match_regex(&p, "tool_matches")?),
            (Some(_), Some(_)) => {
                return Err("a rule has either `tool` or `tool_matches`, not both".into())
            }
            (None, None) => return Err("a rule needs `tool` or `tool_matches`".into()),
        };
        let when = raw.when.map(|w| w.0);
        let reason = Template::parse(&raw.reason)?;
        if reason.uses_arg() && when.as_ref().and_then(Cond::first_arg).is_none() {
            return Err(
                "the reason uses {arg} or {sources} but `when` tests no argument".to_string(),
            );
        }
        Ok(Rule {
            name: raw.name,
            tool,
            when,
            action: raw.action,
            reason,
        })
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Rule, D::Error> {
        checked::<D, RawRule, Rule>(d, "a rule (a mapping)")
    }
}

impl<'de> Deserialize<'de> for Cond {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Cond, D::Error> {
        checked::<D, RawCond, Cond>(d, "a condition (a mapping)")
    }
}

/// Deserializes a mapping as `R`, then checks it into `T`, raising the check's error
/// while the deserializer still sits on that mapping: serde_yaml then reports the
/// mapping's own line and column (with `#[serde(try_from)]` it would report the
/// enclosing list's).
fn checked<'de, D, R, T>(d: D, expecting: &'static str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    R: Deserialize<'de>,
    T: TryFrom<R, Error = String>,
{
    struct Checked<R, T>(&'static str, std::marker::PhantomData<(R, T)>);
    impl<'de, R: Deserialize<'de>, T: TryFrom<R, Error = String>> Visitor<'de> for Checked<R, T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            let raw = R::deserialize(de::value::MapAccessDeserializer::new(map))?;
            T::try_from(raw).map_err(de::Error::custom)
        }
    }
    d.deserialize_map(Checked::<R, T>(expecting, std::marker::PhantomData))
}

fn full_match_regex(pattern: &str, key: &str) -> Result<Regex, String> {
    Regex::new(&format!("^(?:{pattern})$")).map_err(|e| format!("`{key}`: bad regex: {e}"))
}

/// `when:` is one condition (a mapping) or a list of conditions that must all hold.
#[derive(Debug)]
struct When(Cond);

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<When, D::Error> {
        struct WhenVisitor;
        impl<'de> Visitor<'de> for WhenVisitor {
            type Value = When;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a condition (a mapping) or a list of conditions")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<When, A::Error> {
                Cond::deserialize(de::value::MapAccessDeserializer::new(map)).map(When)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<When, A::Error> {
                Vec::<Cond>::deserialize(de::value::SeqAccessDeserializer::new(seq))
                    .map(|all| When(Cond::All(all)))
            }
        }
        d.deserialize_any(WhenVisitor)
    }
}

/// A YAML scalar to compare with: strings and numbers by their text, booleans as such.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Scalar {
    Text(String),
    Bool(bool),
}

impl Scalar {
    fn matches(&self, value: &Value) -> bool {
        match (self, value) {
            (Scalar::Bool(b), Value::Bool(v)) => b == v,
            (Scalar::Text(t), v) => scalar_text(v).as_deref() == Some(t.as_str()),
            _ => false,
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        struct ScalarVisitor;
        impl Visitor<'_> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, a number or a boolean")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                serde_json::Number::from_f64(v)
                    .map(|n| Scalar::Text(n.to_string()))
                    .ok_or_else(|| E::custom("a number that is not finite"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_string()))
            }
        }
        d.deserialize_any(ScalarVisitor)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCond {
    all: Option<Vec<Cond>>,
    any: Option<Vec<Cond>>,
    not: Option<Box<When>>,
    arg: Option<String>,
    equals: Option<Scalar>,
    #[serde(rename = "in")]
    in_: Option<Vec<Scalar>>,
    #[serde(rename = "startsWith", alias = "starts_with")]
    starts_with: Option<String>,
    #[serde(rename = "endsWith", alias = "ends_with")]
    ends_with: Option<String>,
    contains: Option<String>,
    matches: Option<String>,
    trusted: Option<bool>,
    source: Option<String>,
    readers_include: Option<String>,
}

/// A condition on the call's arguments.
#[derive(Clone, Debug)]
enum Cond {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    /// Every test holds for the argument (`arg: "*"`: for some argument).
    Arg {
        arg: ArgSel,
        tests: Vec<Test>,
    },
}

#[derive(Clone, Debug)]
enum ArgSel {
    Named(String),
    Any,
}

#[derive(Clone, Debug)]
enum Test {
    Equals(Scalar),
    In(Vec<Scalar>),
    StartsWith(String),
    EndsWith(String),
    Contains(String),
    Matches(Regex),
    Trusted(bool),
    Source(String),
    ReadersInclude(String),
}

impl TryFrom<RawCond> for Cond {
    type Error = String;

    fn try_from(raw: RawCond) -> Result<Cond, String> {
        let mut tests = Vec::new();
        if let Some(v) = raw.equals {
            tests.push(Test::Equals(v));
        }
        if let Some(v) = raw.in_ {
            tests.push(Test::In(v));
        }
        if let Some(v) = raw.starts_with {
            tests.push(Test::StartsWith(v));
        }
        if let Some(v) = raw.ends_with {
            tests.push(Test::EndsWith(v));
        }
        if let Some(v) = raw.contains {
            tests.push(Test::Contains(v));
        }
        if let Some(v) = raw.matches {
            tests.push(Test::Matches(full_match_regex(&v, "matches")?));
        }
        if let Some(v) = raw.trusted {
            tests.push(Test::Trusted(v));
        }
        if let Some(v) = raw.source {
            tests.push(Test::Source(v));
        }
        if let Some(v) = raw.readers_include {
            tests.push(Test::ReadersInclude(v));
        }
        let mut parts = Vec::new();
        match (raw.arg, tests.is_empty()) {
            (Some(arg), false) => {
                let arg = if arg == "*" {
                    ArgSel::Any
                } else {
                    ArgSel::Named(arg)
                };
                parts.push(Cond::Arg { arg, tests });
            }
            (Some(arg), true) => {
                return Err(format!(
                    "`arg: {arg}` needs a test: equals, in, startsWith, endsWith, contains, \
                     matches, trusted, source or readers_include"
                ))
            }
            (None, false) => return Err("a value or label test needs `arg`".into()),
            (None, true) => {}
        }
        if let Some(all) = raw.all {
            parts.push(Cond::All(all));
        }
        if let Some(any) = raw.any {
            if any.is_empty() {
                return Err("`any` needs at least one condition".into());
            }
            parts.push(Cond::Any(any));
        }
        if let Some(not) = raw.not {
            parts.push(Cond::Not(Box::new(not.0)));
        }
        match parts.len() {
            0 => Err("empty condition: use all, any, not or arg with a test".into()),
            1 => Ok(parts.remove(0)),
            _ => Ok(Cond::All(parts)),
        }
    }
}

/// A value test on a list holds when it holds for every element (and there is one).
fn for_value(value: &Value, test: &dyn Fn(&Value) -> bool) -> bool {
    match value {
        Value::Array(items) => !items.is_empty() && items.iter().all(|v| for_value(v, test)),
        v => test(v),
    }
}

fn for_text(value: &Value, test: &dyn Fn(&str) -> bool) -> bool {
    for_value(value, &|v| scalar_text(v).is_some_and(|t| test(&t)))
}

impl Test {
    fn holds(&self, node: &Node<'_>) -> bool {
        let value = node.value();
        match self {
            Test::Equals(s) => for_value(value, &|v| s.matches(v)),
            Test::In(set) => for_value(value, &|v| set.iter().any(|s| s.matches(v))),
            Test::StartsWith(p) => for_text(value, &|t| t.starts_with(p.as_str())),
            Test::EndsWith(p) => for_text(value, &|t| t.ends_with(p.as_str())),
            Test::Contains(p) => for_text(value, &|t| t.contains(p.as_str())),
            Test::Matches(re) => for_text(value, &|t| re.is_match(t)),
            Test::Trusted(want) => node.trusted() == *want,
            Test::Source(name) => node.sources().any(|s| {
                s.name() == Some(name.as_str())
                    || s.kind() == name.as_str()
                    || s.inner() == Some(name.as_str())
            }),
            Test::ReadersInclude(p) => node.readers().includes(p),
        }
    }
}

impl Cond {
    /// Evaluates the condition; `bind` receives the argument the reason's `{arg}` names.
    fn holds(&self, call: &Call<'_>, bind: &mut Option<String>) -> bool {
        match self {
            Cond::All(conds) => conds.iter().all(|c| c.holds(call, bind)),
            Cond::Any(conds) => conds.iter().any(|c| c.holds(call, bind)),
            Cond::Not(inner) => {
                let mut scratch = None;
                let holds = !inner.holds(call, &mut scratch);
                if holds && bind.is_none() {
                    *bind = inner.first_arg().map(str::to_string);
                }
                holds
            }
            Cond::Arg {
                arg: ArgSel::Named(name),
                tests,
            } => {
                let holds = call
                    .arg(name)
                    .is_some_and(|node| tests.iter().all(|t| t.holds(&node)));
                if holds && bind.is_none() {
                    *bind = Some(name.clone());
                }
                holds
            }
            Cond::Arg {
                arg: ArgSel::Any,
                tests,
            } => {
                let found = call
                    .args()
                    .find(|(_, node)| tests.iter().all(|t| t.holds(node)));
                if let Some((name, _)) = found {
                    if bind.is_none() {
                        *bind = Some(name.to_string());
                    }
                }
                found.is_some()
            }
        }
    }

    /// The first argument the condition names (`*` counts, resolved when it matches).
    fn first_arg(&self) -> Option<&str> {
        match self {
            Cond::All(conds) | Cond::Any(conds) => conds.iter().find_map(Cond::first_arg),
            Cond::Not(inner) => inner.first_arg(),
            Cond::Arg {
                arg: ArgSel::Named(n),
                ..
            } => Some(n),
            Cond::Arg {
                arg: ArgSel::Any, ..
            } => Some("*"),
        }
    }
}

/// A reason with `{tool}`, `{arg}` and `{sources}` placeholders; `{{` and `}}` are braces.
#[derive(Clone, Debug)]
struct Template(Vec<Piece>);

#[derive(Clone, Debug)]
enum Piece {
    Text(String),
    Tool,
    Arg,
    Sources,
}

impl Template {
    fn parse(text: &str) -> Result<Template, String> {
        let mut pieces = Vec::new();
        let mut lit = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    lit.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    lit.push('}');
                }
                '{' => {
                    let name: String = chars.by_ref().take_while(|&c| c != '}').collect();
                    let piece = match name.as_str() {
                        "tool" => Piece::Tool,
                        "arg" => Piece::Arg,
                        "sources" => Piece::Sources,
                        other => {
                            return Err(format!(
                                "reason: unknown placeholder {{{other}}} (use {{tool}}, {{arg}} \
                                 or {{sources}}; write {{{{ for a brace)"
                            ))
                        }
                    };
                    if !lit.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut lit)));
                    }
                    pieces.push(piece);
                }
                c => lit.push(c),
            }
        }
        if !lit.is_empty() {
            pieces.push(Piece::Text(lit));
        }
        Ok(Template(pieces))
    }

    fn uses_arg(&self) -> bool {
        self.0
            .iter()
            .any(|p| matches!(p, Piece::Arg | Piece::Sources))
    }

    fn render(&self, call: &Call<'_>, arg: Option<&str>) -> String {
        let mut out = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Tool => out.push_str(call.tool()),
                Piece::Arg => out.push_str(arg.unwrap_or("an argument")),
                Piece::Sources => {
                    let node = arg.and_then(|a| call.arg(a));
                    let text = match node {
                        Some(node) => {
                            let untrusted = node.untrusted_sources();
                            if untrusted.is_empty() {
                                describe_sources(&node.sources().collect::<Vec<_>>())
                            } else {
                                describe_sources(&untrusted)
                            }
                        }
                        None => "no recorded source".to_string(),
                    };
                    out.push_str(&text);
                }
            }
        }
        out
    }
}

/// Parses a YAML policy or fixture, after bounding its flow nesting (see
/// [`nesting::yaml_too_deep`]).
pub(crate) fn parse_yaml<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, PolicyError> {
    if let Some((line, col)) = nesting::yaml_too_deep(text) {
        return Err(PolicyError::Yaml {
            at: Location::at(path, line, col),
            message: format!(
                "`[` and `{{` nest deeper than {} levels here",
                nesting::MAX_YAML_NESTING
            ),
        });
    }
    serde_yaml::from_str(text).map_err(|e| PolicyError::yaml(path, &e))
}

impl YamlPolicy {
    pub(crate) fn parse(path: &Path, text: &str) -> Result<YamlPolicy, PolicyError> {
        let spec: FileSpec = parse_yaml(path, text)?;
        // An empty file (or one whose sections are misspelt at the wrong indentation, or
        // all commented out) would load as a policy that never speaks: say so instead.
        if spec.tools.is_empty() && spec.rules.is_empty() {
            return Err(PolicyError::Yaml {
                at: Location::file(path),
                message: "the policy is empty: it has no `tools:` declarations and no \
                          `rules:`, so it would decide nothing"
                    .to_string(),
            });
        }
        Ok(YamlPolicy {
            name: path.display().to_string(),
            tools: spec.tools,
            rules: spec.rules,
        })
    }

    pub(crate) fn decide(&self, call: &Call<'_>, out: &mut Decision) {
        let tool = call.tool();
        if let Some(spec) = self.tools.get(tool) {
            if !spec.sensitive.is_empty() {
                let policy = format!("{}#tools.{tool}.sensitive", self.name);
                builtin::check_sensitive(
                    call,
                    |name, _| spec.sensitive.iter().any(|s| s == name),
                    &policy,
                    Verdict::Deny,
                    out,
                );
            }
            if !spec.recipients.is_empty() {
                let policy = format!("{}#tools.{tool}.recipients", self.name);
                builtin::check_readers(
                    call,
                    |name, _| spec.recipients.iter().any(|s| s == name),
                    &policy,
                    Verdict::Deny,
                    out,
                );
            }
        }
        for (i, rule) in self.rules.iter().enumerate() {
            let applies = match &rule.tool {
                ToolMatch::Exact(t) => t == tool,
                ToolMatch::Pattern(re) => re.is_match(tool),
            };
            if !applies {
                continue;
            }
            let mut bind = None;
            if let Some(when) = &rule.when {
                if !when.holds(call, &mut bind) {
                    continue;
                }
            }
            let policy = match &rule.name {
                Some(name) => format!("{}#{name}", self.name),
                None => format!("{}#rules[{i}]", self.name),
            };
            let message = rule.reason.render(call, bind.as_deref());
            match rule.action {
                Action::Allow => out.add(policy, Verdict::Allow, message),
                Action::Ask => out.add(policy, Verdict::Ask, message),
                Action::Deny => out.add(policy, Verdict::Deny, message),
                Action::Log => out.note(policy, message),
            }
        }
    }
}
