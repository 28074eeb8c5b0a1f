//! Constructs outside the subset are refused before anything runs: `check()` lists every one
//! of them with its line and column, and a run of such a plan makes no tool call at all, even
//! when the refused construct is on its last line.

mod common;

use bactrian_interpreter::{check, Diagnostic, Mode};
use common::*;

const TOOLS: &[&str] = &[
    "web_search",
    "read_email",
    "get_time",
    "send_message",
    "commit_files",
];

/// Every problem `check` finds in `src` (dedented), with the test host's tools.
fn problems(src: &str) -> Vec<Diagnostic> {
    let tools: Vec<String> = TOOLS.iter().map(|t| t.to_string()).collect();
    check(&dedent(src), &tools)
}

fn show(ds: &[Diagnostic]) -> String {
    ds.iter().map(|d| format!("  {d}\n")).collect()
}

/// `construct`, put on the last line of a plan whose first line calls a tool, is refused:
/// `check` reports it (and only it) at `line:col` of the construct with a message containing
/// `words`, and running the plan calls no tool.
#[track_caller]
fn assert_refused(construct: &str, line: u32, col: u32, words: &str) {
    let src = format!("send_message('boss@x.com', 'hi')\n{}", dedent(construct));
    let found = problems(&src);
    assert!(!found.is_empty(), "nothing refused in\n{src}");
    assert!(
        found.iter().all(|d| d.line > 1),
        "the tool call on line 1 was blamed:\n{}",
        show(&found)
    );
    let first = &found[0];
    assert_eq!(first.kind, "UnsupportedSyntax", "{}", show(&found));
    assert_eq!(
        (first.line, first.col),
        (line, col),
        "wrong position:\n{}",
        show(&found)
    );
    assert!(
        found.iter().any(|d| d.message.contains(words)),
        "no message mentions {words:?}:\n{}",
        show(&found)
    );
    assert_runs_nothing(&src, &found);
}

/// A run of `src` ends before any tool call, reporting exactly what `check` found.
#[track_caller]
fn assert_runs_nothing(src: &str, expected: &[Diagnostic]) {
    let (outcome, calls) = run_full(src, Mode::Strict, Default::default());
    assert!(calls.is_empty(), "a refused plan called {calls:?}");
    assert!(
        outcome.stdout.is_empty(),
        "a refused plan printed {:?}",
        outcome.stdout
    );
    let e = outcome.error.expect("a refused plan cannot finish");
    assert_eq!(e.type_name, expected[0].kind);
    assert_eq!((e.line, e.col), (expected[0].line, expected[0].col));
    assert_eq!(e.diagnostics, expected, "the run and check() disagree");
}

// ---------------------------------------------------------------------------------------------
// One construct at a time

