//! Find where a node of the YAML document is, for errors found after parsing.
//!
//! serde_yaml does not hand out spans, but it does give every error raised while a node is
//! being deserialized the position of that node. So to locate `tools[2].name` we walk the
//! document again with a visitor that follows the path and fails on arrival; the failure
//! comes back carrying the node's line and column.
//!
//! Each such walk parses the whole document, so locating every tool that way is quadratic
//! (5,000 tools took 29 s). [`LocationIndex`] locates every node in one walk instead: a
//! scalar (or a key) fails as it is read, the failure carries its position, and its parent
//! records it and carries on, since a scalar is one parser event and nothing is left
//! half-read. A mapping or sequence is placed at the `{` or `[` before its first entry, or at
//! that entry for a block collection; one that is empty is not in the index, and
//! [`NodePath::locate`] finds it.

use std::collections::HashMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, VariantAccess, Visitor};

use crate::error::Location;

/// The marker our visitor fails with; any other error means "not found".
const ARRIVED: &str = "\u{0}bactrian-agent-config: arrived";

/// One step into the document: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// A path to a node, e.g. `tools[2].parameters.to`; `at_key` points at the last key itself
/// rather than at its value (for "this name is wrong" errors).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
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

/// Where the nodes and keys of a document are, found in one walk.
#[derive(Debug)]
pub(crate) struct LocationIndex<'t> {
    at: HashMap<NodePath, Location>,
    /// The text's lines, and whether each is ASCII (a column is then a byte offset).
    lines: Vec<(&'t str, bool)>,
}

impl<'t> LocationIndex<'t> {
    /// Indexes `text`; a document that does not parse gives an empty index.
    pub(crate) fn new(text: &'t str) -> LocationIndex<'t> {
        let mut index = LocationIndex {
            at: HashMap::new(),
            lines: text.split('\n').map(|l| (l, l.is_ascii())).collect(),
        };
        let de = serde_yaml::Deserializer::from_str(text);
        let root = NodePath::root();
        let walk = Indexer {
            path: &root,
            index: &mut index,
        }
        .deserialize(de);
        // The root is a scalar (which arrives), or the text is not YAML (nothing to index).
        let _ = index.child::<serde_yaml::Error>(&root, &root, walk.map(Some));
        index
    }

    /// Where the node (or key) at `path` is, if the walk found it.
    pub(crate) fn get(&self, path: &NodePath) -> Option<Location> {
        self.at.get(path).copied()
    }

    /// Continues after a child at `path` was read: an arrival is recorded (and the child's
    /// position placed on `parent` too, if it is the first); another error ends the walk.
    fn child<E: de::Error>(
        &mut self,
        parent: &NodePath,
        path: &NodePath,
        read: Result<Option<()>, E>,
    ) -> Result<bool, E> {
        let more = match read {
            Ok(found) => found.is_some(),
            Err(err) => match arrival(&err.to_string()) {
                Some(at) => {
                    self.at.entry(path.clone()).or_insert(at);
                    true
                }
                None => return Err(err),
            },
        };
        if let Some(at) = self.get(path) {
            if !self.at.contains_key(parent) {
                let start = self.collection_start(at);
                self.at.insert(parent.clone(), start);
            }
        }
        Ok(more)
    }

    /// Where the collection whose first entry is at `first` starts: at the `[` or `{` just
    /// before it (only blanks between), else (a block collection) at the entry itself.
    fn collection_start(&self, first: Location) -> Location {
        let mut line = first.line.saturating_sub(1);
        let mut column = first.column.saturating_sub(1);
        loop {
            let Some(&(text, ascii)) = self.lines.get(line) else {
                return first;
            };
            let before = if ascii {
                text.get(..column.min(text.len())).unwrap_or("")
            } else {
                let end = text
                    .char_indices()
                    .nth(column)
                    .map_or(text.len(), |(i, _)| i);
                text.get(..end).unwrap_or("")
            };
            match before.trim_end().chars().last() {
                Some('[' | '{') => {
                    return Location {
                        line: line + 1,
                        column: before.trim_end().chars().count(),
                    }
                }
                Some(_) => return first,
                None if line == 0 => return first,
                None => {
                    line -= 1;
                    column = usize::MAX;
                }
            }
        }
    }
}

/// Where an arrival failure says it happened. The visitor sees serde_yaml's errors only as
/// its generic `de::Error`, so the position is read from the message serde_yaml 0.9 writes:
/// `<path>: <ARRIVED> at line L column C`, without the suffix at line 1 column 1.
fn arrival(message: &str) -> Option<Location> {
    let (_, after) = message.split_once(ARRIVED)?;
    let Some(position) = after.strip_prefix(" at line ") else {
        return after.is_empty().then_some(Location { line: 1, column: 1 });
    };
    let (line, column) = position.split_once(" column ")?;
    Some(Location {
        line: line.parse().ok()?,
        column: column.parse().ok()?,
    })
}

/// Walks a node, recording where its descendants are; fails on a scalar (its parent
/// records the position the failure carries).
struct Indexer<'a, 't> {
    path: &'a NodePath,
    index: &'a mut LocationIndex<'t>,
}

impl<'de> DeserializeSeed<'de> for Indexer<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

macro_rules! arrive_on_scalars {
    ($($visit:ident: $ty:ty),*) => {
        $(fn $visit<E: de::Error>(self, _: $ty) -> Result<(), E> {
            Err(E::custom(ARRIVED))
        })*
    };
}

impl<'de> Visitor<'de> for Indexer<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML node")
    }

    arrive_on_scalars!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_i128: i128,
        visit_u128: u128, visit_f64: f64, visit_str: &str);

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(ARRIVED))
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(ARRIVED))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let (_, value) = data.variant::<IgnoredAny>()?;
        value.newtype_variant_seed(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        loop {
            let mut name = None;
            let key = map.next_key_seed(KeyName { name: &mut name });
            let Some(name) = name else {
                // The end, or a key that is not a scalar: its value is skipped.
                if key?.is_none() {
                    return Ok(());
                }
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let key_path = self.path.key(&name).the_key();
            self.index
                .child(self.path, &key_path, key.map(|_| Some(())))?;
            let value_path = self.path.key(&name);
            let value = map.next_value_seed(Indexer {
                path: &value_path,
                index: self.index,
            });
            self.index.child(self.path, &value_path, value.map(Some))?;
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        for i in 0.. {
            let element_path = self.path.index(i);
            let element = seq.next_element_seed(Indexer {
                path: &element_path,
                index: self.index,
            });
            if !self.index.child(self.path, &element_path, element)? {
                break;
            }
        }
        Ok(())
    }
}

/// Reads a mapping key: a scalar's text goes into `name`, and the key fails (so that its
/// parent records where it is); any other key is skipped.
struct KeyName<'a> {
    name: &'a mut Option<String>,
}

