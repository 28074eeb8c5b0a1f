//! Find where a node of the YAML document is, for errors found after parsing.
//!
//! serde_yaml does not hand out spans, but it does give every error raised while a node is
//! being deserialized the position of that node. So to locate `tools[2].name` we walk the
//! document again with a visitor that follows the path and fails on arrival; the failure
//! comes back carrying the node's line and column. Only used on the error path.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, VariantAccess, Visitor};

use crate::error::Location;

/// The marker our visitor fails with; any other error means "not found".
const ARRIVED: &str = "\u{0}bactrian-agent-config: arrived";

/// One step into the document: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// A path to a node, e.g. `tools[2].parameters.to`; `at_key` points at the last key itself
/// rather than at its value (for "this name is wrong" errors).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NodePath {
    segs: Vec<Seg>,
    at_key: bool,
}

impl NodePath {
    pub(crate) fn root() -> Self {
        NodePath::default()
    }

    pub(crate) fn key(&self, key: &str) -> Self {
        let mut p = self.clone();
        p.segs.push(Seg::Key(key.to_string()));
        p.at_key = false;
        p
    }

    pub(crate) fn index(&self, i: usize) -> Self {
        let mut p = self.clone();
        p.segs.push(Seg::Index(i));
        p.at_key = false;
        p
    }

    /// The same path, but pointing at the last mapping key instead of its value.
    pub(crate) fn the_key(&self) -> Self {
        let mut p = self.clone();
        p.at_key = matches!(p.segs.last(), Some(Seg::Key(_)));
        p
    }

    /// Where this node is in `text`, or `None` if it is not there.
    pub(crate) fn locate(&self, text: &str) -> Option<Location> {
        let de = serde_yaml::Deserializer::from_str(text);
        let walk = Walk {
            segs: &self.segs,
            at_key: self.at_key,
        };
        match walk.deserialize(de) {
            Err(err) if err.to_string().contains(ARRIVED) => err.location().map(|l| Location {
                line: l.line(),
                column: l.column(),
            }),
            _ => None,
        }
    }

    /// The nearest location: this node, else its closest ancestor that exists.
    pub(crate) fn locate_nearest(&self, text: &str) -> Option<Location> {
        let mut p = self.clone();
        loop {
            if let Some(at) = p.locate(text) {
                return Some(at);
            }
            if p.at_key {
                p.at_key = false;
            }
            p.segs.pop()?;
        }
    }
}

struct Walk<'p> {
    segs: &'p [Seg],
    at_key: bool,
}

impl Walk<'_> {
    fn arrived<E: de::Error>(&self) -> Result<(), E> {
        if self.segs.is_empty() {
            Err(E::custom(ARRIVED))
        } else {
            Ok(())
        }
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.arrived()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.arrived()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.arrived()
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        self.arrived()
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        self.arrived()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.arrived()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.arrived()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.arrived()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.arrived()
    }

    /// A tagged node (`!tag value`): serde_yaml presents it as an enum whose variant is the
    /// tag. Walk into the value; leaving it unconsumed would desynchronise the parser.
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        self.arrived()?;
        let (_, value) = data.variant::<IgnoredAny>()?;
        value.newtype_variant_seed(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((Seg::Key(want), rest)) = self.segs.split_first() else {
            return self.arrived();
        };
        let fail_on_key = rest.is_empty() && self.at_key;
        while let Some(found) = map.next_key_seed(KeyMatch {
            want,
            fail: fail_on_key,
        })? {
            if found {
                return map.next_value_seed(Walk {
                    segs: rest,
                    at_key: self.at_key,
                });
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((Seg::Index(want), rest)) = self.segs.split_first() else {
            return self.arrived();
        };
        for _ in 0..*want {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Walk {
            segs: rest,
            at_key: self.at_key,
        })?;
        Ok(())
    }
}

/// Reads a mapping key and says whether it is the one we want (or fails on it, to locate
/// the key itself).
struct KeyMatch<'a> {
    want: &'a str,
    fail: bool,
}

impl KeyMatch<'_> {
    fn check<E: de::Error>(&self, key: &str) -> Result<bool, E> {
        if key == self.want {
            if self.fail {
                Err(E::custom(ARRIVED))
            } else {
                Ok(true)
            }
        } else {
            Ok(false)
        }
    }
}

impl<'de> DeserializeSeed<'de> for KeyMatch<'_> {
    type Value = bool;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeyMatch<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        self.check(v)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
        self.check(&v.to_string())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<bool, A::Error> {
        let (_, value) = data.variant::<IgnoredAny>()?;
        value.newtype_variant::<IgnoredAny>()?;
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "\
name: x
tools:
  - name: a
    command: [a]
  - name: b
    parameters:
      to: {type: str}
flow: {k: [1, 2, {z: 3}]}
";

    fn at(line: usize, column: usize) -> Option<Location> {
        Some(Location { line, column })
    }

    #[test]
    fn finds_values_and_keys() {
        let root = NodePath::root();
        assert_eq!(root.key("name").locate(DOC), at(1, 7));
        assert_eq!(root.key("name").the_key().locate(DOC), at(1, 1));
        assert_eq!(
            root.key("tools").index(1).key("name").locate(DOC),
            at(5, 11)
        );
        assert_eq!(root.key("tools").index(1).locate(DOC), at(5, 5));
        let to = root.key("tools").index(1).key("parameters").key("to");
        assert_eq!(to.the_key().locate(DOC), at(7, 7));
        assert_eq!(to.key("type").locate(DOC), at(7, 18));
        assert_eq!(
            root.key("flow").key("k").index(2).key("z").locate(DOC),
            at(8, 22)
        );
    }

    #[test]
    fn walks_through_tagged_nodes() {
        let doc = "a: !t [1, {b: 2}]\nc: !u 3\nd: 4\n";
        let root = NodePath::root();
        assert_eq!(root.key("a").index(1).key("b").locate(doc), at(1, 15));
        assert_eq!(root.key("d").locate(doc), at(3, 4));
        assert_eq!(root.key("c").locate(doc), at(2, 4));
    }

    #[test]
    fn missing_nodes_fall_back_to_ancestors() {
        let root = NodePath::root();
        let p = root.key("tools").index(0).key("sandbox");
        assert_eq!(p.locate(DOC), None);
        assert_eq!(p.locate_nearest(DOC), at(3, 5));
        assert_eq!(root.key("tools").index(9).locate(DOC), None);
    }
}
