//! The example policies in examples/policies pass their own tests: the Rego unit tests
//! and the attack and benign fixtures.

use std::path::PathBuf;

#[test]
fn example_policies_pass_their_tests() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/policies");
    let report = bactrian_policy::run_tests(&dir).unwrap_or_else(|e| panic!("{e}"));
    println!("{report}");
    assert!(report.ok(), "{report}");
    assert!(report.passed() >= 40, "{report}");
}
