//! No input makes loading or trusted-value extraction panic or hang.

use std::time::{Duration, Instant};

use bactrian_agent_config::{trusted_values_from_query, AgentConfig};

const BASE: &str = "\
name: x
llm: {secure_execution: true, quarantined: {base_url: 'http://h/v1', model: m}}
tools:
  - name: send
    command: [send-tool, --json]
    side_effects: true
    timeout: 5s
    parameters:
      to: {type: str, sensitive: true, default: \"a\"}
      n: {type: int, default: 3}
  - name: fs
    mcp: {command: [srv], env: {A: b}}
    tools: {w: {parameters: {p: {sensitive: true}}}}
policy: {default: deny, approve: prompt}
user: {trusted_values: [a, \"1\"]}
sandbox: {profiles: {default: {memory: 1GiB, connect: [443]}}}
sensor: {rules: [{deny_connect: 10.0.0.0/8}, {deny_open: /x}]}
record: {path: r.rec}
";

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn the_base_document_loads() {
    AgentConfig::from_str(BASE, "agent.yaml").unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn every_single_character_deletion_is_handled() {
    let chars: Vec<char> = BASE.chars().collect();
    for i in 0..chars.len() {
        let mutated: String = chars[..i].iter().chain(&chars[i + 1..]).collect();
        // Must return, Ok or Err, and an error must render.
        if let Err(e) = AgentConfig::from_str(&mutated, "agent.yaml") {
            assert!(e.to_string().starts_with("agent.yaml"), "{e}");
        }
    }
}

#[test]
fn random_insertions_are_handled() {
    const PIECES: &[&str] = &[
        ":", " ", "\n", "- ", "{", "}", "[", "]", "'", "\"", "&a ", "*a", "!tag ", "~", "#", "\t",
        "é", "0", "-1", "name", "tools", "<<: *a\n", "|\n", "? ", ",", "%",
    ];
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for _ in 0..3000 {
        let mut text: String = BASE.to_string();
        for _ in 0..1 + rng.below(3) {
            let mut at = rng.below(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, PIECES[rng.below(PIECES.len())]);
        }
        // serde_yaml panics if a visitor leaves a node unconsumed; report the input if so.
        let loaded = std::panic::catch_unwind(|| AgentConfig::from_str(&text, "agent.yaml"));
        match loaded {
            Err(_) => panic!("loading panicked on {text:?}"),
            Ok(Err(e)) => assert!(e.to_string().starts_with("agent.yaml"), "{e}"),
            Ok(Ok(_)) => {}
        }
    }
}

#[test]
fn alias_bombs_do_not_hang() {
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 0..12 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("a{}", i - 1)
        };
        bomb.push_str(&format!(
            "a{i}: &a{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
    }
    bomb.push_str("name: x\n");
    let started = Instant::now();
    let result = AgentConfig::from_str(&bomb, "agent.yaml");
    assert!(result.is_err());
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn random_queries_never_panic() {
    const PIECES: &[&str] = &[
        "a", "Z", "0", "9", ".", "-", "_", "/", "@", "#", "'", "\"", "`", "“", "”", "‘", "’", " ",
        "\n", "(", ")", "[", "]", "http://", "https://", "é", "٣", "😀", ":", ",", "?", "$",
        "x.com", "00",
    ];
    let mut rng = Rng(0xfeed_beef_cafe_f00d);
    for _ in 0..20_000 {
        let len = rng.below(24);
        let query: String = (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        let values = trusted_values_from_query(&query);
        // Every value is a piece of the query, and there are no duplicates.
        for (i, v) in values.iter().enumerate() {
            assert!(query.contains(v.as_str()), "{v:?} not in {query:?}");
            assert!(!values[..i].contains(v), "duplicate {v:?} in {values:?}");
            assert!(!v.trim().is_empty(), "blank value from {query:?}");
        }
        if !query.trim().is_empty() {
            assert_eq!(values.first().map(String::as_str), Some(query.trim()));
        }
    }
}
