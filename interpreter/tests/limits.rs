//! Resource limits: a plan that tries to use too much of anything ends promptly with a
//! `LimitExceeded` error that names the limit, never with a crash, an OOM or a hang. A plan
//! cannot catch a limit.
//!
//! Limits are set small where that keeps a test fast; no test measures wall-clock time.

mod common;

use bactrian_interpreter::{
    Config, ErrorReport, Fatal, HostError, Interpreter, Limits, RunOutcome, ToolCall, ToolHost,
    ToolOutput,
};
use common::*;
use std::time::Duration;

/// Small limits for the loops below: each test ends in a few milliseconds.
fn small() -> Limits {
    Limits {
        max_steps: 20_000,
        max_time: Duration::from_secs(20),
        max_recursion: 100,
        max_alloc_bytes: 8 << 20,
        max_str_len: 1 << 20,
        max_collection_len: 10_000,
        max_int_bits: 4_096,
        max_output_bytes: 4_096,
        max_source_bytes: 64 << 10,
    }
}

/// The run ended on limit `limit` (the `Fatal::Limit` tag), with a message naming it.
#[track_caller]
fn assert_limit(outcome: &RunOutcome, limit: &str, words: &str) -> ErrorReport {
    let e = outcome.error.clone().unwrap_or_else(|| {
        panic!(
            "the plan should have hit the {limit} limit but finished (steps: {})",
            outcome.steps
        )
    });
    assert_eq!(
        e.type_name, "LimitExceeded",
        "expected the {limit} limit, got {}: {}",
        e.type_name, e.message
    );
    match &e.fatal {
        Some(Fatal::Limit { limit: got, .. }) => assert_eq!(*got, limit, "{}", e.message),
        other => panic!("a limit error without Fatal::Limit: {other:?}"),
    }
    assert!(
        e.message.contains(words),
        "the message should name the limit ({words:?}): {}",
        e.message
    );
    assert!(
        !e.redacted,
        "a limit's message depends on no data: {}",
        e.message
    );
    e
}

// ---------------------------------------------------------------------------------------------
// Sizes computed in one expression are refused before anything is allocated

#[test]
fn repeating_a_string_beyond_the_string_limit() {
    let outcome = run("s = 'a' * 10**10");
    assert_limit(&outcome, "string size", "string size limit");
    assert!(outcome.variable("s").is_none());
}

#[test]
fn a_huge_power_beyond_the_integer_limit() {
    let outcome = run("n = 2 ** 10 ** 10");
    assert_limit(&outcome, "integer size", "integer size limit");
    assert_limit(&run("n = 1 << 10**9"), "integer size", "integer size limit");
    assert_limit(
        &run("n = 10**60000 * 10**60000"),
        "integer size",
        "integer size limit",
    );
}

#[test]
fn modular_power_with_a_huge_exponent_is_fine() {
    assert_output("print(pow(3, 10**100, 1000000007))", "9102203\n");
}

#[test]
fn repeating_an_empty_sequence_a_huge_number_of_times_is_instant() {
    assert_output(
        "print([] * 10**18, () * 2**62, len('' * 10**18))",
        "[] () 0\n",
    );
    let e = assert_error("xs = [] * 10**20", "OverflowError");
    assert_eq!(e.message, "cannot fit 'int' into an index-sized integer");
}

#[test]
fn repeating_a_list_beyond_the_collection_limit() {
    let outcome = run("xs = [0] * 10**12");
    assert_limit(&outcome, "collection size", "collection size limit");
    assert_limit(
        &run("t = (0,) * 10**12"),
        "collection size",
        "collection size limit",
    );
    assert_limit(
        &run("xs = list(range(10**12))"),
        "collection size",
        "collection size limit",
    );
}

#[test]
fn padding_and_joining_beyond_the_string_limit() {
    assert_limit(
        &run("s = 'ab'.ljust(10**10)"),
        "string size",
        "string size limit",
    );
    assert_limit(
        &run("s = 'ab'.center(10**10)"),
        "string size",
        "string size limit",
    );
    assert_limit(
        &run("s = '7'.zfill(10**10)"),
        "string size",
        "string size limit",
    );
    let src = "s = 'x' * 10**7\nparts = [s] * 10\nt = ''.join(parts)";
    assert_limit(&run(src), "string size", "string size limit");
}

#[test]
fn a_huge_format_width_is_a_clean_error() {
    let outcome = run("s = f\"{'x':>{10**10}}\"");
    let e = outcome
        .error
        .expect("a ten-gigabyte field cannot be formatted");
    assert!(
        e.type_name == "LimitExceeded" || e.type_name == "ValueError",
        "{}: {}",
        e.type_name,
        e.message
    );
}

