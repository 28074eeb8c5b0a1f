//! The tools a generated plan calls, answered from a "world": a seed for the untrusted data
//! (`fetch`, `search`, the quarantined model) and a seed for the secret (`read_secret`).
//! The host applies the built-in rules itself (the sensitive-parameter rule and the readers
//! rule) and records every call it allowed.

use super::rng::{hash, Rng};
use bactrian_interpreter::{ArgValue, HostError, ToolCall, ToolHost, ToolOutput, QUARANTINED_LLM};
use bactrian_provenance::{LabelData, Readers, Source};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// Values the user gave: a sensitive argument equal to one of them is allowed even when it
/// is untrusted.
pub const USER_VALUES: &[&str] = &["bob@corp.com", "149"];

/// Calls a run may make before the host stops it.
const MAX_CALLS: u32 = 400;

/// Who may read the secret.
pub const SECRET_READERS: &[&str] = &["alice@corp.com"];

/// Strings the world draws from: plan literals, user values, attackers.
const WORLD_STRS: &[&str] = &[
    "bob@corp.com",
    "carol@corp.com",
    "alice@corp.com",
    "attacker@evil.com",
    "149",
    "eve@evil.com",
    "7",
    "hello",
    "report",
    "x",
    "a,b",
    "",
    "DE99 6666",
    "Bob@Corp.com ",
];

const WORLD_INTS: &[i64] = &[0, 1, 2, 3, 4, -1, 7, 149, 42];

/// Who reads a tool's arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// The values of this parameter (send's `to`).
    Recipients(&'static str),
    Public,
    /// The user alone: always allowed to read anything.
    User,
    /// Nobody declared: restricted data may not reach it.
    Unknown,
}

pub struct ToolSpec {
    pub name: &'static str,
    pub params: &'static [&'static str],
    pub sensitive: &'static [&'static str],
    pub audience: Audience,
}

pub const TOOLS: &[ToolSpec] = &[
    ToolSpec {
        name: "fetch",
        params: &["q"],
        sensitive: &[],
        audience: Audience::Unknown,
    },
    ToolSpec {
        name: "search",
        params: &["q"],
        sensitive: &[],
        audience: Audience::Unknown,
    },
    ToolSpec {
        name: "read_secret",
        params: &[],
        sensitive: &[],
        audience: Audience::User,
    },
    ToolSpec {
        name: QUARANTINED_LLM,
        params: &["prompt", "output_schema"],
        sensitive: &[],
        audience: Audience::User,
    },
    ToolSpec {
        name: "send",
        params: &["to", "body"],
        sensitive: &["to"],
        audience: Audience::Recipients("to"),
    },
    ToolSpec {
        name: "post",
        params: &["text"],
        sensitive: &[],
        audience: Audience::Public,
    },
    ToolSpec {
        name: "log",
        params: &["text"],
        sensitive: &[],
        audience: Audience::User,
    },
    ToolSpec {
        name: "pay",
        params: &["iban", "amount"],
        sensitive: &["iban", "amount"],
        audience: Audience::Unknown,
    },
];

pub fn spec(tool: &str) -> Option<&'static ToolSpec> {
    TOOLS.iter().find(|t| t.name == tool)
}

/// The data of one run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct World {
    /// Seed of what fetch, search and the quarantined model answer.
    pub untrusted: u64,
    /// Seed of what read_secret answers.
    pub secret: u64,
    /// When not 0, a few leaves of every untrusted answer are changed (a world close to the
    /// one of `untrusted` alone: both runs go the same way most of the time).
    pub untrusted_tweak: u64,
    /// The same for the secret.
    pub secret_tweak: u64,
}

impl World {
    pub fn new(untrusted: u64, secret: u64) -> World {
        World {
            untrusted,
            secret,
            untrusted_tweak: 0,
            secret_tweak: 0,
        }
    }
}

/// Whether the host applies the built-in rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rules {
    Enforce,
    AllowAll,
}

/// One call the host allowed.
#[derive(Clone, Debug, PartialEq)]
pub struct Allowed {
    pub tool: String,
    /// Parameter, value, trusted.
    pub args: Vec<(String, Value, bool)>,
    /// A sensitive argument was untrusted and passed only because it equals a user value.
    pub by_allowance: bool,
    /// Someone other than the user and the secret's readers learns of the call.
    pub observable: bool,
}

impl Allowed {
    pub fn arg(&self, name: &str) -> Option<&Value> {
        self.args
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, v, _)| v)
    }
}

pub struct Host {
    pub world: World,
    pub rules: Rules,
    pub allowed: Vec<Allowed>,
    /// Every call with its arguments' values, allowed or not (for the differential check).
    pub seen: Vec<(String, Vec<(String, Value)>)>,
    /// The reason of the denial that ended the run.
    pub denied: Option<String>,
    occurrences: HashMap<u64, u32>,
}

