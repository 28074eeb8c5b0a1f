//! The policy input document (the contract with policy authors; see docs/policy.md).

use super::spec::ToolSpec;
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

/// Builds the input document for one call whose arguments were already mapped to names.
pub fn input_document(
    spec: &ToolSpec,
    call: &ToolCall,
    named: &[(String, &ArgValue)],
    trusted_values: &[String],
    agent: &str,
    history: &[Value],
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
    json!({
        "tool": call.tool,
        "call": {"index": call.index, "id": call.id},
        "args": args,
        "user": {"trusted_values": trusted_values},
        "agent": {"name": agent},
        "history": history,
    })
}