#[test]
fn a_lone_surrogate_in_a_string_is_refused_not_replaced() {
    assert_refused(r#"s = "a\ud800b""#, 2, 5, "lone surrogate (\\ud800)");
    assert_refused(r#"s = f"{1}\U0000DFFF""#, 2, 5, "lone surrogate");
    // A raw string keeps the backslash: nothing to refuse; a real character is fine.
    assert!(problems(r#"s = r"\ud800" + "\ufffd" + "\u00e9""#).is_empty());
}

#[test]
fn import_is_refused() {
    assert_refused("import os", 2, 1, "imports are not allowed");
    assert_refused("import os.path as p", 2, 1, "imports are not allowed");
}

#[test]
fn from_import_is_refused() {
    assert_refused("from os import path", 2, 1, "imports are not allowed");
    assert_refused(
        "from __future__ import annotations",
        2,
        1,
        "imports are not allowed",
    );
}

#[test]
fn dunder_import_is_refused() {
    assert_refused("m = __import__('os')", 2, 5, "__import__");
}

#[test]
fn open_is_refused() {
    assert_refused("f = open('/etc/passwd')", 2, 5, "open");
    assert_refused("x = [open]", 2, 6, "open");
}

#[test]
fn eval_and_exec_are_refused() {
    assert_refused("eval('1 + 1')", 2, 1, "eval");
    assert_refused("exec('x = 1')", 2, 1, "exec");
    assert_refused("c = compile('1', 'f', 'eval')", 2, 5, "compile");
}

#[test]
fn getattr_and_friends_are_refused() {
    assert_refused("u = getattr('a', 'upper')", 2, 5, "getattr");
    assert_refused("setattr(x, 'a', 1)", 2, 1, "setattr");
    assert_refused("h = hasattr('a', 'upper')", 2, 5, "hasattr");
    assert_refused("g = getattr", 2, 5, "getattr");
}

#[test]
fn reflection_is_refused() {
    assert_refused("v = vars()", 2, 5, "vars");
    assert_refused("g = globals()", 2, 5, "globals");
    assert_refused("d = dir('a')", 2, 5, "dir");
}

#[test]
fn dunder_attributes_are_refused() {
    assert_refused("n = 'abc'.__len__()", 2, 5, "__len__");
    assert_refused("b = ().__class__.__bases__", 2, 5, "__bases__");
    let found = problems("b = ().__class__.__bases__[0].__subclasses__()");
    for name in ["__bases__", "__subclasses__"] {
        assert!(
            found.iter().any(|d| d.message.contains(name)),
            "{name} not reported:\n{}",
            show(&found)
        );
    }
}

#[test]
fn private_attributes_are_refused() {
    assert_refused("x = 'a'._private", 2, 5, "_private");
}

#[test]
fn dunder_attributes_reached_through_format_strings_fail_at_run_time() {
    // A format string can name attributes; the static check cannot see inside it.
    let (outcome, calls) = run_full(
        "s = '{0.__class__}'.format(1)\nsend_message('boss@x.com', s)",
        Mode::Strict,
        Default::default(),
    );
    assert!(calls.is_empty(), "{calls:?}");
    let e = outcome.error.expect("the dunder must not be reached");
    assert_eq!(e.type_name, "AttributeError", "{}", e.message);
}

#[test]
fn global_is_refused() {
    assert_refused("def f():\n    global x\n    x = 1", 3, 5, "'global'");
}

#[test]
fn nonlocal_without_an_enclosing_binding_is_a_syntax_error() {
    for src in [
        "def f():\n    nonlocal x\n    x = 1",
        "def f():\n    def g():\n        nonlocal y\n        y = 1",
    ] {
        let found = problems(src);
        assert_eq!(found.len(), 1, "{}", show(&found));
        assert_eq!(found[0].kind, "SyntaxError", "{}", show(&found));
        assert!(
            found[0].message.contains("no binding for nonlocal"),
            "{}",
            show(&found)
        );
    }
}

#[test]
fn the_name_of_a_type_is_allowed() {
    assert!(problems("n = type(3).__name__\nc = (1).__class__").is_empty());
    assert_output(
        "print(type(3).__name__, (1).__class__.__name__)",
        "int int\n",
    );
}

#[test]
fn async_is_refused() {
    assert_refused("async def f():\n    pass", 2, 1, "async");
}

#[test]
fn with_is_refused() {
    assert_refused("with x as y:\n    pass", 2, 1, "with");
}

#[test]
fn yield_is_refused() {
    assert_refused("def gen():\n    yield 1", 3, 5, "yield");
    assert_refused("def gen():\n    x = yield", 3, 9, "yield");
}

#[test]
fn decorators_are_refused() {
    let found = problems("@f\ndef g():\n    pass");
    assert_eq!(found.len(), 1, "{}", show(&found));
    assert!(found[0].message.contains("decorators"), "{}", show(&found));
    let src = "send_message('boss@x.com', 'hi')\n@f\ndef g():\n    pass";
    assert_runs_nothing(src, &problems(src));
}

#[test]
#[ignore = "open: decorators are reported at the decorator expression (after the @), not at the @"]
fn decorators_are_refused_where_they_are_written() {
    assert_refused("@f\ndef g():\n    pass", 2, 1, "decorators");
}

#[test]
fn names_that_shadow_builtins_are_allowed() {
    // Planners name tool-result fields `id`, `type`, `input`, `filter`: as in CPython, the
    // plan's binding wins where it is in scope, the builtin elsewhere.
    assert_output(
        "def f(str):\n    return str * 2\nprint(f('ab'), str(1))",
        "abab 1\n",
    );
    assert_output("id = 7\ninput = 'q'\nprint(id, input)", "7 q\n");
    assert_output("print(len('ab'))\nlen = 3\nprint(len)", "2\n3\n");
    // `id` and `input` stay refused where they would mean the builtins.
    assert_refused("x = id(3)", 2, 5, "id");
}

#[test]
fn redefining_a_tool_is_refused() {
    assert_refused("web_search = 4", 2, 1, "'web_search' is a tool");
    assert_refused(
        "def send_message(to, body):\n    pass",
        2,
        1,
        "'send_message' is a tool",
    );
    assert_refused("a, web_search = 1, 2", 2, 4, "'web_search' is a tool");
}

#[test]
fn a_class_that_is_neither_a_data_model_nor_an_exception_is_refused() {
    assert_refused("class A:\n    x: int", 2, 1, "data models");
    assert_refused("class A(dict):\n    pass", 2, 1, "data models");
    assert_refused("class A(BaseModel, dict):\n    pass", 2, 1, "data models");
    assert_refused(
        "class E(Exception):\n    def f(self):\n        pass",
        2,
        1,
        "exception",
    );
}

#[test]
fn an_exception_class_is_allowed() {
    let src = "class NotFound(KeyError):\n    pass\ntry:\n    raise NotFound('k')\nexcept LookupError as e:\n    print(type(e).__name__, e)";
    assert!(problems(src).is_empty(), "{}", show(&problems(src)));
    assert_output(src, "NotFound 'k'\n");
}

#[test]
fn a_data_model_with_methods_is_refused() {
    assert_refused(
        "class A(BaseModel):\n    x: int\n    def m(self):\n        return 1",
        4,
        5,
        "data model body",
    );
}

#[test]
fn refused_constructs_in_code_that_never_runs_are_still_refused() {
    assert_refused("if False:\n    import os", 3, 5, "imports");
    assert_refused("def never():\n    return eval('1')", 3, 12, "eval");
}

// ---------------------------------------------------------------------------------------------
// What is allowed

#[test]
fn lambda_is_allowed() {
    assert!(problems("sq = lambda v: v * v\nprint(sq(3))").is_empty());
    assert_output("sq = lambda v: v * v\nprint(sq(3))", "9\n");
    assert_output(
        "print(sorted(['bb', 'a', 'ccc'], key=lambda s: -len(s)))",
        "['ccc', 'bb', 'a']\n",
    );
}

#[test]
fn the_allowed_subset_passes_check() {
    let src = r#"
        class Item(BaseModel):
            name: str
            price: float = 0.0
        def total(items):
            return sum(i.price for i in items)
        r = web_search('q')
        items = [Item(name=n, price=1.5) for n in r['items']]
        try:
            n = int(r['num'])
        except ValueError as e:
            n = 0
        while n > 40:
            n -= 1
        for i, it in enumerate(items):
            if i > 5:
                break
        else:
            pass
        t = total(items) if items else 0
        d = {k: v for k, v in r.items() if k != 'n'}
        del d['title']
        assert n == 40, 'n'
        send_message(to='boss@x.com', content=f'{t:.2f} {type(n).__name__}')
    "#;
    let fine = src;
    assert!(problems(fine).is_empty(), "{}", show(&problems(fine)));
    let (outcome, calls) = run_full(fine, Mode::Strict, Default::default());
    expect_ok(&outcome, fine);
    assert_eq!(calls.len(), 2);
}

#[test]
fn passing_a_tool_around_as_a_value_still_reaches_the_host() {
    let src = "f = send_message\nr = web_search('q')\nf(r['email'], 'hi')";
    assert!(problems(src).is_empty());
    let send = the_send(src);
    assert!(!send.args[0].is_trusted());
}

// ---------------------------------------------------------------------------------------------
// Many problems at once

#[test]
fn every_problem_in_a_file_is_reported_at_once() {
    let src = r#"
        import os
        x = open('f')
        def f():
            global y
            return eval('1')
        n = x.__dict__
        class A:
            pass
        with x as z:
            pass
        send_message('boss@x.com', 'hi')
        w = ().__bases__
    "#;
    let found = problems(src);
    let lines: Vec<u32> = found.iter().map(|d| d.line).collect();
    assert_eq!(lines, vec![1, 2, 4, 5, 6, 7, 9, 12], "{}", show(&found));
    assert!(
        found.iter().all(|d| d.kind == "UnsupportedSyntax"),
        "{}",
        show(&found)
    );
    assert_runs_nothing(src, &found);
}

#[test]
fn problems_are_reported_in_source_order() {
    let src = "def f():\n    return exec('1')\nimport os\nx = eval('2')";
    let found = problems(src);
    let positions: Vec<(u32, u32)> = found.iter().map(|d| (d.line, d.col)).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
    assert_eq!(positions, vec![(2, 12), (3, 1), (4, 5)]);
}

#[test]
fn each_problem_is_reported_once() {
    let found = problems("x = [web_search for web_search in [1]]");
    assert_eq!(found.len(), 1, "{}", show(&found));
}

#[test]
fn a_syntax_error_is_reported_with_its_position_and_runs_nothing() {
    let src = "send_message('boss@x.com', 'hi')\nx = (1,\n";
    let found = problems(src);
    assert!(!found.is_empty());
    assert_eq!(found[0].kind, "SyntaxError");
    assert!(found[0].line >= 2, "{}", show(&found));
    let (outcome, calls) = run_full(src, Mode::Strict, Default::default());
    assert!(calls.is_empty(), "{calls:?}");
    assert_eq!(
        outcome.error.expect("a syntax error").type_name,
        "SyntaxError"
    );
}

#[test]
fn a_syntax_error_and_the_display_of_a_problem_name_the_position() {
    let found = problems("x = 1\nimport os");
    assert_eq!(
        found[0].to_string(),
        "2:1: UnsupportedSyntax: imports are not allowed: a plan can use only builtins and the agent's tools"
    );
}

#[test]
fn check_knows_the_tool_names_it_is_given() {
    // Without the tool list `web_search = 4` is an ordinary assignment; with it, a refusal.
    assert!(check("web_search = 4", &[]).is_empty());
    assert_eq!(
        check("web_search = 4", &["web_search".to_string()]).len(),
        1
    );
}
