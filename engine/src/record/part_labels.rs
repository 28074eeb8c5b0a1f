//! The labels a tool gave parts of its result (`labels: [{path, ...}]` in its response), as a
//! `tool_result` node holds them: replay must give each part the label it had in the run.

use bactrian_interpreter::PartLabel;
use bactrian_provenance::Readers;
use serde_json::{json, Map, Value};

/// The labels as the record writes them: `{"path": [...], "trusted": bool}` with `inner` and
/// `readers` when the tool gave them.
pub fn part_labels_json(parts: &[PartLabel]) -> Value {
    let labels = parts.iter().map(|part| {
        let mut label = Map::new();
        label.insert("path".into(), json!(part.path));
        label.insert("trusted".into(), Value::Bool(part.trusted));
        if let Some(inner) = &part.inner {
            label.insert("inner".into(), json!(inner));
        }
        if let Some(readers) = &part.readers {
            label.insert("readers".into(), json!(readers));
        }
        Value::Object(label)
    });
    Value::Array(labels.collect())
}

/// The labels of a `tool_result` node's `labels`; an error names the first that does not
/// read (a label is never dropped: it may be what keeps a part restricted).
pub fn part_labels_from_json(labels: &Value) -> Result<Vec<PartLabel>, String> {
    let Some(labels) = labels.as_array() else {
        return Err("`labels` is not a list".into());
    };
    labels
        .iter()
        .enumerate()
        .map(|(i, label)| part_label(label).ok_or_else(|| format!("labels[{i}] does not read")))
        .collect()
}

fn part_label(label: &Value) -> Option<PartLabel> {
    let path = label
        .get("path")?
        .as_array()?
        .iter()
        .map(|step| step.as_str().map(str::to_string))
        .collect::<Option<Vec<String>>>()?;
    let inner = match label.get("inner") {
        None => None,
        Some(inner) => Some(inner.as_str()?.to_string()),
    };
    let readers = match label.get("readers") {
        None => None,
        Some(readers) => Some(serde_json::from_value::<Readers>(readers.clone()).ok()?),
    };
    Some(PartLabel {
        path,
        inner,
        readers,
        trusted: label.get("trusted")?.as_bool()?,
    })
}
