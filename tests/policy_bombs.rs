//! Hostile and broken policies and input documents, through the binary: each must end with a
//! clear error or a fail-closed denial, within a time limit and under a 3 GiB address-space
//! cap (a process that needs more dies, and the case fails). Found by fuzzing issue #12.
//!
//! One table: the files, the command, and what must come out.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// The address-space cap every case runs under, in KiB (`ulimit -v`).
const ADDRESS_SPACE_KIB: u64 = 3 * 1024 * 1024;

/// An input document the built-in rules say nothing about.
const QUIET_INPUT: &str = r#"{"tool": "t", "args": {"x": {"value": 1, "trusted": true}}}"#;

struct Case {
    name: &'static str,
    /// Files written into a fresh directory: (name, text).
    files: &'static [(&'static str, &'static str)],
    /// The `bactrian` arguments, run in that directory.
    args: &'static [&'static str],
    /// The exit code it must end with.
    code: i32,
    /// Text that must appear in stdout or stderr.
    says: &'static [&'static str],
    /// How long it may take (debug build, busy machine).
    within: Duration,
}

/// A graph of 24 diamonds in a row (`a0 -> a1, b1`, `b0 -> a1, b1`, ...): 2^24 paths.
const DIAMONDS: &str = r#"{"tool": "t", "args": {"g": {"trusted": true, "value": {
  "a0": ["a1", "b1"], "b0": ["a1", "b1"], "a1": ["a2", "b2"], "b1": ["a2", "b2"],
  "a2": ["a3", "b3"], "b2": ["a3", "b3"], "a3": ["a4", "b4"], "b3": ["a4", "b4"],
  "a4": ["a5", "b5"], "b4": ["a5", "b5"], "a5": ["a6", "b6"], "b5": ["a6", "b6"],
  "a6": ["a7", "b7"], "b6": ["a7", "b7"], "a7": ["a8", "b8"], "b7": ["a8", "b8"],
  "a8": ["a9", "b9"], "b8": ["a9", "b9"], "a9": ["a10", "b10"], "b9": ["a10", "b10"],
  "a10": ["a11", "b11"], "b10": ["a11", "b11"], "a11": ["a12", "b12"], "b11": ["a12", "b12"],
  "a12": ["a13", "b13"], "b12": ["a13", "b13"], "a13": ["a14", "b14"], "b13": ["a14", "b14"],
  "a14": ["a15", "b15"], "b14": ["a15", "b15"], "a15": ["a16", "b16"], "b15": ["a16", "b16"],
  "a16": ["a17", "b17"], "b16": ["a17", "b17"], "a17": ["a18", "b18"], "b17": ["a18", "b18"],
  "a18": ["a19", "b19"], "b18": ["a19", "b19"], "a19": ["a20", "b20"], "b19": ["a20", "b20"],
  "a20": ["a21", "b21"], "b20": ["a21", "b21"], "a21": ["a22", "b22"], "b21": ["a22", "b22"],
  "a22": ["a23", "b23"], "b22": ["a23", "b23"], "a23": ["a24", "b24"], "b23": ["a24", "b24"],
  "a24": [], "b24": []}}}}"#;

const RECURSIVE: &str =
    "package bactrian\n\nf(x) := y if {\n\ty := f(x)\n}\n\ndeny contains \"loop\" if f(1)\n";
const MUTUAL: &str = "package bactrian\n\ng(x) := h(x)\n\nh(x) := y if {\n\ty := g(x)\n}\n\ndeny contains \"loop\" if g(1)\n";
const RECURSIVE_TEST: &str =
    "package bactrian_test\n\nimport data.bactrian\n\ntest_loop if {\n\tbactrian.deny with input as {\"tool\": \"t\"}\n}\n";

/// A chain of `n` rules (`r0 := r1`, ..., `rN := 1`) or functions, which a `deny` mentions.
fn chain(n: usize, functions: bool) -> &'static str {
    let mut text = String::from("package bactrian\n\n");
    for i in 0..n {
        let next = i + 1;
        text.push_str(&if functions {
            format!("f{i}(x) := y if {{\n\ty := f{next}(x)\n}}\n")
        } else {
            format!("r{i} := r{next}\n")
        });
    }
    text.push_str(&if functions {
        format!("f{n}(x) := x\n\ndeny contains \"deep\" if {{\n\tinput.tool\n\tf0(1)\n}}\n")
    } else {
        format!("r{n} := 1\n\ndeny contains \"deep\" if {{\n\tinput.tool\n\tr0\n}}\n")
    });
    Box::leak(text.into_boxed_str())
}

/// Ten literals `[[[...[1]...]]]` 12 deep: 1.9 s to load in a debug build before the
/// bound (ten 16 deep: 34 s).
fn many_nested() -> &'static str {
    let mut text = String::from("package bactrian\n\n");
    for i in 0..10 {
        text.push_str(&format!("x{i} := {}1{}\n", "[".repeat(12), "]".repeat(12)));
    }
    Box::leak(text.into_boxed_str())
}

