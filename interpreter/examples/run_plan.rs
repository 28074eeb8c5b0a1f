//! Runs a plan file with no tools: `cargo run -p bactrian-interpreter --example run_plan -- plan.py`.
use bactrian_interpreter::{Config, Inspect, Interpreter};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: run_plan PLAN.py");
        std::process::exit(2);
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let config = Config {
        inspect: Inspect::Names(vec!["result".into()]),
        ..Config::default()
    };
    let outcome = Interpreter::new(config).run(&path, &source);
    print!("{}", outcome.stdout);
    if let Some(e) = outcome.error {
        eprint!("{}", e.traceback_text(&path));
        std::process::exit(1);
    }
}