impl Host {
    pub fn new(world: World, rules: Rules) -> Host {
        Host {
            world,
            rules,
            allowed: Vec::new(),
            seen: Vec::new(),
            denied: None,
            occurrences: HashMap::new(),
        }
    }
}

/// The arguments of `call` bound to `spec`'s parameters, in parameter order.
fn bind<'c>(
    spec: &ToolSpec,
    call: &'c ToolCall,
) -> Result<Vec<(&'static str, &'c ArgValue)>, HostError> {
    let mut slots: Vec<Option<&ArgValue>> = vec![None; spec.params.len()];
    if call.args.len() > spec.params.len() {
        return Err(HostError::BadCall(format!(
            "{}() takes {} arguments but {} were given",
            spec.name,
            spec.params.len(),
            call.args.len()
        )));
    }
    for (i, a) in call.args.iter().enumerate() {
        slots[i] = Some(a);
    }
    for (k, a) in &call.kwargs {
        let Some(i) = spec.params.iter().position(|p| p == k) else {
            return Err(HostError::BadCall(format!(
                "{}() got an unexpected keyword argument '{k}'",
                spec.name
            )));
        };
        if slots[i].is_some() {
            return Err(HostError::BadCall(format!(
                "{}() got multiple values for argument '{k}'",
                spec.name
            )));
        }
        slots[i] = Some(a);
    }
    let mut out = Vec::new();
    for (i, slot) in slots.into_iter().enumerate() {
        match slot {
            Some(a) => out.push((spec.params[i], a)),
            // The quarantined model's schema may be left out (a string answer).
            None if spec.name == QUARANTINED_LLM && i == 1 => {}
            None => {
                return Err(HostError::BadCall(format!(
                    "{}() missing argument '{}'",
                    spec.name, spec.params[i]
                )))
            }
        }
    }
    Ok(out)
}

/// A scalar's text (strings, and integers as their digits).
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        _ => None,
    }
}

pub fn is_user_value(v: &Value) -> bool {
    scalar_text(v).is_some_and(|s| USER_VALUES.contains(&s.as_str()))
}

/// The sensitive rule: (passes, passes only thanks to the user values).
fn sensitive_ok(a: &ArgValue) -> (bool, bool) {
    if a.label.is_trusted() {
        return (true, false);
    }
    if is_user_value(&a.value) {
        return (true, true);
    }
    if let Value::Array(items) = &a.value {
        if !items.is_empty()
            && a.items.len() == items.len()
            && a.items.iter().all(|i| sensitive_ok(i).0)
        {
            return (true, true);
        }
    }
    (false, false)
}

/// The principals a recipient argument names.
fn recipients(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().flat_map(recipients).collect(),
        Value::String(s) => vec![s.clone()],
        other => vec![other.to_string()],
    }
}

/// The readers rule for one label.
fn readers_ok(label: &LabelData, audience: Audience, to: Option<&Value>) -> bool {
    let Readers::Only(set) = &label.readers else {
        return true;
    };
    match audience {
        Audience::User => true,
        Audience::Public | Audience::Unknown => false,
        Audience::Recipients(_) => to.is_none_or(|v| recipients(v).iter().all(|r| set.contains(r))),
    }
}

impl ToolHost for Host {
    fn tool_names(&self) -> Vec<String> {
        TOOLS.iter().map(|t| t.name.to_string()).collect()
    }

    fn call(&mut self, call: &ToolCall) -> Result<ToolOutput, HostError> {
        let Some(spec) = spec(&call.tool) else {
            return Err(HostError::BadCall(format!("no tool named '{}'", call.tool)));
        };
        // Labels name every call they come from, and the interpreter does not charge their
        // memory to a limit: thousands of joined tool results in one run cost gigabytes (and
        // time quadratic in the number of calls). Plans here never need that many.
        if call.index > MAX_CALLS {
            return Err(HostError::Stopped(format!(
                "more than {MAX_CALLS} tool calls in one run"
            )));
        }
        let bound = bind(spec, call)?;
        self.seen.push((
            call.tool.clone(),
            bound
                .iter()
                .map(|(p, a)| (p.to_string(), a.value.clone()))
                .collect(),
        ));
        let to = match spec.audience {
            Audience::Recipients(p) => bound.iter().find(|(n, _)| *n == p).map(|(_, a)| &a.value),
            _ => None,
        };
        let mut by_allowance = false;
        if self.rules == Rules::Enforce {
            for (p, a) in &bound {
                if spec.sensitive.contains(p) {
                    let (ok, allowance) = sensitive_ok(a);
                    if !ok {
                        return self.deny(format!(
                            "{}: sensitive argument '{p}' is untrusted",
                            spec.name
                        ));
                    }
                    by_allowance |= allowance;
                }
                if !readers_ok(&a.label, spec.audience, to) {
                    return self.deny(format!(
                        "{}: argument '{p}' may not be read by its audience",
                        spec.name
                    ));
                }
            }
            if !readers_ok(&call.context, spec.audience, to) {
                return self.deny(format!(
                    "{}: the call's context may not be read by its audience",
                    spec.name
                ));
            }
        }
        let observable = match spec.audience {
            Audience::Public | Audience::Unknown => true,
            Audience::User => false,
            Audience::Recipients(_) => to.is_some_and(|v| {
                recipients(v)
                    .iter()
                    .any(|r| !SECRET_READERS.contains(&r.as_str()))
            }),
        };
        self.allowed.push(Allowed {
            tool: call.tool.clone(),
            args: bound
                .iter()
                .map(|(p, a)| (p.to_string(), a.value.clone(), a.label.is_trusted()))
                .collect(),
            by_allowance,
            observable,
        });
        self.answer(spec, call, &bound)
    }
}

