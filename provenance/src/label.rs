//! Sources, readers and interned labels.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// Where a piece of data came from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// The user's request and the values taken from it.
    User,
    /// A literal written in the plan; trusted because the planner saw only the user's request.
    Program,
    /// The output of a tool call. `inner` names who really wrote the data (an email's sender);
    /// `trusted` is set when the tool is declared `trusted_output` or every inner principal is
    /// trusted.
    Tool {
        name: String,
        call: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        inner: Option<String>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        trusted: bool,
    },
    /// The quarantined model's answer to one call.
    QuarantinedLlm { call: String },
    /// Bactrian itself (for example the step counter or a limit's message).
    System,
}

impl Source {
    /// An untrusted tool output.
    pub fn tool(name: impl Into<String>, call: impl Into<String>) -> Source {
        Source::Tool {
            name: name.into(),
            call: call.into(),
            inner: None,
            trusted: false,
        }
    }

    /// Whether data from this source may decide where the agent acts.
    pub fn is_trusted(&self) -> bool {
        match self {
            Source::User | Source::Program | Source::System => true,
            Source::Tool { trusted, .. } => *trusted,
            Source::QuarantinedLlm { .. } => false,
        }
    }

    /// A short human description: `web_search (call c1)`.
    pub fn describe(&self) -> String {
        match self {
            Source::User => "the user's request".to_string(),
            Source::Program => "the plan".to_string(),
            Source::System => "bactrian".to_string(),
            Source::Tool {
                name, call, inner, ..
            } => match inner {
                Some(inner) => format!("{name} (call {call}, from {inner})"),
                None => format!("{name} (call {call})"),
            },
            Source::QuarantinedLlm { call } => format!("query_ai_assistant (call {call})"),
        }
    }
}

/// Who may read a piece of data.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Readers {
    /// Anyone.
    #[serde(with = "public_tag")]
    Public,
    /// Only these principals (email addresses, user ids).
    Only(BTreeSet<String>),
}

mod public_tag {
    use serde::{Deserialize, Deserializer, Serializer};
    pub fn serialize<S: Serializer>(s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str("public")
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<(), D::Error> {
        let text = String::deserialize(d)?;
        if text == "public" {
            Ok(())
        } else {
            Err(serde::de::Error::custom(
                "expected \"public\" or a list of readers",
            ))
        }
    }
}

impl Readers {
    /// A restricted set of readers.
    pub fn only<I: IntoIterator<Item = S>, S: Into<String>>(readers: I) -> Readers {
        Readers::Only(readers.into_iter().map(Into::into).collect())
    }

    /// Intersection: data seen by both sets of readers may go only to both.
    pub fn meet(&self, other: &Readers) -> Readers {
        match (self, other) {
            (Readers::Public, r) | (r, Readers::Public) => r.clone(),
            (Readers::Only(a), Readers::Only(b)) => {
                Readers::Only(a.intersection(b).cloned().collect())
            }
        }
    }

    /// Whether `principal` may read data with these readers.
    pub fn allows(&self, principal: &str) -> bool {
        match self {
            Readers::Public => true,
            Readers::Only(set) => set.contains(principal),
        }
    }
}

/// The content of a label: every source a value depends on and who may read it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LabelData {
    pub sources: BTreeSet<Source>,
    pub readers: Readers,
}

impl LabelData {
    /// Trusted when every source is trusted.
    pub fn is_trusted(&self) -> bool {
        self.sources.iter().all(Source::is_trusted)
    }

    /// The untrusted sources, in order.
    pub fn untrusted_sources(&self) -> impl Iterator<Item = &Source> {
        self.sources.iter().filter(|s| !s.is_trusted())
    }
}

/// An interned label: a small integer into a [`LabelTable`]. Copying one costs nothing and
/// comparing two is comparing integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(u32);

impl Label {
    /// The label of a literal in the plan (`Program`, public). Always id 0 in every table.
    pub const PROGRAM: Label = Label(0);

    /// The raw id, for compact storage.
    pub fn id(self) -> u32 {
        self.0
    }
}

/// Interns labels so that each distinct label is stored once and joins are memoised.
#[derive(Debug)]
pub struct LabelTable {
    labels: Vec<Arc<LabelData>>,
    trusted: Vec<bool>,
    index: HashMap<Arc<LabelData>, Label>,
    joins: HashMap<(Label, Label), Label>,
}

impl Default for LabelTable {
    fn default() -> Self {
        Self::new()
    }
}

impl LabelTable {
    /// A table holding the program label.
    pub fn new() -> LabelTable {
        let mut table = LabelTable {
            labels: Vec::new(),
            trusted: Vec::new(),
            index: HashMap::new(),
            joins: HashMap::new(),
        };
        let program = table.intern([Source::Program].into(), Readers::Public);
        debug_assert_eq!(program, Label::PROGRAM);
        table
    }

