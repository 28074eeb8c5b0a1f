//! What a failed run tells the planner, in the shape CaMeL feeds errors back: the exception's
//! type, its line, and the code that already ran and must not be repeated.
//!
//! The planner is the privileged model: whatever reaches it can steer the next plan. So an
//! error that depends on untrusted data tells it nothing about that data. When the error's
//! message depends on untrusted data, so may its type and its line (which branch ran, which
//! item failed): the feedback then gives none of them and no executed code either, only that
//! the plan failed on data it may not see. A policy denial is marked not to be retried: a
//! new plan does not make the call acceptable.

use bactrian_interpreter::{Fatal, RunOutcome};
use serde_json::{json, Value};

/// `prefix_lines`: lines of `code` earlier runs of its session executed; lines are counted
/// from the fragment the planner wrote.
/// How many lines of `code` ran as whole top-level statements when it raised at `line`: the
/// session's `prefix_lines`, then the fragment's statements before the one that raised (which
/// may have run in part).
pub fn lines_run_whole(code: &str, prefix_lines: u32, line: u32) -> u32 {
    let fragment: String = code
        .lines()
        .skip(prefix_lines as usize)
        .map(|l| format!("{l}\n"))
        .collect();
    let at = line.saturating_sub(prefix_lines);
    let start = bactrian_interpreter::statement_lines(&fragment)
        .into_iter()
        .filter(|&l| l <= at)
        .max()
        .unwrap_or(1);
    prefix_lines + start.saturating_sub(1)
}

pub fn feedback(code: &str, prefix_lines: u32, outcome: &RunOutcome, status: &str) -> Value {
    let Some(error) = &outcome.error else {
        return Value::Null;
    };
    if status == "denied" {
        return json!({
            "retry": false,
            "type": "PolicyViolation",
            "message": "a policy denied a tool call; the same request cannot be fulfilled by another plan",
            "prompt": "A security policy denied a tool call of your plan. Do not retry: tell the user the request cannot be completed.",
        });
    }
    if let Some(Fatal::Stopped { .. }) = &error.fatal {
        return json!({
            "retry": false,
            "type": "Stopped",
            "message": "a sandbox or sensor rule stopped a tool",
            "prompt": "A tool of your plan was stopped by a sandbox or runtime rule. Do not retry.",
        });
    }
    if error.redacted {
        return json!({
            "retry": true,
            "redacted": true,
            "type": Value::Null,
            "line": Value::Null,
            "message": Value::Null,
            "executed_code": Value::Null,
            "prompt": "Your plan raised an error that depends on untrusted data; its type, message and place are withheld. Write a plan that handles unexpected data (for example with query_ai_assistant and a schema).",
        });
    }
    let line = error.line.saturating_sub(prefix_lines);
    let run_whole = lines_run_whole(code, prefix_lines, error.line);
    let executed: Vec<&str> = code
        .lines()
        .skip(prefix_lines as usize)
        .take(run_whole.saturating_sub(prefix_lines) as usize)
        .collect();
    let executed = executed.join("\n");
    let prompt = format!(
        "Running your plan raised {}: {} (line {line}).\n\
         The statements before the one that raised already ran and their tool calls were \
         made: do not repeat them. In the same session their variables are still set: write \
         only the code that continues from the statement that raised.\n\
         Code already run:\n```python\n{executed}\n```",
        error.type_name, error.message
    );
    json!({
        "retry": true,
        "redacted": false,
        "type": error.type_name,
        "line": line,
        "message": error.message,
        "executed_code": executed,
        "prompt": prompt,
    })
}