#[test]
fn percent_formatting_beyond_the_string_limit_is_refused_before_it_is_built() {
    for src in [
        "s = '%999999999d' % 1",
        "s = '%.999999999d' % 1",
        "s = '%*s' % (10**10, 'x')",
        "s = '%-999999999s|' % 'x'",
        "s = '%.999999999f' % 1.5",
        "s = ('%s' * 1000) % tuple(['x' * 100000] * 1000)",
    ] {
        assert_limit(&run(src), "string size", "string size limit");
    }
}

// ---------------------------------------------------------------------------------------------
// Recursion

#[test]
fn infinite_recursion_is_a_recursion_error() {
    let e = assert_error("def f():\n    return f()\nf()", "RecursionError");
    assert!(e.message.contains("recursion"), "{}", e.message);
    assert_eq!(e.line, 2);
}

#[test]
fn mutual_recursion_is_a_recursion_error() {
    assert_error(
        "def a(n):\n    return b(n + 1)\ndef b(n):\n    return a(n + 1)\na(0)",
        "RecursionError",
    );
}

#[test]
fn recursion_through_a_builtin_callback_is_a_recursion_error() {
    assert_error(
        "def f(n):\n    return sorted([1, 2], key=lambda v: f(n + 1))\nf(0)",
        "RecursionError",
    );
}

#[test]
fn the_recursion_limit_is_configurable_and_the_error_catchable() {
    let src = r#"
        def depth(n):
            return depth(n + 1)
        try:
            depth(0)
        except RecursionError:
            status = 'too deep'
        def fine(n):
            if n == 0:
                return 0
            return fine(n - 1) + 1
        ok = fine(50)
    "#;
    let outcome = run_limited(src, small());
    expect_ok(&outcome, src);
    assert_eq!(outcome.variable("status").unwrap().repr, "'too deep'");
    assert_eq!(outcome.variable("ok").unwrap().repr, "50");
    let outcome = run_limited(
        "def fine(n):\n    return 0 if n == 0 else fine(n - 1)\nx = fine(150)",
        small(),
    );
    assert_eq!(
        outcome.error.expect("150 > 100 frames").type_name,
        "RecursionError"
    );
}

#[test]
fn hashing_a_tuple_nested_a_million_deep_is_a_recursion_error() {
    let src = "x = ()\nfor _ in range(1000000):\n    x = (x,)\nd = {x: 1}";
    let e = assert_error(src, "RecursionError");
    assert_eq!(e.line, 4);
    let caught = "x = ()\nfor _ in range(1000000):\n    x = (x,)\ntry:\n    s = {x}\nexcept RecursionError:\n    s = 'too deep'";
    let outcome = run(caught);
    expect_ok(&outcome, caught);
    assert_eq!(outcome.variable("s").unwrap().repr, "'too deep'");
}

#[test]
fn hashing_a_tuple_shared_many_times_over_takes_one_step_per_tuple() {
    // 2**80 paths through 80 distinct tuples: hashed path by path this never ends.
    let src = "x = (1,)\nfor _ in range(80):\n    x = (x, x)\nd = {x: 'found'}\ny = d[x]\nn = len({x, (x, 1), x})";
    let outcome = run(src);
    expect_ok(&outcome, src);
    assert_eq!(outcome.variable("y").unwrap().repr, "'found'");
    assert_eq!(outcome.variable("n").unwrap().repr, "2");
}

// ---------------------------------------------------------------------------------------------
// Loops

#[test]
fn summing_a_long_list_counts_a_step_per_item() {
    // `sum` adds a list of plain ints in one go; it still spends a step per item.
    let src = "xs = [1] * 9000\ntotal = sum(xs) + sum(xs) + sum(xs)";
    let outcome = run_limited(src, small());
    assert_limit(&outcome, "steps", "step limit");
    assert!(outcome.steps <= small().max_steps + 1);
    let outcome = run_limited("xs = [1] * 300\ntotal = sum(xs)", small());
    expect_ok(&outcome, "sum");
    assert_eq!(outcome.variable("total").unwrap().repr, "300");
}

#[test]
fn an_endless_loop_hits_the_step_limit() {
    let outcome = run_limited("while True:\n    pass", small());
    assert_limit(&outcome, "steps", "step limit");
    assert!(outcome.steps <= small().max_steps + 1);
}

#[test]
fn an_endless_loop_hits_the_time_limit() {
    let limits = Limits {
        max_steps: u64::MAX,
        max_time: Duration::from_millis(50),
        ..Limits::default()
    };
    let outcome = run_limited("n = 0\nwhile True:\n    n += 1", limits);
    assert_limit(&outcome, "time", "time limit");
}

#[test]
fn an_endless_generator_expression_hits_a_limit() {
    let outcome = run_limited("b = any(v < 0 for v in range(10**15))", small());
    let e = outcome.error.expect("a quadrillion turns cannot finish");
    assert_eq!(e.type_name, "LimitExceeded", "{}", e.message);
}

