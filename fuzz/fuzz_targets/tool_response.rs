//! What a command tool prints: `parse_response` gives a labelled output or a `ToolFailed`
//! error; a parsed output is then handed to a plan, which walks it, so the part labels are
//! applied to whatever value the tool sent. Never a panic.
#![no_main]

use bactrian_engine::{parse_response, ResponseOrigin};
use bactrian_interpreter::{
    Config, HostError, Interpreter, Limits, ToolCall, ToolHost, ToolOutput,
};
use bactrian_provenance::Readers;
use libfuzzer_sys::fuzz_target;
use std::time::Duration;

/// A host whose one tool answers with the fuzzed response.
struct Replay(ToolOutput);

impl ToolHost for Replay {
    fn tool_names(&self) -> Vec<String> {
        vec!["fetch".to_string(), "send_message".to_string()]
    }
    fn call(&mut self, call: &ToolCall) -> Result<ToolOutput, HostError> {
        if call.tool == "fetch" {
            Ok(self.0.clone())
        } else {
            Ok(ToolOutput::untrusted(
                &call.tool,
                "c2",
                serde_json::json!("sent"),
            ))
        }
    }
}

const PLAN: &str = "r = fetch('x')\nprint(r)\ns = str(r)\nsend_message('bob@example.com', r)\n";

fuzz_target!(|data: &[u8]| {
    let principals = ["alice".to_string()];
    let origin = ResponseOrigin {
        tool: "fetch",
        call_id: "c1",
        trusted_output: false,
        readers: &Readers::Public,
        trusted_principals: &principals,
    };
    let Ok(output) = parse_response(data, &origin) else {
        return;
    };
    let mut host = Replay(output);
    let config = Config {
        limits: Limits {
            max_steps: 10_000,
            max_time: Duration::from_secs(2),
            ..Limits::default()
        },
        ..Config::default()
    };
    let _ = Interpreter::new(config)
        .with_host(&mut host)
        .run("plan.py", PLAN);
});