impl<'de> DeserializeSeed<'de> for KeyName<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl KeyName<'_> {
    fn named<E: de::Error>(self, name: String) -> Result<(), E> {
        *self.name = Some(name);
        Err(E::custom(ARRIVED))
    }
}

impl<'de> Visitor<'de> for KeyName<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.named(v.to_string())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.named(v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.named(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.named(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let (_, value) = data.variant::<IgnoredAny>()?;
        value.newtype_variant::<IgnoredAny>().map(|_| ())
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

    #[test]
    fn the_index_finds_what_the_walk_finds() {
        let root = NodePath::root();
        let tool = root.key("tools").index(1);
        let to = tool.key("parameters").key("to");
        let paths = [
            root.key("name"),
            root.key("name").the_key(),
            tool.key("name"),
            tool.clone(),
            root.key("tools").index(0).key("command").index(0),
            to.the_key(),
            to.key("type"),
            root.key("flow").key("k").index(2).key("z"),
        ];
        let index = LocationIndex::new(DOC);
        for p in &paths {
            assert_eq!(index.get(p), p.locate(DOC), "{p:?}");
        }
        let doc = "a: !t [1, {b: 2}]\nc: !u 3\nd: 4\n";
        let index = LocationIndex::new(doc);
        for p in [
            root.key("a").index(1).key("b"),
            root.key("c"),
            root.key("d"),
        ] {
            assert_eq!(index.get(&p), p.locate(doc), "{p:?}");
        }
        assert_eq!(LocationIndex::new("[: x").get(&root), None);
    }
}
