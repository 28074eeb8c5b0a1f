//! The policy input document (the contract with policy authors; see docs/policy.md).

use super::spec::{audience_json, Audience, ToolSpec};
use crate::fields::set_field;
use bactrian_interpreter::{ArgValue, ToolCall};
use serde_json::{json, Map, Value};

/// Which input document the engine builds: replaying a record rebuilds each call's document
/// as the engine that made the record did, so that its steps match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputVersion {
    /// Before the document had `context` and `audience`; every part of a list or dict has
    /// its own node.
    NoContext,
    /// Every part of a list or dict has its own node, even where its label is the whole's.
    EveryPart,
    /// Parts are listed only where some part's label differs from the whole's: a list of a
    /// million items with one label is one node (records say `"input": "parts_that_differ"`
    /// in their program node).
    #[default]
    PartsThatDiffer,
}

/// One labeled value: `value`, `trusted`, `sources`, `readers`, and `items` / `fields` for
/// the parts of lists and dicts (each already joined with its container's shape).
fn labeled(arg: &ArgValue, version: InputVersion) -> Value {
    let mut node = Map::new();
    node.insert("value".into(), arg.value.clone());
    node.insert("trusted".into(), Value::Bool(arg.is_trusted()));
    node.insert("sources".into(), json!(arg.label.sources));
    node.insert("readers".into(), json!(arg.label.readers));
    if version == InputVersion::PartsThatDiffer && labeled_as_whole(arg) {
        return Value::Object(node);
    }
    if !arg.items.is_empty() {
        node.insert(
            "items".into(),
            Value::Array(arg.items.iter().map(|i| labeled(i, version)).collect()),
        );
    }
    if !arg.fields.is_empty() {
        let fields: Map<String, Value> = arg
            .fields
            .iter()
            .map(|(k, v)| (k.clone(), labeled(v, version)))
            .collect();
        node.insert("fields".into(), Value::Object(fields));
    }
    Value::Object(node)
}

/// Whether every part of `arg`, at every depth, has `arg`'s own label: then its parts say
/// nothing the whole does not, and the document leaves them out.
fn labeled_as_whole(arg: &ArgValue) -> bool {
    let same = |part: &ArgValue| {
        (std::sync::Arc::ptr_eq(&part.label, &arg.label) || part.label == arg.label)
            && labeled_as_whole(part)
    };
    arg.items.iter().all(same) && arg.fields.iter().all(|(_, part)| same(part))
}

/// Who reads the call's arguments: the principals its recipient arguments name (plus the
/// tool's declared principals) when it passes recipient arguments; else the declared
/// audience; else `"unknown"`. A declared `public` audience stays public; a recipient whose
/// value is not a string or a list of strings makes the audience unknown.
pub fn call_audience(spec: &ToolSpec, named: &[(String, &ArgValue)]) -> Value {
    let recipients: Vec<&ArgValue> = named
        .iter()
        .filter(|(name, _)| spec.params.iter().any(|p| &p.name == name && p.recipient))
        .map(|(_, a)| *a)
        .collect();
    if recipients.is_empty() || spec.audience == Some(Audience::Public) {
        return audience_json(spec.audience.as_ref());
    }
    let mut principals: Vec<String> = Vec::new();
    let mut add = |p: &str| {
        if !principals.iter().any(|q| q == p) {
            principals.push(p.to_string());
        }
    };
    for r in recipients {
        match &r.value {
            Value::String(s) => add(s),
            Value::Array(items) if items.iter().all(Value::is_string) => {
                items.iter().filter_map(Value::as_str).for_each(&mut add)
            }
            _ => return Value::from("unknown"),
        }
    }
    if let Some(Audience::Principals(declared)) = &spec.audience {
        declared.iter().for_each(|p| add(p));
    }
    Value::from(principals)
}

/// Builds the input document for one call whose arguments were already mapped to names.
///
/// `version` is the engine's own, or (replaying a record) the one the record was made with.
#[allow(clippy::too_many_arguments)]
pub fn input_document(
    spec: &ToolSpec,
    call: &ToolCall,
    named: &[(String, &ArgValue)],
    trusted_values: &[String],
    agent: &str,
    history: &[Value],
    version: InputVersion,
) -> Value {
    let mut args = Map::new();
    for (name, arg) in named {
        let mut node = labeled(arg, version);
        let param = spec.params.iter().find(|p| &p.name == name);
        if let Value::Object(map) = &mut node {
            map.insert(
                "sensitive".into(),
                Value::Bool(param.is_some_and(|p| p.sensitive)),
            );
            map.insert(
                "recipient".into(),
                Value::Bool(param.is_some_and(|p| p.recipient)),
            );
            if !arg.lineage.is_empty() {
                map.insert("lineage".into(), Value::String(arg.lineage.clone()));
            }
        }
        args.insert(name.clone(), node);
    }
    let mut doc = json!({
        "tool": call.tool,
        "call": {"index": call.index, "id": call.id},
        "args": args,
        "user": {"trusted_values": trusted_values},
        "agent": {"name": agent},
        "history": history,
    });
    if version != InputVersion::NoContext {
        let context = json!({
            "trusted": call.context.is_trusted(),
            "sources": call.context.sources,
            "readers": call.context.readers,
        });
        set_field(&mut doc, "context", context);
        set_field(&mut doc, "audience", call_audience(spec, named));
    }
    doc
}