fn cases() -> Vec<Case> {
    let secs = Duration::from_secs;
    let files =
        |name: &'static str, text: &'static str| -> &'static [(&'static str, &'static str)] {
            Box::leak(Box::new([(name, text), ("in.json", QUIET_INPUT)]))
        };
    vec![
        Case {
            name: "a recursive function is a load error, not a stack overflow (eval)",
            files: &[("rec.rego", RECURSIVE), ("in.json", QUIET_INPUT)],
            args: &["policy", "eval", "--input", "in.json", "rec.rego"],
            code: 2,
            says: &["rec.rego:4:", "recursive", "f"],
            within: secs(20),
        },
        Case {
            name: "mutually recursive functions are a load error",
            files: &[("rec.rego", MUTUAL), ("in.json", QUIET_INPUT)],
            args: &["policy", "eval", "--input", "in.json", "rec.rego"],
            code: 2,
            says: &["rec.rego:", "recursive"],
            within: secs(20),
        },
        Case {
            name: "a recursive function is a load error (policy test)",
            files: &[
                ("p/rec.rego", RECURSIVE),
                ("p/rec_test.rego", RECURSIVE_TEST),
            ],
            args: &["policy", "test", "p"],
            code: 2,
            says: &["rec.rego:4:", "recursive"],
            within: secs(20),
        },
        Case {
            name: "a recursive function stops `run` before the plan starts",
            files: &[
                ("rec.rego", RECURSIVE),
                ("plan.py", "t()\n"),
                ("t.py", "print('{\"result\": 1}')\n"),
                (
                    "agent.yaml",
                    "name: rec\nllm:\n  secure_execution: true\ntools:\n  - {name: t, command: [python3, t.py], parameters: {}}\npolicies: [rec.rego]\n",
                ),
            ],
            args: &["run", "plan.py", "--agent", "agent.yaml"],
            code: 2,
            says: &["rec.rego:4:", "recursive"],
            within: secs(20),
        },
        Case {
            name: "a chain of 400 rules is refused at load, not a stack overflow",
            files: files("chain.rego", chain(400, false)),
            args: &["policy", "eval", "--input", "in.json", "chain.rego"],
            code: 2,
            says: &["chain.rego:407:5:", "402 deep", "data.bactrian.deny → data.bactrian.r0", "r400"],
            within: secs(20),
        },
        Case {
            name: "a chain of 1,000 functions is refused at load, not a stack overflow",
            files: files("chain.rego", chain(1000, true)),
            args: &["policy", "eval", "--input", "in.json", "chain.rego"],
            code: 2,
            says: &["chain.rego:3007:5:", "1002 deep", "data.bactrian.f1000"],
            within: secs(20),
        },
        Case {
            name: "a chain of 60 rules still works",
            files: files("chain.rego", chain(60, false)),
            args: &["policy", "eval", "--input", "in.json", "chain.rego"],
            code: 3,
            says: &["chain.rego: deep"],
            within: secs(20),
        },
        Case {
            name: "a literal nested 28 deep is refused at load, at once",
            files: &[
                (
                    "nest.rego",
                    "package bactrian\n\nx := [[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
                ),
                ("in.json", QUIET_INPUT),
            ],
            args: &["policy", "eval", "--input", "in.json", "nest.rego"],
            code: 2,
            says: &["nest.rego:3:", "nested"],
            within: secs(10),
        },
        Case {
            name: "ten literals nested 12 deep at the start are refused at once",
            files: files("many.rego", many_nested()),
            args: &["policy", "eval", "--input", "in.json", "many.rego"],
            code: 2,
            says: &["many.rego:", "would take too long to load"],
            within: secs(10),
        },
        Case {
            name: "numbers.range of a billion numbers is refused at load when constant",
            files: &[
                (
                    "range.rego",
                    "package bactrian\n\ndeny contains \"big\" if count(numbers.range(0, 1e9)) > 0\n",
                ),
                ("in.json", QUIET_INPUT),
            ],
            args: &["policy", "eval", "--input", "in.json", "range.rego"],
            code: 2,
            says: &["range.rego:3:", "numbers.range", "more than 100000"],
            within: secs(20),
        },
        Case {
            name: "numbers.range of a billion numbers from the input denies the call",
            files: &[
                (
                    "range.rego",
                    "package bactrian\n\ndeny contains \"big\" if count(numbers.range(0, input.args.x.value)) > 0\n",
                ),
                ("in.json", r#"{"tool": "t", "args": {"x": {"value": 1000000000, "trusted": true}}}"#),
            ],
            args: &["policy", "eval", "--input", "in.json", "range.rego"],
            code: 3,
            says: &["fail closed", "numbers.range", "more than 100000"],
            within: secs(20),
        },
        Case {
            name: "a huge sprintf width denies the call, within memory",
            files: &[
                (
                    "fmt.rego",
                    "package bactrian\n\ndeny contains sprintf(\"%0999999999d\", [1]) if input.tool\n",
                ),
                ("in.json", QUIET_INPUT),
            ],
            args: &["policy", "eval", "--input", "in.json", "fmt.rego"],
            code: 3,
            says: &["fail closed", "sprintf"],
            within: secs(20),
        },
        Case {
            name: "graph.reachable_paths on 24 diamonds in a row denies the call",
            files: &[
                (
                    "paths.rego",
                    "package bactrian\n\ndeny contains \"paths\" if count(graph.reachable_paths(input.args.g.value, {\"a0\"})) > 0\n",
                ),
                ("in.json", DIAMONDS),
            ],
            args: &["policy", "eval", "--input", "in.json", "paths.rego"],
            code: 3,
            says: &["fail closed", "graph.reachable_paths: not available"],
            within: secs(20),
        },
        Case {
            name: "sensitive: \"yes\" is not a way around the sensitive rule",
            files: &[(
                "in.json",
                r#"{"tool": "send", "args": {"to": {"value": "bob@evil.com", "trusted": false, "sensitive": "yes"}}}"#,
            )],
            args: &["policy", "eval", "--input", "in.json"],
            code: 3,
            says: &["builtin:input", "args.to.sensitive", "boolean"],
            within: secs(10),
        },
        Case {
            name: "an empty YAML policy is an error naming the file",
            files: &[("empty.yaml", ""), ("in.json", QUIET_INPUT)],
            args: &["policy", "eval", "--input", "in.json", "empty.yaml"],
            code: 2,
            says: &["empty.yaml", "empty"],
            within: secs(10),
        },
        Case {
            name: "a YAML policy of comments only is an error too",
            files: &[("empty.yaml", "# nothing yet\n"), ("in.json", QUIET_INPUT)],
            args: &["policy", "eval", "--input", "in.json", "empty.yaml"],
            code: 2,
            says: &["empty.yaml", "empty"],
            within: secs(10),
        },
    ]
}

