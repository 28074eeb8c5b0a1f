//! Read-only views over the input document the engine builds for a tool call.
//!
//! Everything here tolerates a malformed document: a missing `trusted` reads as untrusted,
//! missing sources as none, and so on, so that a broken document can only make a check
//! stricter.

use serde_json::{Map, Value};

/// The whole input document.
#[derive(Clone, Copy)]
pub(crate) struct Call<'a> {
    doc: &'a Value,
}

impl<'a> Call<'a> {
    /// Checks the parts every rule relies on: an object with a string `tool` and, if
    /// present, an object `args`.
    pub(crate) fn new(doc: &'a Value) -> Result<Call<'a>, String> {
        let Some(obj) = doc.as_object() else {
            return Err("the input document is not an object".into());
        };
        match obj.get("tool") {
            Some(Value::String(_)) => {}
            Some(_) => return Err("`tool` is not a string".into()),
            None => return Err("`tool` is missing".into()),
        }
        match obj.get("args") {
            None => {}
            Some(Value::Object(args)) => check_flags(args)?,
            Some(_) => return Err("`args` is not an object".into()),
        }
        Ok(Call { doc })
    }

    pub(crate) fn tool(&self) -> &'a str {
        self.doc.get("tool").and_then(Value::as_str).unwrap_or("")
    }

    /// The arguments by parameter name, in document order.
    pub(crate) fn args(&self) -> impl Iterator<Item = (&'a str, Node<'a>)> {
        static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        self.doc
            .get("args")
            .and_then(Value::as_object)
            .unwrap_or_else(|| EMPTY.get_or_init(Map::new))
            .iter()
            .map(|(k, v)| (k.as_str(), Node(v)))
    }

    pub(crate) fn arg(&self, name: &str) -> Option<Node<'a>> {
        self.doc.get("args").and_then(|a| a.get(name)).map(Node)
    }

    /// The label of the call's control context (`context`: what decided that the call
    /// happens), as a node without a value; `None` when the document has none.
    pub(crate) fn context(&self) -> Option<Node<'a>> {
        self.doc.get("context").filter(|c| c.is_object()).map(Node)
    }

    /// Who the tool gives its arguments to, as the document declares it (`audience`). A
    /// missing or malformed `audience` is unknown: nobody can tell who reads the data.
    pub(crate) fn audience(&self) -> Audience<'a> {
        match self.doc.get("audience") {
            Some(Value::String(s)) if s == "public" => Audience::Public,
            Some(Value::String(s)) if s == "user" => Audience::User,
            Some(Value::Array(items)) => {
                match items
                    .iter()
                    .map(Value::as_str)
                    .collect::<Option<Vec<&str>>>()
                {
                    Some(principals) => Audience::Principals(principals),
                    None => Audience::Unknown,
                }
            }
            _ => Audience::Unknown,
        }
    }

    /// `user.trusted_values`, each in its text form.
    pub(crate) fn trusted_values(&self) -> Vec<String> {
        self.doc
            .pointer("/user/trusted_values")
            .and_then(Value::as_array)
            .map(|vals| vals.iter().filter_map(scalar_text).collect())
            .unwrap_or_default()
    }
}

/// The label flags the rules read as booleans. A flag that is present but not a boolean
/// (`"sensitive": "yes"`) would read as false, and `false` turns a check off: it is an
/// error instead.
const FLAGS: [&str; 3] = ["trusted", "sensitive", "recipient"];

fn check_flags(args: &Map<String, Value>) -> Result<(), String> {
    for (name, node) in args {
        for flag in FLAGS {
            match node.get(flag) {
                None | Some(Value::Bool(_)) => {}
                Some(other) => {
                    return Err(format!(
                        "`args.{}.{flag}` is {}, not a boolean",
                        clip(name),
                        clip(&other.to_string())
                    ))
                }
            }
        }
    }
    Ok(())
}

/// One labeled node: an argument, an item of a list, or a field of a dict.
#[derive(Clone, Copy)]
pub(crate) struct Node<'a>(pub(crate) &'a Value);

/// Who reads what a tool is given (the document's `audience`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Audience<'a> {
    /// Anyone: the tool publishes what it is given.
    Public,
    /// The user alone, who may read anything the agent reads.
    User,
    /// These principals.
    Principals(Vec<&'a str>),
    /// Nobody can tell (no declared audience and no recipient).
    Unknown,
}

/// Who may read a value.
pub(crate) enum Readers<'a> {
    Public,
    Only(Vec<&'a str>),
}

impl Readers<'_> {
    pub(crate) fn includes(&self, principal: &str) -> bool {
        match self {
            Readers::Public => true,
            Readers::Only(set) => set.contains(&principal),
        }
    }
}