#[test]
fn the_time_limit_is_noticed_even_when_every_step_is_slow() {
    // Each turn counts a 2 MB string: far slower than a plain step. With a 100 ms budget the
    // run must stop within a few turns, not after the thousand steps between clock checks.
    let limits = Limits {
        max_time: Duration::from_millis(100),
        ..Limits::default()
    };
    let outcome = run_limited(
        "s = 'ab' * 10**6\nwhile True:\n    n = s.count('ba')",
        limits,
    );
    assert_limit(&outcome, "time", "time limit");
    assert!(
        outcome.steps < 1000,
        "the clock was read only after {} slow steps",
        outcome.steps
    );
}

#[test]
fn a_string_grown_in_a_loop_hits_the_string_limit() {
    let limits = Limits {
        max_alloc_bytes: 1 << 30,
        ..small()
    };
    let outcome = run_limited("s = ''\nwhile True:\n    s += 'x' * 1000", limits);
    assert_limit(&outcome, "string size", "string size limit");
}

#[test]
fn copying_a_growing_string_hits_the_memory_limit() {
    // Each `+=` copies the string: the total allocated grows quadratically.
    let limits = Limits {
        max_str_len: 64 << 20,
        ..small()
    };
    let outcome = run_limited("s = ''\nwhile True:\n    s += 'x' * 1000", limits);
    assert_limit(&outcome, "memory", "memory limit");
}

#[test]
fn a_string_doubled_in_a_loop_hits_the_string_limit() {
    let outcome = run("s = 'x'\nfor i in range(100):\n    s = s + s");
    assert_limit(&outcome, "string size", "string size limit");
}

#[test]
fn a_list_grown_in_a_loop_hits_the_collection_limit() {
    let limits = Limits {
        max_steps: u64::MAX,
        ..small()
    };
    let outcome = run_limited("xs = []\nwhile True:\n    xs.append(1)", limits.clone());
    assert_limit(&outcome, "collection size", "collection size limit");
    let outcome = run_limited("d = {}\nfor i in range(10**9):\n    d[i] = i", limits);
    assert_limit(&outcome, "collection size", "collection size limit");
}

#[test]
fn many_small_strings_hit_the_memory_limit() {
    let limits = Limits {
        max_steps: u64::MAX,
        ..small()
    };
    let outcome = run_limited("xs = []\nwhile True:\n    xs.append('x' * 1000)", limits);
    assert_limit(&outcome, "memory", "memory limit");
}

#[test]
fn an_integer_squared_in_a_loop_hits_the_integer_limit() {
    let outcome = run_limited("n = 3\nwhile True:\n    n = n * n", small());
    assert_limit(&outcome, "integer size", "integer size limit");
}

#[test]
fn parsing_a_huge_integer_is_refused_before_the_work() {
    // 300 000 digits is about a million bits: over the limit of 4096 bits. The check must come
    // before the quadratic conversion, so a 30-million-digit string is refused as fast.
    let limits = Limits {
        max_time: Duration::from_secs(1),
        max_str_len: 64 << 20,
        max_alloc_bytes: 1 << 30,
        ..small()
    };
    let outcome = run_limited("n = int('9' * 30000000)", limits);
    assert_limit(&outcome, "integer size", "integer size limit");
}

#[test]
fn printing_in_a_loop_hits_the_output_limit() {
    let outcome = run_limited("while True:\n    print('spam spam spam')", small());
    assert_limit(&outcome, "output", "output limit");
    assert!(outcome.stdout.len() as u64 <= small().max_output_bytes);
    assert!(
        outcome.stdout.starts_with("spam spam spam\n"),
        "what was printed is kept"
    );
}

#[test]
fn one_huge_print_hits_the_output_limit() {
    let outcome = run_limited("print('x' * 100000)", small());
    assert_limit(&outcome, "output", "output limit");
}

#[test]
fn a_plan_longer_than_the_source_limit_is_refused() {
    let src = "x = 1\n".repeat(20_000);
    let outcome = run_limited(&src, small());
    assert_limit(&outcome, "source size", "source size limit");
}

// ---------------------------------------------------------------------------------------------
// A plan cannot catch a limit

#[test]
fn a_bare_except_does_not_catch_a_limit() {
    let src = r#"
        try:
            s = 'a' * 10**10
        except:
            s = 'caught'
        send_message('boss@x.com', 'finished')
    "#;
    let (outcome, calls) = run_full(src, bactrian_interpreter::Mode::Strict, small());
    assert_limit(&outcome, "string size", "string size limit");
    assert!(
        calls.is_empty(),
        "the plan went on after a limit: {calls:?}"
    );
}

