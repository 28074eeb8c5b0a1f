//! End-to-end tests of the `bactrian` binary: output, exit codes and `--json`.

use std::io::Write;
use std::process::{Command, Output};

fn bactrian(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bactrian"))
        .args(args)
        .output()
        .expect("the bactrian binary runs")
}

fn plan(source: &str) -> tempfile_like::TempPlan {
    tempfile_like::TempPlan::new(source)
}

/// A plan file in the target directory, removed on drop.
mod tempfile_like {
    pub struct TempPlan {
        pub path: std::path::PathBuf,
    }
    impl TempPlan {
        pub fn new(source: &str) -> TempPlan {
            use std::sync::atomic::{AtomicUsize, Ordering};
            static NEXT: AtomicUsize = AtomicUsize::new(0);
            let dir = std::env::temp_dir().join(format!("bactrian-cli-{}", std::process::id()));
            std::fs::create_dir_all(&dir).expect("temp dir");
            let path = dir.join(format!("plan{}.py", NEXT.fetch_add(1, Ordering::SeqCst)));
            let mut f = std::fs::File::create(&path).expect("temp plan");
            super::Write::write_all(&mut f, source.as_bytes()).expect("write plan");
            TempPlan { path }
        }
        pub fn arg(&self) -> &str {
            self.path.to_str().expect("utf-8 temp path")
        }
    }
    impl Drop for TempPlan {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn run_prints_what_the_plan_prints_and_exits_zero() {
    let p = plan("xs = [3, 1, 2]\nprint(sorted(xs), sum(xs))\n");
    let o = bactrian(&["run", p.arg()]);
    assert_eq!(stdout(&o), "[1, 2, 3] 6\n");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn an_uncaught_exception_prints_a_traceback_and_exits_one() {
    let p = plan("print('before')\nd = {}\nd['missing']\n");
    let o = bactrian(&["run", p.arg()]);
    assert_eq!(stdout(&o), "before\n");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with("Traceback (most recent call last):"),
        "{err}"
    );
    assert!(err.contains("line 3"), "{err}");
    assert!(err.trim_end().ends_with("KeyError: 'missing'"), "{err}");
}

#[test]
fn json_output_has_the_contract_fields() {
    let p = plan("print('hi')\nresult = 6 * 7\n");
    let o = bactrian(&["run", "--json", p.arg()]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON object");
    for field in [
        "status",
        "result",
        "stdout",
        "tool_calls",
        "error",
        "record",
    ] {
        assert!(v.get(field).is_some(), "missing {field}: {v}");
    }
    assert_eq!(v["status"], "ok");
    assert_eq!(v["stdout"], "hi\n");
    assert_eq!(v["result"]["repr"], "42");
    assert_eq!(v["result"]["trusted"], true);
}

#[test]
fn json_reports_an_error_with_type_and_line() {
    let p = plan("x = 1\ny = x / 0\n");
    let o = bactrian(&["run", "--json", p.arg()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON object");
    assert_eq!(v["status"], "error");
    assert_eq!(v["error"]["type_name"], "ZeroDivisionError");
    assert_eq!(v["error"]["line"], 2);
}

#[test]
fn check_lists_every_refused_construct_and_exits_two() {
    let p = plan("import os\nx = eval('1')\nclass A:\n    pass\ny = x.__dict__\n");
    let o = bactrian(&["check", p.arg()]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    for line in [":1:1:", ":2:5:", ":3:1:", ":5:5:"] {
        assert!(out.contains(line), "missing {line} in {out}");
    }
    assert!(out.contains("4 problems found"), "{out}");
}

#[test]
fn check_of_a_clean_plan_exits_zero() {
    let p = plan("print(len('abc'))\n");
    let o = bactrian(&["check", p.arg()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn a_syntax_error_is_reported_with_its_line() {
    let p = plan("x = 1\nif x\n    print(x)\n");
    let o = bactrian(&["check", p.arg()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains(":2:"), "{}", stdout(&o));
    let o = bactrian(&["run", p.arg()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("SyntaxError"), "{}", stderr(&o));
}

#[test]
fn a_missing_plan_is_a_usage_error() {
    let o = bactrian(&["run", "/nonexistent/plan.py"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));
}

#[test]
fn unknown_flags_are_usage_errors() {
    let o = bactrian(&["run", "--no-such-flag", "x.py"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_runaway_loop_ends_with_a_limit_error() {
    let p = plan("while True:\n    pass\n");
    let o = bactrian(&["run", "--json", p.arg()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON object");
    assert_eq!(v["error"]["type_name"], "LimitExceeded");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("limit"),
        "{v}"
    );
}

#[test]
fn prompt_of_a_bad_agent_file_is_a_usage_error() {
    let dir = std::env::temp_dir().join(format!("bactrian-cli-prompt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("agent.yaml");
    std::fs::write(
        &bad,
        "name: a\ntools:\n  - name: t\n    side_efects: true\n",
    )
    .expect("write");
    let o = bactrian(&["prompt", "--agent", bad.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(stderr(&o).contains("agent.yaml:4:5"), "{}", stderr(&o));
    assert!(stderr(&o).contains("side_efects"), "{}", stderr(&o));
    let missing = dir.join("missing.yaml");
    let o = bactrian(&["prompt", "--agent", missing.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.yaml"), "{}", stderr(&o));
    let o = bactrian(&["prompt"]);
    assert_eq!(o.status.code(), Some(2), "--agent is required");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn prompt_lists_the_quarantined_model_when_the_agent_has_one() {
    let dir = std::env::temp_dir().join(format!("bactrian-cli-prompt-q-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("q.py"), "print('{}')\n").expect("write");
    let agent = dir.join("agent.yaml");
    std::fs::write(
        &agent,
        "name: reader\nllm:\n  secure_execution: true\n  mode: normal\n  quarantined:\n    command: [python3, q.py]\n",
    )
    .expect("write");
    let o = bactrian(&["prompt", "--agent", agent.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("def query_ai_assistant(query: str, output_schema: type[M] = str) -> M:"));
    assert!(text.contains("This agent has no tools."));
    // Normal mode: no warning about branches on untrusted data.
    assert!(!text.contains("What an `if`"));
    let _ = std::fs::remove_dir_all(&dir);
}