impl<'a> Node<'a> {
    pub(crate) fn value(&self) -> &'a Value {
        self.0.get("value").unwrap_or(&Value::Null)
    }

    /// Only an explicit `"trusted": true` counts.
    pub(crate) fn trusted(&self) -> bool {
        self.0.get("trusted").and_then(Value::as_bool) == Some(true)
    }

    fn flag(&self, key: &str) -> bool {
        self.0.get(key).and_then(Value::as_bool) == Some(true)
    }

    pub(crate) fn sensitive(&self) -> bool {
        self.flag("sensitive")
    }

    pub(crate) fn recipient(&self) -> bool {
        self.flag("recipient")
    }

    pub(crate) fn sources(&self) -> impl Iterator<Item = Source<'a>> {
        self.0
            .get("sources")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(Source)
    }

    /// `"public"` (or no `readers` key) is public; an array is the set of principals
    /// (non-strings are dropped); anything else is read as "nobody".
    pub(crate) fn readers(&self) -> Readers<'a> {
        match self.0.get("readers") {
            None => Readers::Public,
            Some(Value::String(s)) if s == "public" => Readers::Public,
            Some(Value::Array(items)) => {
                Readers::Only(items.iter().filter_map(Value::as_str).collect())
            }
            Some(_) => Readers::Only(Vec::new()),
        }
    }

    /// The labeled elements of a list, tuple or set value.
    pub(crate) fn items(&self) -> Option<Vec<Node<'a>>> {
        self.0
            .get("items")
            .and_then(Value::as_array)
            .map(|items| items.iter().map(Node).collect())
    }

    /// The sources that make this node untrusted.
    pub(crate) fn untrusted_sources(&self) -> Vec<Source<'a>> {
        self.sources().filter(|s| !s.trusted()).collect()
    }
}

/// One entry of a `sources` list.
#[derive(Clone, Copy)]
pub(crate) struct Source<'a>(&'a Value);

impl<'a> Source<'a> {
    fn field(&self, key: &str) -> Option<&'a str> {
        self.0.get(key).and_then(Value::as_str)
    }

    pub(crate) fn kind(&self) -> &'a str {
        self.field("kind").unwrap_or("")
    }

    pub(crate) fn name(&self) -> Option<&'a str> {
        self.field("name")
    }

    pub(crate) fn inner(&self) -> Option<&'a str> {
        self.field("inner")
    }

    /// An explicit `trusted` wins; otherwise the user, the program and the system are
    /// trusted and tools and the quarantined model are not.
    pub(crate) fn trusted(&self) -> bool {
        match self.0.get("trusted").and_then(Value::as_bool) {
            Some(t) => t,
            None => matches!(self.kind(), "user" | "program" | "system"),
        }
    }

    /// `web_search (call c1)`, `read_email (call c2) from bob@x.com`,
    /// `query_ai_assistant (call c4)`, `the user`.
    pub(crate) fn describe(&self) -> String {
        let name = match (self.name(), self.kind()) {
            (Some(name), _) => name.to_string(),
            (None, "quarantined_llm") => "query_ai_assistant".to_string(),
            (None, "user") => "the user".to_string(),
            (None, "program") => "the program".to_string(),
            (None, "system") => "the system".to_string(),
            (None, "tool") => "a tool".to_string(),
            (None, other) if !other.is_empty() => other.to_string(),
            (None, _) => "an unknown source".to_string(),
        };
        let mut text = name;
        if let Some(call) = self.0.get("call").and_then(scalar_text) {
            text.push_str(&format!(" (call {call})"));
        }
        if let Some(inner) = self.inner() {
            text.push_str(&format!(" from {}", clip(inner)));
        }
        text
    }
}

/// Cuts text that may come from untrusted data before it goes into a message: at most 80
/// characters, control characters (line breaks) as `?`.
pub(crate) fn clip(text: &str) -> String {
    const MAX: usize = 80;
    let mut cut: String = text
        .chars()
        .take(MAX)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if text.chars().count() > MAX {
        cut.push('…');
    }
    cut
}

/// `web_search (call c1), fetch_page (call c2)`, or `no recorded source`.
pub(crate) fn describe_sources(sources: &[Source<'_>]) -> String {
    if sources.is_empty() {
        return "no recorded source".to_string();
    }
    let mut seen: Vec<String> = Vec::new();
    for s in sources {
        let d = s.describe();
        if !seen.contains(&d) {
            seen.push(d);
        }
    }
    seen.join(", ")
}

/// The text form used to compare values: strings as they are, numbers in decimal.
pub(crate) fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sources_describe_tool_inner_and_quarantined() {
        let v = json!([
            {"kind": "tool", "name": "web_search", "call": "c1"},
            {"kind": "tool", "name": "read_email", "call": "c2", "inner": "bob@x.com"},
            {"kind": "quarantined_llm", "call": "c4"}
        ]);
        let node = json!({"sources": v});
        let d = describe_sources(&Node(&node).untrusted_sources());
        assert_eq!(
            d,
            "web_search (call c1), read_email (call c2) from bob@x.com, query_ai_assistant (call c4)"
        );
    }

    #[test]
    fn explicit_trust_overrides_kind() {
        let s = json!({"kind": "tool", "name": "clock", "trusted": true});
        assert!(Source(&s).trusted());
        let s = json!({"kind": "user", "trusted": false});
        assert!(!Source(&s).trusted());
    }

    #[test]
    fn numbers_compare_by_decimal_text() {
        assert_eq!(scalar_text(&json!(149)).as_deref(), Some("149"));
        assert_eq!(scalar_text(&json!(true)), None);
    }

    #[test]
    fn malformed_documents_are_reported() {
        assert!(Call::new(&json!([])).is_err());
        assert!(Call::new(&json!({"args": {}})).is_err());
        assert!(Call::new(&json!({"tool": "t", "args": []})).is_err());
        assert!(Call::new(&json!({"tool": "t"})).is_ok());
        let yes = json!({"tool": "t", "args": {"to": {"value": "x", "sensitive": "yes"}}});
        assert_eq!(
            Call::new(&yes).err().as_deref(),
            Some("`args.to.sensitive` is \"yes\", not a boolean")
        );
    }
}
