//! agent.yaml's types into the leaf crates' own, in one place: a variant added on either side
//! is a compile error here and nowhere else.

use bactrian_agent_config as config;
use bactrian_interpreter::Mode;
use bactrian_policy::{BuiltinRules, Verdict};
use bactrian_provenance::Readers;

/// Made from its agent.yaml counterpart `C`.
pub trait FromConfig<C> {
    fn from_config(c: &C) -> Self;
}

impl FromConfig<config::Readers> for Readers {
    fn from_config(r: &config::Readers) -> Readers {
        match r {
            config::Readers::Public => Readers::Public,
            config::Readers::Principals(p) => Readers::only(p.iter().cloned()),
        }
    }
}

impl FromConfig<config::DefaultDecision> for Verdict {
    fn from_config(d: &config::DefaultDecision) -> Verdict {
        match d {
            config::DefaultDecision::Allow => Verdict::Allow,
            config::DefaultDecision::Ask => Verdict::Ask,
            config::DefaultDecision::Deny => Verdict::Deny,
        }
    }
}

impl FromConfig<config::BuiltinRules> for BuiltinRules {
    fn from_config(b: &config::BuiltinRules) -> BuiltinRules {
        match b {
            config::BuiltinRules::Deny => BuiltinRules::Deny,
            config::BuiltinRules::Ask => BuiltinRules::Ask,
            config::BuiltinRules::Off => BuiltinRules::Off,
        }
    }
}

impl FromConfig<config::Mode> for Mode {
    fn from_config(m: &config::Mode) -> Mode {
        match m {
            config::Mode::Strict => Mode::Strict,
            config::Mode::Normal => Mode::Normal,
        }
    }
}

impl FromConfig<config::Enforce> for bactrian_sandbox::Enforce {
    fn from_config(e: &config::Enforce) -> bactrian_sandbox::Enforce {
        match e {
            config::Enforce::Required => bactrian_sandbox::Enforce::Required,
            config::Enforce::BestEffort => bactrian_sandbox::Enforce::BestEffort,
        }
    }
}

impl FromConfig<config::SensorRule> for bactrian_sensor::Rule {
    fn from_config(r: &config::SensorRule) -> bactrian_sensor::Rule {
        use bactrian_sensor::Rule;
        match r {
            config::SensorRule::DenyConnect { net, port } => Rule::DenyConnect {
                net: net.map(|n| (n.addr, n.prefix)),
                port: *port,
            },
            config::SensorRule::DenyOpen { glob } => Rule::DenyOpen { glob: glob.clone() },
            config::SensorRule::DenyExec { glob } => Rule::DenyExec { glob: glob.clone() },
        }
    }
}
