//! The parser and the checker on any text: a list of diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let _ = bactrian_interpreter::check(source, &["web_search".to_string()]);
    let tools = [
        ("web_search".to_string(), vec!["query".to_string()]),
        (
            "send_message".to_string(),
            vec!["to".to_string(), "content".to_string()],
        ),
    ];
    let _ = bactrian_interpreter::check_for_agent(source, &tools);
});
