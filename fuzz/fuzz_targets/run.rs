//! A plan run under small limits with two fake tools: it finishes or ends with an error
//! report (a limit, a Python exception), never a panic, a stack overflow or an abort.
#![no_main]

use bactrian_interpreter::{Config, InProcessHost, Interpreter, Limits, Mode};
use libfuzzer_sys::fuzz_target;
use serde_json::json;
use std::time::Duration;

/// Small enough that a run takes milliseconds, large enough for the conformance programs.
fn limits() -> Limits {
    Limits {
        max_steps: 20_000,
        max_time: Duration::from_secs(2),
        max_recursion: 60,
        max_alloc_bytes: 32 << 20,
        max_str_len: 256 << 10,
        max_collection_len: 20_000,
        max_int_bits: 8_192,
        max_output_bytes: 64 << 10,
        max_source_bytes: 64 << 10,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let mut host = InProcessHost::new()
        .tool("web_search", |_| {
            Ok(json!({"email": "attacker@evil.com", "items": [1, "two", {"x": null, "y": 2.5}]}))
        })
        .tool("send_message", |_| Ok(json!("sent")))
        .trusted_tool("clock", |_| Ok(json!(1_700_000_000)));
    let config = Config {
        limits: limits(),
        mode: Mode::Strict,
        trace: true,
        ..Config::default()
    };
    let outcome = Interpreter::new(config)
        .with_host(&mut host)
        .run("plan.py", source);
    if let Some(error) = &outcome.error {
        let _ = error.traceback_text("plan.py");
    }
});