#[test]
fn except_exception_does_not_catch_the_step_limit() {
    let src = r#"
        try:
            while True:
                pass
        except Exception:
            pass
        send_message('boss@x.com', 'finished')
    "#;
    let (outcome, calls) = run_full(src, bactrian_interpreter::Mode::Strict, small());
    assert_limit(&outcome, "steps", "step limit");
    assert!(
        calls.is_empty(),
        "the plan went on after a limit: {calls:?}"
    );
}

#[test]
fn a_finally_block_does_not_run_past_a_limit() {
    let src = r#"
        try:
            xs = [0] * 10**12
        finally:
            send_message('boss@x.com', 'cleanup')
    "#;
    let (outcome, calls) = run_full(src, bactrian_interpreter::Mode::Strict, small());
    assert_limit(&outcome, "collection size", "collection size limit");
    assert!(calls.is_empty(), "a tool ran after a limit: {calls:?}");
}

/// A host that denies every `send_message`, as a policy would.
struct DenyingHost {
    calls: Vec<String>,
}

impl ToolHost for DenyingHost {
    fn tool_names(&self) -> Vec<String> {
        vec!["send_message".into(), "commit_files".into()]
    }
    fn call(&mut self, call: &ToolCall) -> Result<ToolOutput, HostError> {
        self.calls.push(call.tool.clone());
        if call.tool == "send_message" {
            return Err(HostError::Denied {
                reason: "recipient is not trusted".into(),
            });
        }
        Ok(ToolOutput::untrusted(
            &call.tool,
            &call.id,
            serde_json::json!("ok"),
        ))
    }
}

fn run_denied(src: &str) -> (RunOutcome, Vec<String>) {
    let mut host = DenyingHost { calls: Vec::new() };
    let outcome = Interpreter::new(Config::default())
        .with_host(&mut host)
        .run("plan.py", &dedent(src));
    (outcome, host.calls)
}

#[test]
fn a_policy_denial_ends_the_run_and_cannot_be_caught() {
    let src = r#"
        try:
            send_message('x@evil.com', 'hi')
        except:
            pass
        commit_files(['a'], 'after the denial')
    "#;
    let (outcome, calls) = run_denied(src);
    let e = outcome.error.expect("the denial ends the run");
    assert_eq!(e.type_name, "PolicyViolation");
    assert!(
        e.message.contains("recipient is not trusted"),
        "{}",
        e.message
    );
    assert_eq!(calls, ["send_message"], "the plan went on after a denial");
}

#[test]
fn a_finally_block_does_not_run_past_a_policy_denial() {
    let src = r#"
        try:
            send_message('x@evil.com', 'hi')
        finally:
            commit_files(['a'], 'after the denial')
    "#;
    let (outcome, calls) = run_denied(src);
    assert_eq!(
        outcome.error.expect("the denial ends the run").type_name,
        "PolicyViolation"
    );
    assert_eq!(calls, ["send_message"], "the plan went on after a denial");
}

// ---------------------------------------------------------------------------------------------
// Deeply nested values

#[test]
fn a_deeply_nested_value_is_handled_promptly() {
    // 100 000 lists, one inside the next: printing, comparing or sending it must either work
    // or end with a clean error within the time limit. Quadratic walks take many minutes.
    let limits = Limits {
        max_time: Duration::from_secs(5),
        ..Limits::default()
    };
    for op in [
        "s = str(x)",
        "b = x == x",
        "y = x + x",
        "send_message(x, 'hi')",
    ] {
        let src = format!(
            "def build():\n    x = []\n    for i in range(100000):\n        x = [x]\n    return x\ndef use():\n    x = build()\n    {op}\n    return 1\nr = use()"
        );
        let outcome = run_limited(&src, limits.clone());
        if let Some(e) = &outcome.error {
            assert!(
                ["LimitExceeded", "RecursionError", "ValueError"].contains(&e.type_name.as_str()),
                "{op}: {}: {}",
                e.type_name,
                e.message
            );
        }
    }
}

#[test]
fn a_self_referential_list_prints_and_compares_like_python() {
    assert_output(
        "x = []\nx.append(x)\nprint(x)\nprint(x == x)",
        "[[...]]\nTrue\n",
    );
    assert_output("d = {}\nd['d'] = d\nprint(d)", "{'d': {...}}\n");
}

#[test]
fn a_self_referential_list_cannot_be_sent_to_a_tool() {
    let (outcome, calls) = run_full(
        "x = []\nx.append(x)\nsend_message(x, 'hi')",
        bactrian_interpreter::Mode::Strict,
        Limits::default(),
    );
    let e = outcome.error.expect("a cycle has no JSON form");
    assert_ne!(e.type_name, "InternalError");
    assert!(
        calls.iter().all(|c| c.tool != "send_message"),
        "the tool received a cyclic value"
    );
}