impl Host {
    fn deny(&mut self, reason: String) -> Result<ToolOutput, HostError> {
        self.denied = Some(reason.clone());
        Err(HostError::Denied { reason })
    }

    fn answer(
        &mut self,
        spec: &ToolSpec,
        call: &ToolCall,
        bound: &[(&str, &ArgValue)],
    ) -> Result<ToolOutput, HostError> {
        let args_text =
            serde_json::to_string(&bound.iter().map(|(_, a)| &a.value).collect::<Vec<_>>())
                .unwrap_or_default();
        // Tools of the outside world fail now and then, as the world decides.
        if matches!(spec.name, "fetch" | "search") || spec.name == QUARANTINED_LLM {
            let seed = hash(&[
                b"fails",
                &self.world.untrusted.to_le_bytes(),
                &self.world.untrusted_tweak.to_le_bytes(),
                spec.name.as_bytes(),
                args_text.as_bytes(),
            ]);
            if seed % 200 < 3 {
                return Err(HostError::ToolFailed("the service is unavailable".into()));
            }
        }
        let value = match spec.name {
            "fetch" | "search" => {
                let key = hash(&[spec.name.as_bytes(), args_text.as_bytes()]);
                let n = self.occurrences.entry(key).or_insert(0);
                *n += 1;
                let seed = hash(&[
                    &self.world.untrusted.to_le_bytes(),
                    &key.to_le_bytes(),
                    &n.to_le_bytes(),
                ]);
                let mut rng = Rng::new(seed);
                let mut v = if spec.name == "fetch" {
                    fetch_value(&mut rng)
                } else {
                    search_value(&mut rng)
                };
                tweak(&mut v, self.world.untrusted_tweak, seed);
                v
            }
            "read_secret" => {
                let mut rng = Rng::new(hash(&[b"secret", &self.world.secret.to_le_bytes()]));
                let mut value = secret_value(&mut rng);
                tweak(&mut value, self.world.secret_tweak, 0);
                return Ok(ToolOutput {
                    value,
                    sources: [Source::Tool {
                        name: call.tool.clone(),
                        call: call.id.clone(),
                        inner: None,
                        trusted: true,
                    }]
                    .into(),
                    readers: Readers::only(SECRET_READERS.iter().copied()),
                    parts: Vec::new(),
                });
            }
            QUARANTINED_LLM => {
                // A model is a function of what it reads: no dependence on earlier calls.
                let seed = hash(&[
                    b"qllm",
                    &self.world.untrusted.to_le_bytes(),
                    args_text.as_bytes(),
                ]);
                let mut rng = Rng::new(seed);
                let schema = bound
                    .iter()
                    .find(|(p, _)| *p == "output_schema")
                    .map(|(_, a)| a.value.clone())
                    .unwrap_or(json!({"type": "string"}));
                let mut v = answer_for(&schema, &mut rng, 0);
                tweak(&mut v, self.world.untrusted_tweak, seed);
                v
            }
            "log" => Value::Null,
            _ => json!("ok"),
        };
        Ok(ToolOutput::untrusted(&call.tool, &call.id, value))
    }
}

/// Changes about a third of the leaves of `v` (strings to strings, numbers to numbers).
fn tweak(v: &mut Value, tweak: u64, seed: u64) {
    if tweak == 0 {
        return;
    }
    let mut rng = Rng::new(hash(&[&tweak.to_le_bytes(), &seed.to_le_bytes()]));
    tweak_leaves(v, &mut rng);
}

