//! The serde layer: agent.yaml exactly as written, with every unknown key refused.
//! `validate` turns it into the public types of `model`.

use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::model::{
    Approve, Audience, BuiltinRules, DefaultDecision, Enforce, Literal, Mode, ParamType, Readers,
    SensorMode,
};
use crate::units::{de_duration, de_opt_duration, de_opt_size, de_size};

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an agent config: a mapping with at least `name:`"
)]
pub(crate) struct RawAgent {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub llm: Option<RawLlm>,
    #[serde(default)]
    pub tools: Option<Vec<RawTool>>,
    #[serde(default)]
    pub policies: Option<Vec<String>>,
    #[serde(default)]
    pub policy: Option<RawPolicy>,
    #[serde(default)]
    pub user: Option<RawUser>,
    #[serde(default)]
    pub sandbox: Option<RawSandbox>,
    #[serde(default)]
    pub sensor: Option<RawSensor>,
    #[serde(default)]
    pub record: Option<RawRecord>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "the `llm:` mapping")]
pub(crate) struct RawLlm {
    #[serde(default)]
    pub secure_execution: Option<bool>,
    #[serde(default)]
    pub mode: Mode,
    #[serde(default)]
    pub quarantined: Option<RawQuarantined>,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "the quarantined model: a mapping with `base_url` and `model`, or `command`"
)]
pub(crate) struct RawQuarantined {
    #[serde(default)]
    pub base_url: Option<String>,
    #[serde(default)]
    pub model: Option<String>,
    #[serde(default)]
    pub api_key_env: Option<String>,
    /// Accepted only to refuse it with a helpful message.
    #[serde(default)]
    pub api_key: Option<de::IgnoredAny>,
    #[serde(default)]
    pub command: Option<Vec<String>>,
    /// The sandbox profile of the `command` backend.
    #[serde(default)]
    pub sandbox: Option<String>,
    #[serde(default = "sixty_seconds", deserialize_with = "de_duration")]
    pub timeout: Duration,
    /// Who reads what the model is given (its provider).
    #[serde(default)]
    pub audience: Option<RawAudience>,
}

fn sixty_seconds() -> Duration {
    Duration::from_secs(60)
}

fn thirty_seconds() -> Duration {
    Duration::from_secs(30)
}

fn default_profile() -> String {
    "default".to_string()
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a tool: a mapping with `name` and `command` or `mcp`"
)]
pub(crate) struct RawTool {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub command: Option<Vec<String>>,
    #[serde(default)]
    pub mcp: Option<RawMcp>,
    #[serde(default)]
    pub parameters: Option<OrderedMap<RawParameter>>,
    #[serde(default)]
    pub trusted_output: bool,
    #[serde(default)]
    pub output_readers: RawReaders,
    #[serde(default)]
    pub audience: Option<RawAudience>,
    #[serde(default)]
    pub side_effects: bool,
    #[serde(default)]
    pub policy_default: Option<DefaultDecision>,
    #[serde(default = "thirty_seconds", deserialize_with = "de_duration")]
    pub timeout: Duration,
    #[serde(default = "default_profile")]
    pub sandbox: String,
    /// Only for MCP servers: per-tool settings.
    #[serde(default)]
    pub tools: Option<OrderedMap<RawToolOverride>>,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an MCP server: a mapping with `command`"
)]
pub(crate) struct RawMcp {
    pub command: Vec<String>,
    #[serde(default)]
    pub env: OrderedMap<String>,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a parameter: a mapping such as {type: str, sensitive: true}"
)]
pub(crate) struct RawParameter {
    #[serde(rename = "type", default)]
    pub ty: ParamType,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub required: Option<bool>,
    #[serde(default, deserialize_with = "de_some_literal")]
    pub default: Option<Literal>,
    #[serde(default)]
    pub sensitive: bool,
    #[serde(default)]
    pub recipient: bool,
    #[serde(default)]
    pub redact: bool,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "settings for an MCP tool: a mapping such as {parameters: {path: {sensitive: true}}}"
)]
pub(crate) struct RawToolOverride {
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub parameters: Option<OrderedMap<RawParameterOverride>>,
    #[serde(default)]
    pub trusted_output: Option<bool>,
    #[serde(default)]
    pub output_readers: Option<RawReaders>,
    #[serde(default)]
    pub audience: Option<RawAudience>,
    #[serde(default)]
    pub side_effects: Option<bool>,
    #[serde(default)]
    pub policy_default: Option<DefaultDecision>,
    #[serde(default, deserialize_with = "de_opt_duration")]
    pub timeout: Option<Duration>,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "settings for an MCP tool parameter: a mapping such as {sensitive: true}"
)]
pub(crate) struct RawParameterOverride {
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub sensitive: Option<bool>,
    #[serde(default)]
    pub recipient: Option<bool>,
    #[serde(default)]
    pub redact: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "the `policy:` mapping")]