    /// The label of plan literals.
    pub fn program(&self) -> Label {
        Label::PROGRAM
    }

    /// The label for this content, made once.
    pub fn intern(&mut self, sources: BTreeSet<Source>, readers: Readers) -> Label {
        self.intern_data(LabelData { sources, readers })
    }

    /// The label for this content, made once.
    pub fn intern_data(&mut self, data: LabelData) -> Label {
        if let Some(&label) = self.index.get(&data) {
            return label;
        }
        let label = Label(self.labels.len() as u32);
        let data = Arc::new(data);
        self.trusted.push(data.is_trusted());
        self.labels.push(data.clone());
        self.index.insert(data, label);
        label
    }

    /// The content of a label.
    pub fn get(&self, label: Label) -> &Arc<LabelData> {
        // A `Label` is only made by `intern_data` of this table, so the index exists; a label
        // of another table reads as the plan's own (index 0 always exists).
        static PROGRAM: std::sync::OnceLock<Arc<LabelData>> = std::sync::OnceLock::new();
        self.labels.get(label.0 as usize).unwrap_or_else(|| {
            PROGRAM.get_or_init(|| {
                Arc::new(LabelData {
                    sources: [Source::Program].into(),
                    readers: Readers::Public,
                })
            })
        })
    }

    /// Whether every source of the label is trusted.
    #[inline]
    pub fn is_trusted(&self, label: Label) -> bool {
        self.trusted.get(label.0 as usize).copied().unwrap_or(false)
    }

    /// Union of sources, intersection of readers.
    #[inline]
    pub fn join(&mut self, a: Label, b: Label) -> Label {
        if a == b || b == Label::PROGRAM {
            return a;
        }
        if a == Label::PROGRAM {
            return b;
        }
        self.join_distinct(a, b)
    }

    /// `join` of two different labels, neither of them the program label.
    #[inline(never)]
    fn join_distinct(&mut self, a: Label, b: Label) -> Label {
        let key = if a < b { (a, b) } else { (b, a) };
        if let Some(&joined) = self.joins.get(&key) {
            return joined;
        }
        let (left, right) = (self.get(a), self.get(b));
        let mut sources = left.sources.clone();
        sources.extend(right.sources.iter().cloned());
        // Program adds nothing once anything else is there.
        if sources.len() > 1 {
            sources.remove(&Source::Program);
        }
        let readers = left.readers.meet(&right.readers);
        let joined = self.intern(sources, readers);
        self.joins.insert(key, joined);
        joined
    }

    /// Join of many labels.
    pub fn join_all(&mut self, labels: impl IntoIterator<Item = Label>) -> Label {
        labels
            .into_iter()
            .fold(Label::PROGRAM, |acc, l| self.join(acc, l))
    }

    /// How many distinct labels exist.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Never true: the program label always exists.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn web(table: &mut LabelTable) -> Label {
        table.intern([Source::tool("web_search", "c1")].into(), Readers::Public)
    }

    #[test]
    fn program_joined_with_program_stays_program() {
        let mut t = LabelTable::new();
        assert_eq!(t.join(Label::PROGRAM, Label::PROGRAM), Label::PROGRAM);
    }

    #[test]
    fn join_drops_program_source_next_to_real_sources() {
        let mut t = LabelTable::new();
        let w = web(&mut t);
        let user = t.intern([Source::User].into(), Readers::Public);
        let j = t.join(w, user);
        assert!(!t.get(j).sources.contains(&Source::Program));
        assert_eq!(t.get(j).sources.len(), 2);
        assert!(!t.is_trusted(j));
    }

    #[test]
    fn join_is_commutative_and_interned() {
        let mut t = LabelTable::new();
        let w = web(&mut t);
        let user = t.intern([Source::User].into(), Readers::only(["a"]));
        assert_eq!(t.join(w, user), t.join(user, w));
    }

    #[test]
    fn readers_intersect() {
        let a = Readers::only(["a", "b"]);
        let b = Readers::only(["b", "c"]);
        assert_eq!(a.meet(&b), Readers::only(["b"]));
        assert_eq!(Readers::Public.meet(&b), b);
        assert!(!a.meet(&b).allows("a"));
    }

    #[test]
    fn trusted_tool_output_is_trusted() {
        let mut t = LabelTable::new();
        let clock = Source::Tool {
            name: "now".into(),
            call: "c1".into(),
            inner: None,
            trusted: true,
        };
        let l = t.intern([clock].into(), Readers::Public);
        assert!(t.is_trusted(l));
    }

    #[test]
    fn readers_serialize_as_public_or_list() {
        assert_eq!(
            serde_json::to_string(&Readers::Public).unwrap(),
            "\"public\""
        );
        assert_eq!(
            serde_json::to_string(&Readers::only(["x"])).unwrap(),
            "[\"x\"]"
        );
        let back: Readers = serde_json::from_str("\"public\"").unwrap();
        assert_eq!(back, Readers::Public);
    }
}
