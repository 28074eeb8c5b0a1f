//! `graph --explain CALL`: for one recorded tool call, the lineage of each argument back to
//! its sources, and the decision with its reasons, in plain words.

use crate::record::Record;
use bactrian_provenance::Source;
use serde_json::Value;

fn short(value: &Value) -> String {
    let text = match value {
        Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    };
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(59).collect::<String>())
    } else {
        text
    }
}

/// Explains call `call` (`c2`) of a record.
pub fn explain_call(record: &Record, call: &str) -> Result<String, String> {
    let node = record
        .nodes
        .iter()
        .find(|n| n.kind == "tool_call" && n.body["id"] == call)
        .ok_or_else(|| {
            let ids: Vec<String> = record
                .nodes
                .iter()
                .filter(|n| n.kind == "tool_call")
                .filter_map(|n| n.body["id"].as_str().map(String::from))
                .collect();
            format!("no call {call} in this record (calls: {})", ids.join(", "))
        })?;
    let body = &node.body;
    let tool = body["tool"].as_str().unwrap_or("?");
    let mut out = format!("{call} {tool} (line {})\n", body["line"]);
    if let Value::Object(args) = &body["args"] {
        for (name, arg) in args {
            let trusted = arg["trusted"].as_bool().unwrap_or(false);
            let sources: Vec<String> = arg["sources"]
                .as_array()
                .map(|s| {
                    s.iter()
                        .filter_map(|v| serde_json::from_value::<Source>(v.clone()).ok())
                        .filter(|s| !trusted || s.is_trusted())
                        .map(|s| s.describe())
                        .collect()
                })
                .unwrap_or_default();
            let lineage = arg["lineage"]
                .as_str()
                .filter(|l| !l.is_empty())
                .unwrap_or("a literal in the plan");
            out.push_str(&format!(
                "  {name} = {}\n    {name} ← {lineage}, {}\n",
                short(&arg["value"]),
                if trusted {
                    "trusted".to_string()
                } else {
                    format!("untrusted (from {})", sources.join(", "))
                }
            ));
        }
    }
    if let Some(decision) = record
        .nodes
        .iter()
        .find(|n| n.kind == "decision" && n.body["call"] == call)
    {
        out.push_str(&format!(
            "  decision: {}\n",
            decision.body["verdict"].as_str().unwrap_or("?")
        ));
        for r in decision.body["reasons"].as_array().into_iter().flatten() {
            out.push_str(&format!(
                "    {}: {}\n",
                r["policy"].as_str().unwrap_or("?"),
                r["message"].as_str().unwrap_or("")
            ));
        }
    }
    if let Some(n) = record
        .nodes
        .iter()
        .find(|n| n.kind == "tool_result" && n.body["call"] == call)
    {
        out.push_str(&format!("  result: {}\n", short(&n.body["result"])));
    } else if let Some(n) = record
        .nodes
        .iter()
        .find(|n| n.kind == "tool_error" && n.body["call"] == call)
    {
        out.push_str(&format!(
            "  error: {}\n",
            n.body["error"].as_str().unwrap_or("")
        ));
    } else {
        out.push_str("  the tool did not run\n");
    }
    Ok(out)
}
