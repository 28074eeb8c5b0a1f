//! A YAML or Rego policy and an input document: a load error, or a decision, never a panic.
//! Input layout: one byte for the kind (`r` Rego, anything else YAML), the policy text, a NUL
//! byte, the input document as JSON (fuzz/seeds/policy holds examples).
#![no_main]

use bactrian_policy::PolicySet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let (policy, input) = match rest.iter().position(|&b| b == 0) {
        Some(nul) => (&rest[..nul], &rest[nul + 1..]),
        None => (rest, &b"{}"[..]),
    };
    let Ok(policy) = std::str::from_utf8(policy) else {
        return;
    };
    let path = if kind == b'r' {
        "fuzz.rego"
    } else {
        "fuzz.yaml"
    };
    let mut set = PolicySet::new();
    // A policy that does not load still leaves the built-in rules to judge the input.
    let _ = set.add_policy(path, policy);
    let Ok(input) = serde_json::from_slice::<serde_json::Value>(input) else {
        return;
    };
    let _ = set.decide(&input);
    let _ = set.runtime_deny(&input);
});