pub(crate) struct RawPolicy {
    #[serde(default)]
    pub default: DefaultDecision,
    /// The old spelling of `builtin: true|false`.
    #[serde(default)]
    pub builtin_rules: Option<bool>,
    #[serde(default)]
    pub builtin: Option<BuiltinRules>,
    #[serde(default)]
    pub approve: Approve,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "the `user:` mapping")]
pub(crate) struct RawUser {
    /// Scalars are kept exactly as written (`0x95` stays `"0x95"`).
    #[serde(default)]
    pub trusted_values: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "the `sandbox:` mapping")]
pub(crate) struct RawSandbox {
    #[serde(default)]
    pub enforce: Enforce,
    #[serde(default)]
    pub profiles: OrderedMap<RawProfile>,
}

fn ten() -> u64 {
    10
}
fn thirty_two() -> u64 {
    32
}
fn half_gib() -> u64 {
    512 << 20
}
fn sixty_four_mib() -> u64 {
    64 << 20
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a sandbox profile: a mapping such as {read: [...], connect: [443]}"
)]
pub(crate) struct RawProfile {
    #[serde(default)]
    pub read: Vec<String>,
    #[serde(default)]
    pub write: Vec<String>,
    #[serde(default)]
    pub connect: Vec<u16>,
    #[serde(default)]
    pub bind: Vec<u16>,
    #[serde(default = "ten")]
    pub cpu_seconds: u64,
    #[serde(default = "half_gib", deserialize_with = "de_size")]
    pub memory: u64,
    #[serde(default = "thirty_two")]
    pub processes: u64,
    #[serde(default = "sixty_four_mib", deserialize_with = "de_size")]
    pub file_size: u64,
    #[serde(default, deserialize_with = "de_opt_duration")]
    pub timeout: Option<Duration>,
    #[serde(default)]
    pub env: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "the `sensor:` mapping")]
pub(crate) struct RawSensor {
    #[serde(default)]
    pub mode: SensorMode,
    #[serde(default)]
    pub rules: Vec<RawSensorRule>,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a sensor rule: one of {deny_connect: ...}, {deny_open: ...}, {deny_exec: ...}"
)]
pub(crate) struct RawSensorRule {
    #[serde(default)]
    pub deny_connect: Option<RawConnect>,
    #[serde(default)]
    pub deny_open: Option<String>,
    #[serde(default)]
    pub deny_exec: Option<String>,
}

