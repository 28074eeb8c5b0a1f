//! From agent.yaml's sandbox profiles to the fence a tool runs in.

use super::convert::FromConfig;
use bactrian_agent_config::{AgentConfig, Tool};
use bactrian_sandbox::Profile;
use std::time::Duration;

/// The profile `tool` runs under: its named profile, `sandbox.enforce`, and the smaller of
/// the tool's and the profile's timeouts.
pub fn profile_for(config: &AgentConfig, tool: &Tool) -> Profile {
    let mut profile = named_profile(config, &tool.sandbox);
    profile.timeout = profile
        .timeout
        .min(tool.timeout)
        .max(Duration::from_millis(1));
    profile
}

/// The profile called `name`, with `sandbox.enforce`; its timeout is the profile's own, or
/// the sandbox's default when it sets none (callers bound it by their own).
pub fn named_profile(config: &AgentConfig, name: &str) -> Profile {
    let named = config.sandbox.profile(name).cloned().unwrap_or_default();
    let timeout = named.timeout.unwrap_or(Profile::default().timeout);
    Profile {
        read: named.read,
        write: named.write,
        connect: named.connect,
        bind: named.bind,
        cpu_seconds: named.cpu_seconds,
        memory: named.memory,
        processes: named.processes,
        file_size: named.file_size,
        timeout,
        env: named.env,
        enforce: bactrian_sandbox::Enforce::from_config(&config.sandbox.enforce),
    }
}