fn fresh_dir(name: &str) -> PathBuf {
    let slug: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(40)
        .collect();
    let dir = std::env::temp_dir().join(format!(
        "bactrian-policy-bombs-{}-{slug}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs the binary in `dir` under the address-space cap, killed after `within` (plus slack,
/// so that a hang shows as a failed case rather than a stuck test run).
fn capped(dir: &Path, args: &[&str], within: Duration) -> (Output, Duration) {
    let kill_after = within.as_secs() + 10;
    let started = Instant::now();
    let out = Command::new("sh")
        .current_dir(dir)
        .arg("-c")
        .arg(format!(
            "ulimit -v {ADDRESS_SPACE_KIB} && exec timeout -s KILL {kill_after} \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_bactrian"))
        .args(args)
        .output()
        .expect("sh runs");
    (out, started.elapsed())
}

#[test]
fn hostile_policies_end_with_a_clear_error_within_limits() {
    let mut failures = Vec::new();
    for case in cases() {
        let dir = fresh_dir(case.name);
        for (name, text) in case.files {
            let path = dir.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("dir");
            }
            std::fs::write(path, text).expect("file");
        }
        let (out, took) = capped(&dir, case.args, case.within);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let mut wrong = Vec::new();
        if out.status.code() != Some(case.code) {
            wrong.push(format!("exit {:?}, expected {}", out.status, case.code));
        }
        if took > case.within {
            wrong.push(format!("took {took:?}, limit {:?}", case.within));
        }
        for needle in case.says {
            if !text.contains(needle) {
                wrong.push(format!("does not say {needle:?}"));
            }
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "{}: {}\n--- output ---\n{}",
                case.name,
                wrong.join("; "),
                text.chars().take(2000).collect::<String>()
            ));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn a_builtin_past_its_limit_stops_run_as_a_policy_failure_with_a_complete_record() {
    let dir = fresh_dir("run-range");
    let files = [
        (
            "big.rego",
            "package bactrian\n\ndeny contains \"too many\" if {\n\tcount(numbers.range(0, input.args.n.value)) > 10\n}\n\nallow if input.tool == \"t\"\n",
        ),
        ("t.py", "print('{\"result\": \"ok\"}')\n"),
        (
            "agent.yaml",
            "name: big\nllm:\n  secure_execution: true\ntools:\n  - {name: t, command: [python3, t.py], parameters: {n: {type: int}}}\npolicies: [big.rego]\n",
        ),
        ("plan.py", "t(10**9)\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("file");
    }
    let run = [
        "run",
        "plan.py",
        "--agent",
        "agent.yaml",
        "--record",
        "run.record",
    ];
    let (out, took) = capped(&dir, &run, Duration::from_secs(20));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(took < Duration::from_secs(20), "{took:?}");
    assert!(
        err.contains("t (call c1) denied by")
            && err.contains("fail closed")
            && err.contains("numbers.range: the number of elements would be 1000000001"),
        "{err}"
    );
    let (out, _) = capped(&dir, &["verify", "run.record"], Duration::from_secs(20));
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.starts_with("ok:"), "{said}");
    let _ = std::fs::remove_dir_all(&dir);
}