fn tweak_leaves(v: &mut Value, rng: &mut Rng) {
    match v {
        Value::Array(items) => items.iter_mut().for_each(|i| tweak_leaves(i, rng)),
        Value::Object(m) => m.values_mut().for_each(|i| tweak_leaves(i, rng)),
        Value::String(_) if rng.chance(35) => *v = world_str(rng),
        Value::Number(n) if rng.chance(35) => {
            *v = if n.is_f64() {
                json!(rng.range(-3, 50) as f64 / 2.0)
            } else {
                world_int(rng)
            }
        }
        Value::Bool(_) if rng.chance(35) => *v = json!(rng.chance(50)),
        _ => {}
    }
}

/// A string: mostly one of a few (so that comparisons with plan literals go both ways).
fn world_str(rng: &mut Rng) -> Value {
    if rng.chance(65) {
        json!(rng.pick(&WORLD_STRS[..5]))
    } else {
        json!(rng.pick(WORLD_STRS))
    }
}

/// A number: mostly small.
fn world_int(rng: &mut Rng) -> Value {
    if rng.chance(80) {
        json!(rng.range(0, 4))
    } else {
        json!(rng.pick(WORLD_INTS))
    }
}

/// A record: mostly the usual keys with the usual types, sometimes not.
pub fn record(rng: &mut Rng) -> Value {
    let mut m = Map::new();
    let n_items = rng.below(4);
    let items: Vec<Value> = (0..n_items).map(|_| world_str(rng)).collect();
    let fields: Vec<(&str, Value)> = vec![
        ("to", world_str(rng)),
        ("body", world_str(rng)),
        (
            "id",
            if rng.chance(95) {
                world_int(rng)
            } else {
                world_str(rng)
            },
        ),
        ("items", Value::Array(items)),
        ("email", world_str(rng)),
        ("n", world_int(rng)),
    ];
    for (k, v) in fields {
        if rng.chance(1) {
            continue; // a missing key
        }
        let v = if rng.chance(1) { perturb(rng) } else { v };
        m.insert(k.to_string(), v);
    }
    if rng.chance(10) {
        let inner = if rng.chance(50) {
            record_flat(rng)
        } else {
            world_str(rng)
        };
        m.insert("nested".into(), inner);
    }
    Value::Object(m)
}

fn record_flat(rng: &mut Rng) -> Value {
    json!({"to": world_str(rng), "n": world_int(rng)})
}

/// A value of another type than expected.
fn perturb(rng: &mut Rng) -> Value {
    match rng.below(5) {
        0 => world_str(rng),
        1 => world_int(rng),
        2 => json!([world_str(rng)]),
        3 => Value::Null,
        _ => record_flat(rng),
    }
}

fn fetch_value(rng: &mut Rng) -> Value {
    match rng.below(100) {
        0 => world_str(rng),
        1 => json!([record(rng)]),
        _ => record(rng),
    }
}

fn search_value(rng: &mut Rng) -> Value {
    let n = if rng.chance(5) { 0 } else { 1 + rng.below(3) };
    Value::Array((0..n).map(|_| record(rng)).collect())
}

fn secret_value(rng: &mut Rng) -> Value {
    match rng.below(50) {
        0 => world_str(rng),
        _ => {
            let mut r = record(rng);
            if let Value::Object(m) = &mut r {
                if rng.chance(60) {
                    m.insert("to".into(), json!("alice@corp.com"));
                }
            }
            r
        }
    }
}

/// An answer shaped by a JSON schema (mostly right, sometimes not).
fn answer_for(schema: &Value, rng: &mut Rng, depth: u32) -> Value {
    if depth > 0 && rng.chance(2) {
        return perturb(rng);
    }
    let ty = schema.get("type").and_then(Value::as_str).unwrap_or("");
    match ty {
        "string" => world_str(rng),
        "integer" => world_int(rng),
        "number" => json!(rng.range(-3, 50) as f64 / 2.0),
        "boolean" => json!(rng.chance(50)),
        "null" => Value::Null,
        "array" => {
            let n = rng.below(4);
            let items = schema
                .get("items")
                .cloned()
                .unwrap_or(json!({"type": "string"}));
            Value::Array((0..n).map(|_| answer_for(&items, rng, depth + 1)).collect())
        }
        "object" => match schema.get("properties").and_then(Value::as_object) {
            Some(props) => {
                let mut m = Map::new();
                for (k, s) in props {
                    m.insert(k.clone(), answer_for(s, rng, depth + 1));
                }
                Value::Object(m)
            }
            None => record(rng),
        },
        _ => {
            if let Some(any) = schema.get("anyOf").and_then(Value::as_array) {
                if !any.is_empty() {
                    let s = any[rng.below(any.len())].clone();
                    return answer_for(&s, rng, depth + 1);
                }
            }
            world_str(rng)
        }
    }
}
