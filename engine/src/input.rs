//! The policy input document (the contract with policy authors; see docs/policy.md).

use super::spec::{audience_json, Audience, ToolSpec};
use bactrian_interpreter::{ArgValue, ToolCall};
use serde_json::{json, Map, Value};

/// One labeled value: `value`, `trusted`, `sources`, `readers`, and `items` / `fields` for
/// the parts of lists and dicts (each already joined with its container's shape).
fn labeled(arg: &ArgValue) -> Value {
    let mut node = Map::new();
    node.insert("value".into(), arg.value.clone());
    node.insert("trusted".into(), Value::Bool(arg.is_trusted()));
    node.insert("sources".into(), json!(arg.label.sources));
    node.insert("readers".into(), json!(arg.label.readers));
    if !arg.items.is_empty() {
        node.insert(
            "items".into(),
            Value::Array(arg.items.iter().map(labeled).collect()),
        );
    }
    if !arg.fields.is_empty() {
        let fields: Map<String, Value> = arg
            .fields
            .iter()
            .map(|(k, v)| (k.clone(), labeled(v)))
            .collect();
        node.insert("fields".into(), Value::Object(fields));
    }
    Value::Object(node)
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
/// `legacy` builds the document of records made before the input document had `context`
/// and `audience` (so that replaying them reproduces their steps).
#[allow(clippy::too_many_arguments)]
pub fn input_document(
    spec: &ToolSpec,
    call: &ToolCall,
    named: &[(String, &ArgValue)],
    trusted_values: &[String],
    agent: &str,
    history: &[Value],
    legacy: bool,
) -> Value {
    let mut args = Map::new();
    for (name, arg) in named {
        let mut node = labeled(arg);
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
    if !legacy {
        doc["context"] = json!({
            "trusted": call.context.is_trusted(),
            "sources": call.context.sources,
            "readers": call.context.readers,
        });
        doc["audience"] = call_audience(spec, named);
    }
    doc
}
