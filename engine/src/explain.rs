//! `graph --explain CALL`: for one recorded tool call, the lineage of each argument back to
//! its sources, and the decision with its reasons, in plain words.

use crate::fields::{field, text_field};
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
        .find(|n| n.kind == "tool_call" && text_field(&n.body, "id") == Some(call))
        .ok_or_else(|| {
            let ids: Vec<String> = record
                .nodes
                .iter()
                .filter(|n| n.kind == "tool_call")
                .filter_map(|n| text_field(&n.body, "id").map(String::from))
                .collect();
            format!("no call {call} in this record (calls: {})", ids.join(", "))
        })?;
    let body = &node.body;
    let tool = text_field(body, "tool").unwrap_or("?");
    let mut out = format!("{call} {tool} (line {})\n", field(body, "line"));
    if let Some(Value::Object(args)) = body.get("args") {
        for (name, arg) in args {
            let trusted = field(arg, "trusted").as_bool().unwrap_or(false);
            let sources: Vec<String> = field(arg, "sources")
                .as_array()
                .map(|s| {
                    s.iter()
                        .filter_map(|v| serde_json::from_value::<Source>(v.clone()).ok())
                        .filter(|s| !trusted || s.is_trusted())
                        .map(|s| s.describe())
                        .collect()
                })
                .unwrap_or_default();
            let lineage = text_field(arg, "lineage")
                .filter(|l| !l.is_empty())
                .unwrap_or("a literal in the plan");
            out.push_str(&format!(
                "  {name} = {}\n    {name} ← {lineage}, {}\n",
                short(field(arg, "value")),
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
        .find(|n| n.kind == "decision" && text_field(&n.body, "call") == Some(call))
    {
        out.push_str(&format!(
            "  decision: {}\n",
            text_field(&decision.body, "verdict").unwrap_or("?")
        ));
        // Each reason with its own verdict: an allow listed under a denial is not a denial.
        for r in field(&decision.body, "reasons")
            .as_array()
            .into_iter()
            .flatten()
        {
            out.push_str(&format!(
                "    {:<5} {}: {}\n",
                text_field(r, "verdict").unwrap_or("?"),
                text_field(r, "policy").unwrap_or("?"),
                text_field(r, "message").unwrap_or("")
            ));
        }
    }
    explain_fence(record, call, &mut out);
    if let Some(n) = record
        .nodes
        .iter()
        .find(|n| n.kind == "tool_result" && text_field(&n.body, "call") == Some(call))
    {
        out.push_str(&format!("  result: {}\n", short(field(&n.body, "result"))));
    } else if let Some(n) = record
        .nodes
        .iter()
        .find(|n| n.kind == "tool_error" && text_field(&n.body, "call") == Some(call))
    {
        out.push_str(&format!(
            "  error: {}\n",
            text_field(&n.body, "error").unwrap_or("")
        ));
    } else {
        out.push_str("  the tool did not run\n");
    }
    Ok(out)
}

/// What the sandbox and the sensor saw of the call, in a few lines: the fence, how the tool
/// ended, what its processes did (counted by kind, execs and connects named), and any rule
/// it broke.
fn explain_fence(record: &Record, call: &str, out: &mut String) {
    let of = |kind: &'static str| {
        record
            .nodes
            .iter()
            .filter(move |n| n.kind == kind && text_field(&n.body, "call") == Some(call))
            .map(|n| field(&n.body, "event"))
    };
    for e in of("sandbox_event") {
        let text = match text_field(e, "event") {
            Some("fenced") => format!(
                "fenced: Landlock {} (ABI {}), network {}, processes and memory by {} and {}",
                text_field(e, "landlock").unwrap_or("?"),
                field(e, "abi"),
                text_field(e, "network").unwrap_or("?"),
                text_field(e, "processes_limit").unwrap_or("?"),
                text_field(e, "memory_limit").unwrap_or("?"),
            ),
            Some("exited") => format!("exited with status {}", field(e, "code")),
            Some("killed") => format!("killed by signal {}", field(e, "signal")),
            Some("limit_hit") => {
                format!("limit reached: {}", text_field(e, "detail").unwrap_or("?"))
            }
            Some("timed_out") => format!("timed out after {} ms", field(e, "after_ms")),
            Some("stopped") => {
                format!(
                    "stopped and killed: {}",
                    text_field(e, "reason").unwrap_or("?")
                )
            }
            Some("cleaned") => {
                format!(
                    "{} process(es) it left running were killed",
                    field(e, "processes")
                )
            }
            Some("unfenced") => format!("ran unfenced: {}", text_field(e, "reason").unwrap_or("?")),
            Some(other) => other.to_string(),
            None => continue,
        };
        out.push_str(&format!(
            "  sandbox: {text}
"
        ));
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut named = Vec::new();
    for e in of("sensor_event") {
        let kind = text_field(e, "kind").unwrap_or("?").to_string();
        match kind.as_str() {
            "exec" => named.push(format!("exec {}", text_field(e, "filename").unwrap_or("?"))),
            "connect" => named.push(format!(
                "connect {}:{}",
                text_field(e, "addr").unwrap_or("?"),
                field(e, "port")
            )),
            "rule_violated" => named.push(format!(
                "STOPPED: it {}",
                text_field(e, "what").unwrap_or("?")
            )),
            "dropped" => named.push(format!("{} event(s) lost in the kernel", field(e, "count"))),
            _ => {}
        }
        match counts.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    if !counts.is_empty() {
        let summary: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
        out.push_str(&format!(
            "  sensor: {}
",
            summary.join(", ")
        ));
        for line in named {
            out.push_str(&format!(
                "    {line}
"
            ));
        }
    }
}
