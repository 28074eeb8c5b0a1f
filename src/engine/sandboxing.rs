//! From agent.yaml's sandbox profiles to the fence a tool runs in.

use bactrian_agent_config::{AgentConfig, Enforce, Tool};
use bactrian_sandbox::Profile;
use std::time::Duration;

/// The profile `tool` runs under: its named profile, `sandbox.enforce`, and the smaller of
/// the tool's and the profile's timeouts.
pub fn profile_for(config: &AgentConfig, tool: &Tool) -> Profile {
    let named = config
        .sandbox
        .profile(&tool.sandbox)
        .cloned()
        .unwrap_or_default();
    let timeout = match named.timeout {
        Some(t) => t.min(tool.timeout),
        None => tool.timeout,
    };
    Profile {
        read: named.read,
        write: named.write,
        connect: named.connect,
        bind: named.bind,
        cpu_seconds: named.cpu_seconds,
        memory: named.memory,
        processes: named.processes,
        file_size: named.file_size,
        timeout: timeout.max(Duration::from_millis(1)),
        env: named.env,
        enforce: match config.sandbox.enforce {
            Enforce::Required => bactrian_sandbox::Enforce::Required,
            Enforce::BestEffort => bactrian_sandbox::Enforce::BestEffort,
        },
    }
}
