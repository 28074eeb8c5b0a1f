//! Bugs found once, each pinned by a test.

use bactrian_interpreter::{Config, Interpreter};

fn run(src: &str) -> bactrian_interpreter::RunOutcome {
    Interpreter::new(Config::default()).run("plan.py", src)
}

#[test]
fn growing_a_container_one_item_at_a_time_charges_only_the_new_items() {
    // Charging the whole new length on every append made memory use look quadratic and
    // stopped a 12,000-item list with a memory-limit error.
    let o = run("xs = []\nd = {}\ns = set()\nfor i in range(50000):\n    xs.append(i)\n    d[i] = i\n    s.add(i)\nprint(len(xs), len(d), len(s))\n");
    assert!(o.error.is_none(), "{:?}", o.error);
    assert_eq!(o.stdout, "50000 50000 50000\n");
}

#[test]
fn deleting_a_list_item_by_an_iterator_is_a_type_error_not_a_panic() {
    // `del` took any iterator key for a slice and read past its parts.
    let o = run("x = [1, 2, 3]\ntry:\n    del x[iter([1])]\nexcept TypeError:\n    print('TypeError')\ndel x[1:3]\nprint(x)\n");
    assert!(o.error.is_none(), "{:?}", o.error);
    assert_eq!(o.stdout, "TypeError\n[1]\n");
}
