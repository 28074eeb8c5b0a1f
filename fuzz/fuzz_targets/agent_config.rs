//! agent.yaml: a config or an error with its place in the file, never a panic.
#![no_main]

use bactrian_agent_config::AgentConfig;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Relative scripts and programs resolve against a directory that has none of them.
    if let Ok(config) = AgentConfig::from_str(text, "/nonexistent/fuzz/agent.yaml") {
        let _ = config.check_secure_execution();
        for tool in &config.tools {
            let _ = config.default_decision(tool);
        }
    }
});