/// `deny_connect:` as a port (`25`), a network (`10.0.0.0/8`), or `{net: ..., port: ...}`.
/// The network text is parsed in `validate`.
pub(crate) struct RawConnect {
    pub net: Option<String>,
    pub port: Option<u16>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a mapping with `net` and/or `port`")]
struct RawConnectMap {
    #[serde(default)]
    net: Option<String>,
    #[serde(default)]
    port: Option<u16>,
}

impl<'de> Deserialize<'de> for RawConnect {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawConnect;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a port, a network such as `10.0.0.0/8`, or {net: ..., port: ...}")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawConnect, E> {
                let port = u16::try_from(v)
                    .map_err(|_| E::custom(format!("port {v} is out of range (1..=65535)")))?;
                Ok(RawConnect {
                    net: None,
                    port: Some(port),
                })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawConnect, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => Err(E::custom(format!("port {v} is out of range (1..=65535)"))),
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawConnect, E> {
                Ok(RawConnect {
                    net: Some(v.to_string()),
                    port: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawConnect, A::Error> {
                let m = RawConnectMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawConnect {
                    net: m.net,
                    port: m.port,
                })
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "the `record:` mapping")]
pub(crate) struct RawRecord {
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub key: Option<String>,
    #[serde(default, deserialize_with = "de_opt_size")]
    pub max_size: Option<u64>,
}

/// `public` or a list of principals.
#[derive(Default)]
pub(crate) struct RawReaders(pub Readers);

impl<'de> Deserialize<'de> for RawReaders {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawReaders;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`public` or a list of principals")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawReaders, E> {
                if v == "public" {
                    Ok(RawReaders(Readers::Public))
                } else {
                    Err(E::custom(format!(
                        "output_readers must be `public` or a list of principals, not `{v}` (write [{v}] for one principal)"
                    )))
                }
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawReaders, A::Error> {
                principal_list(seq).map(|p| RawReaders(Readers::Principals(p)))
            }
        }
        d.deserialize_any(V)
    }
}

/// A list of principals: non-empty strings, duplicates dropped.
fn principal_list<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Vec<String>, A::Error> {
    let mut principals = Vec::new();
    while let Some(p) = seq.next_element::<String>()? {
        if p.trim().is_empty() {
            return Err(de::Error::custom("a principal must not be empty"));
        }
        if !principals.contains(&p) {
            principals.push(p);
        }
    }
    Ok(principals)
}

/// `public`, `user`, or a list of principals.
pub(crate) struct RawAudience(pub Audience);

impl<'de> Deserialize<'de> for RawAudience {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawAudience;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`public`, `user` or a list of principals")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAudience, E> {
                match v {
                    "public" => Ok(RawAudience(Audience::Public)),
                    "user" => Ok(RawAudience(Audience::User)),
                    _ => Err(E::custom(format!(
                        "audience must be `public`, `user` or a list of principals, not `{v}` (write [{v}] for one principal)"
                    ))),
                }
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawAudience, A::Error> {
                principal_list(seq).map(|p| RawAudience(Audience::Principals(p)))
            }
        }
        d.deserialize_any(V)
    }
}

/// A mapping with string keys kept in file order; a repeated key is an error at the key.
pub(crate) struct OrderedMap<V>(pub Vec<(String, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapV<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapV<V> {
            type Value = OrderedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderedMap<V>, A::Error> {
                let mut out: Vec<(String, V)> = Vec::new();
                while let Some(key) = map.next_key_seed(UniqueKey(&out))? {
                    let value = map.next_value()?;
                    out.push((key, value));
                }
                Ok(OrderedMap(out))
            }
        }
        d.deserialize_map(MapV(PhantomData))
    }
}

struct UniqueKey<'a, V>(&'a [(String, V)]);

impl<'de, V> DeserializeSeed<'de> for UniqueKey<'_, V> {
    type Value = String;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, V> Visitor<'de> for UniqueKey<'_, V> {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        if self.0.iter().any(|(k, _)| k == v) {
            Err(E::custom(format!("duplicate key `{v}`")))
        } else {
            Ok(v.to_string())
        }
    }
}

fn de_some_literal<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Literal>, D::Error> {
    d.deserialize_any(LiteralVisitor).map(Some)
}

struct LiteralSeed;

impl<'de> DeserializeSeed<'de> for LiteralSeed {
    type Value = Literal;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Literal, D::Error> {
        d.deserialize_any(LiteralVisitor)
    }
}

struct LiteralVisitor;

impl<'de> Visitor<'de> for LiteralVisitor {
    type Value = Literal;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value (null, bool, number, string, list or mapping)")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Literal, E> {
        Ok(Literal::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Literal, E> {
        Ok(Literal::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Literal, E> {
        Ok(Literal::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Literal, E> {
        Ok(Literal::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Literal, E> {
        i64::try_from(v)
            .map(Literal::Int)
            .map_err(|_| E::custom(format!("integer {v} is too large (the limit is 2^63-1)")))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Literal, E> {
        i64::try_from(v)
            .map(Literal::Int)
            .map_err(|_| E::custom(format!("integer {v} is out of range for a default")))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Literal, E> {
        i64::try_from(v)
            .map(Literal::Int)
            .map_err(|_| E::custom(format!("integer {v} is out of range for a default")))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Literal, E> {
        Ok(Literal::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Literal, E> {
        Ok(Literal::Str(v.to_string()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Literal, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(LiteralSeed)? {
            items.push(item);
        }
        Ok(Literal::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Literal, A::Error> {
        let OrderedMap(entries) =
            OrderedMap::<LiteralOwned>::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Literal::Dict(
            entries.into_iter().map(|(k, v)| (k, v.0)).collect(),
        ))
    }
}

struct LiteralOwned(Literal);

impl<'de> Deserialize<'de> for LiteralOwned {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LiteralVisitor).map(LiteralOwned)
    }
}
