//! No input makes the interpreter panic, crash or hang: arbitrary text, random programs of the
//! subset, and pathological shapes (deep brackets, very long expressions, huge literals) all
//! end with a result or a clean Python-shaped error.
//!
//! `Interpreter::run` turns a panic on its thread into an `InternalError` report, so a panic
//! shows up as that type name. A stack overflow aborts the whole process instead; the tests
//! that could overflow run in a child process so that a crash fails only them.

mod common;

use bactrian_interpreter::{Config, Interpreter, Limits, Mode, RunOutcome};
use common::*;
use proptest::prelude::*;
use std::process::Command;
use std::time::Duration;

/// Limits small enough that a random program ends in milliseconds.
fn small() -> Limits {
    Limits {
        max_steps: 20_000,
        max_time: Duration::from_secs(10),
        max_recursion: 50,
        max_alloc_bytes: 16 << 20,
        max_str_len: 1 << 20,
        max_collection_len: 10_000,
        max_int_bits: 10_000,
        max_output_bytes: 64 << 10,
        max_source_bytes: 1 << 20,
    }
}

/// Runs `src` exactly as given (no dedent) with the test host.
fn run_exact(src: &str, limits: Limits) -> (RunOutcome, Vec<bactrian_interpreter::ToolCall>) {
    let mut host = host();
    let outcome = Interpreter::new(Config {
        limits,
        ..Config::default()
    })
    .with_host(&mut host)
    .run("plan.py", src);
    (outcome, host.calls)
}

#[track_caller]
fn assert_no_internal_error(outcome: &RunOutcome, src: &str) {
    if let Some(e) = &outcome.error {
        assert_ne!(
            e.type_name, "InternalError",
            "the interpreter panicked on\n{src}"
        );
    }
}

/// Runs `body` in a child process: this test binary, re-run on test `name` alone. A crash of
/// the child (a stack overflow aborts the process) fails this test only.
fn in_child(name: &str, body: impl FnOnce()) {
    const VAR: &str = "BACTRIAN_NO_PANIC_CHILD";
    if std::env::var(VAR).as_deref() == Ok(name) {
        body();
        return;
    }
    let exe = std::env::current_exe().expect("the test binary");
    let out = Command::new(exe)
        .args([
            name,
            "--exact",
            "--nocapture",
            "--include-ignored",
            "--test-threads=1",
        ])
        .env(VAR, name)
        .output()
        .expect("the child test runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "the child run of {name} failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
}

// ---------------------------------------------------------------------------------------------
// Arbitrary text

/// `check` finds problems exactly when a run refuses to start, and then the same ones.
fn check_agrees_with_run(
    src: &str,
    outcome: &RunOutcome,
    calls: &[bactrian_interpreter::ToolCall],
) -> Result<(), TestCaseError> {
    let tools: Vec<String> = bactrian_interpreter::ToolHost::tool_names(&host());
    let found = bactrian_interpreter::check(src, &tools);
    let refused = outcome
        .error
        .as_ref()
        .filter(|e| e.type_name == "SyntaxError" || e.type_name == "UnsupportedSyntax")
        .filter(|e| !e.diagnostics.is_empty());
    match refused {
        Some(e) => {
            prop_assert_eq!(&e.diagnostics, &found, "{}", src);
            prop_assert!(calls.is_empty(), "a refused plan called a tool:\n{}", src);
        }
        None => prop_assert!(
            found.is_empty(),
            "check refused a plan that ran: {:?}\n{}",
            found,
            src
        ),
    }
    Ok(())
}

/// Pieces of Python, so that random sequences reach past the tokenizer.
const TOKENS: &[&str] = &[
    "x",
    "y",
    "xs",
    "d",
    "f",
    "r",
    "web_search",
    "send_message",
    "len",
    "print",
    "range",
    "=",
    "==",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "<",
    ">=",
    "not",
    "and",
    "or",
    "in",
    "is",
    "if",
    "elif",
    "else",
    "for",
    "while",
    "break",
    "continue",
    "def",
    "return",
    "lambda",
    "try",
    "except",
    "finally",
    "raise",
    "class",
    "BaseModel",
    "pass",
    "del",
    "assert",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    ";",
    "0",
    "1",
    "-1",
    "10**9",
    "1.5",
    "'a'",
    "\"b\"",
    "''",
    "f'{x}'",
    "f'{",
    "}'",
    "'''",
    "\\",
    "#",
    "\n",
    "\n    ",
    "\n        ",
    "\t",
    "None",
    "True",
    "upper()",
    "append",
    "[0]",
    "[1:]",
    "[::-1]",
    "ValueError",
    "Exception",
    "*",
    "**kw",
    "@",
    ":=",
    "...",
    "é",
    "\u{0}",
    "\r",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(TOKENS),
            prop::sample::select(&[" ", "", "\n"][..]),
        ),
        0..60,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(t, sep)| format!("{t}{sep}"))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(src in any::<String>()) {
        let (outcome, _) = run_exact(&src, small());
        assert_no_internal_error(&outcome, &src);
        let _ = bactrian_interpreter::check(&src, &[]);
    }

    #[test]
    fn token_soup_never_panics(src in token_soup()) {
        let (outcome, calls) = run_exact(&src, small());
        assert_no_internal_error(&outcome, &src);
        check_agrees_with_run(&src, &outcome, &calls)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Programs of the subset, from a small grammar

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(&["a", "b", "s", "xs", "d", "n", "t"][..]).prop_map(String::from)
}

fn literal() -> impl Strategy<Value = String> {
    prop_oneof![
        (-5i64..20).prop_map(|n| n.to_string()),
        prop::sample::select(
            &[
                "0",
                "-1",
                "10**20",
                "2**64",
                "1.5",
                "-0.0",
                "1e308",
                "0.1",
                "float('inf')",
                "float('nan')",
                "True",
                "False",
                "None",
                "''",
                "'abc'",
                "'a,b,c'",
                "' x '",
                "'ÿé€'",
                "'10'",
                "'{}'",
                "'%s'",
                "'\\n'",
                "[]",
                "{}",
                "()",
                "[1, 2, 3]",
                "['b', 'a']",
                "{'k': 1}",
                "(1, 'a')",
                "{1, 2}",
                "range(5)",
            ][..]
        )
        .prop_map(String::from),
    ]
}

/// Untrusted data: fields of the `web_search` result the prelude binds to `r`.
fn tainted() -> impl Strategy<Value = String> {
    prop::sample::select(
        &[
            "r['email']",
            "r['title']",
            "r['items']",
            "r['n']",
            "r['num']",
            "r",
            "r['flag']",
        ][..],
    )
    .prop_map(String::from)
}

fn expr() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![4 => literal(), 3 => name(), 2 => tainted()];
    leaf.prop_recursive(4, 48, 4, |inner| {
        let binop = prop::sample::select(
            &[
                "+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", "<=", ">", ">=", "and", "or",
                "in", "not in", "is", "&", "|", "^", "<<", ">>",
            ][..],
        );
        let unop = prop::sample::select(&["-", "not ", "~", "+"][..]);
        let method = prop::sample::select(
            &[
                "upper",
                "lower",
                "strip",
                "split",
                "join",
                "replace",
                "startswith",
                "find",
                "count",
                "index",
                "format",
                "append",
                "extend",
                "pop",
                "insert",
                "remove",
                "get",
                "keys",
                "values",
                "items",
                "update",
                "setdefault",
                "copy",
                "sort",
                "reverse",
                "zfill",
                "center",
                "ljust",
                "title",
                "isdigit",
                "encode",
                "add",
            ][..],
        );
        let builtin = prop::sample::select(
            &[
                "len",
                "str",
                "int",
                "float",
                "bool",
                "repr",
                "sorted",
                "reversed",
                "min",
                "max",
                "sum",
                "abs",
                "round",
                "list",
                "tuple",
                "set",
                "dict",
                "range",
                "enumerate",
                "zip",
                "any",
                "all",
                "isinstance",
                "divmod",
                "pow",
                "chr",
                "ord",
                "hex",
                "type",
                "f1",
                "web_search",
                "map",
                "filter",
            ][..],
        );
        let args = prop::collection::vec(inner.clone(), 0..3);
        prop_oneof![
            (inner.clone(), binop, inner.clone()).prop_map(|(a, op, b)| format!("({a} {op} {b})")),
            (unop, inner.clone()).prop_map(|(op, a)| format!("({op}{a})")),
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec(inner.clone(), 0..3).prop_map(|v| match v.len() {
                0 => "()".to_string(),
                _ => format!("({},)", v.join(", ")),
            }),
            (inner.clone(), inner.clone()).prop_map(|(k, v)| format!("{{{k}: {v}}}")),
            (inner.clone(), inner.clone()).prop_map(|(a, i)| format!("{a}[{i}]")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, i, j)| format!("{a}[{i}:{j}]")),
            (inner.clone(), method, args.clone())
                .prop_map(|(recv, m, a)| format!("({recv}).{m}({})", a.join(", "))),
            (builtin, args).prop_map(|(f, a)| format!("{f}({})", a.join(", "))),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, c, b)| format!("({a} if {c} else {b})")),
            (inner.clone(), inner.clone()).prop_map(|(e, c)| format!("[v for v in {e} if {c}]")),
            (inner.clone(), inner.clone())
                .prop_map(|(k, e)| format!("{{str(v): {k} for v in {e}}}")),
            inner.clone().prop_map(|e| fstring(&e, "")),
            (
                inner.clone(),
                prop::sample::select(&[">5", "<3", "^7", ".2f", "x", ",", "05d", "!r"][..])
            )
                .prop_map(|(e, spec)| fstring(&e, spec)),
            inner.clone().prop_map(|e| format!("(lambda q: q)({e})")),
            inner.prop_map(|e| format!("sorted({e}, key=lambda q: str(q))")),
        ]
    })
}

/// `f"<{(e)SPEC}>"`; an expression holding a `"` (a nested f-string) is formatted with
/// `format()` instead, since an f-string cannot nest its own quote.
fn fstring(e: &str, spec: &str) -> String {
    if e.contains('"') {
        return format!("format({e})");
    }
    if let Some(conv) = spec.strip_prefix('!') {
        format!("f\"<{{({e})!{conv}}}>\"")
    } else if spec.is_empty() {
        format!("f\"<{{({e})}}>\"")
    } else {
        format!("f\"<{{({e}):{spec}}}>\"")
    }
}

#[derive(Clone, Debug)]
enum Stmt {
    Simple(String),
    Return(String),
    Jump(&'static str),
    If(String, Vec<Stmt>, Vec<Stmt>),
    For(String, String, Vec<Stmt>),
    While(String, Vec<Stmt>),
    Def(Vec<Stmt>, String),
    Try(Vec<Stmt>, String, Vec<Stmt>, Vec<Stmt>),
}

fn simple() -> impl Strategy<Value = Stmt> {
    prop_oneof![
        4 => (name(), expr()).prop_map(|(n, e)| format!("{n} = {e}")),
        2 => (name(), prop::sample::select(&["+=", "-=", "*=", "//="][..]), expr())
            .prop_map(|(n, op, e)| format!("{n} {op} {e}")),
        2 => (name(), expr(), expr()).prop_map(|(n, i, e)| format!("{n}[{i}] = {e}")),
        1 => (name(), name(), expr()).prop_map(|(a, b, e)| format!("{a}, {b} = {e}")),
        1 => (name(), expr()).prop_map(|(n, e)| format!("{n}.append({e})")),
        2 => expr().prop_map(|e| format!("print({e})")),
        1 => (name(), expr()).prop_map(|(n, i)| format!("del {n}[{i}]")),
        1 => expr().prop_map(|e| format!("raise ValueError({e})")),
        1 => expr().prop_map(|e| format!("assert {e}")),
        1 => (expr(), expr()).prop_map(|(a, b)| format!("send_message({a}, content={b})")),
    ]
    .prop_map(Stmt::Simple)
}

/// A simple statement, or a `return`, `break` or `continue` (rendered only where allowed).
fn leaf_stmt() -> impl Strategy<Value = Stmt> {
    prop_oneof![
        16 => simple(),
        1 => expr().prop_map(Stmt::Return),
        1 => prop::sample::select(&["break", "continue"][..]).prop_map(Stmt::Jump),
    ]
}

fn stmt() -> impl Strategy<Value = Stmt> {
    leaf_stmt().prop_recursive(3, 24, 4, |inner| {
        let block = prop::collection::vec(inner, 1..4);
        prop_oneof![
            (expr(), block.clone(), prop::collection::vec(simple(), 0..2))
                .prop_map(|(c, a, b)| Stmt::If(c, a, b)),
            (
                name(),
                prop_oneof![expr(), (0u32..6).prop_map(|n| format!("range({n})"))],
                block.clone()
            )
                .prop_map(|(v, it, b)| Stmt::For(v, it, b)),
            (expr(), block.clone()).prop_map(|(c, b)| Stmt::While(c, b)),
            (block.clone(), expr()).prop_map(|(b, e)| Stmt::Def(b, e)),
            (
                block.clone(),
                prop::sample::select(
                    &[
                        "Exception",
                        "ValueError",
                        "KeyError",
                        "(TypeError, IndexError)",
                        "ZeroDivisionError"
                    ][..]
                )
                .prop_map(String::from),
                block.clone(),
                prop::collection::vec(simple(), 0..2),
            )
                .prop_map(|(b, ty, h, f)| Stmt::Try(b, ty, h, f)),
        ]
    })
}

/// Where a statement is: `return` needs a function, `break` and `continue` a loop.
#[derive(Clone, Copy)]
struct Place {
    in_def: bool,
    in_loop: bool,
    /// Whether `try` may be written; without it a `try` statement is rendered as its body.
    try_ok: bool,
}

fn render(stmts: &[Stmt], indent: usize, try_ok: bool, out: &mut String) {
    let at = Place {
        in_def: false,
        in_loop: false,
        try_ok,
    };
    render_in(stmts, indent, at, out)
}

fn render_in(stmts: &[Stmt], indent: usize, at: Place, out: &mut String) {
    let pad = " ".repeat(indent);
    let render = |b: &[Stmt], i: usize, out: &mut String| render_in(b, i, at, out);
    let looping = Place {
        in_loop: true,
        ..at
    };
    for s in stmts {
        match s {
            Stmt::Simple(text) => out.push_str(&format!("{pad}{text}\n")),
            Stmt::Return(e) if at.in_def => out.push_str(&format!("{pad}return {e}\n")),
            Stmt::Return(e) => out.push_str(&format!("{pad}a = {e}\n")),
            Stmt::Jump(word) if at.in_loop => out.push_str(&format!("{pad}{word}\n")),
            Stmt::Jump(_) => out.push_str(&format!("{pad}pass\n")),
            Stmt::If(c, a, b) => {
                out.push_str(&format!("{pad}if {c}:\n"));
                render(a, indent + 4, out);
                if !b.is_empty() {
                    out.push_str(&format!("{pad}else:\n"));
                    render(b, indent + 4, out);
                }
            }
            Stmt::For(v, it, b) => {
                out.push_str(&format!("{pad}for {v} in {it}:\n"));
                render_in(b, indent + 4, looping, out);
            }
            Stmt::While(c, b) => {
                // A counter keeps most loops short; the step limit ends the rest.
                out.push_str(&format!("{pad}guard = 0\n{pad}while guard < 5 and {c}:\n"));
                out.push_str(&format!("{pad}    guard += 1\n"));
                render_in(b, indent + 4, looping, out);
            }
            Stmt::Def(b, e) => {
                out.push_str(&format!("{pad}def f1(p=0, *rest, **kw):\n"));
                render_in(
                    b,
                    indent + 4,
                    Place {
                        in_def: true,
                        in_loop: false,
                        ..at
                    },
                    out,
                );
                out.push_str(&format!("{pad}    return {e}\n"));
            }
            Stmt::Try(b, _, _, f) if !at.try_ok => {
                render(b, indent, out);
                render(f, indent, out);
            }
            Stmt::Try(b, ty, h, f) => {
                out.push_str(&format!("{pad}try:\n"));
                render(b, indent + 4, out);
                out.push_str(&format!("{pad}except {ty} as err:\n"));
                render(h, indent + 4, out);
                if !f.is_empty() {
                    out.push_str(&format!("{pad}finally:\n"));
                    render(f, indent + 4, out);
                }
            }
        }
    }
}

const PRELUDE: &str = "\
r = web_search('q')
a = 1
b = 'x'
s = 'hello world'
xs = [1, 2, 3]
d = {'k': 'v', 1: 2}
n = 3
t = (1, 'a')
def f1(p=0, *rest, **kw):
    return p
";

fn program() -> impl Strategy<Value = String> {
    program_with(true)
}

/// Programs with no `try` at all: an exception ends the run.
fn program_without_try() -> impl Strategy<Value = String> {
    program_with(false)
}

fn program_with(try_ok: bool) -> impl Strategy<Value = String> {
    // Random expressions often mix types: most top-level statements are guarded, so that one
    // TypeError does not end the program before the rest of it is exercised.
    prop::collection::vec((stmt(), prop::bool::weighted(0.8)), 1..8).prop_map(move |stmts| {
        let mut src = PRELUDE.to_string();
        for (s, guarded) in stmts {
            if guarded && try_ok {
                src.push_str("try:\n");
                render(&[s], 4, try_ok, &mut src);
                src.push_str("except Exception as err:\n    print(type(err))\n");
            } else {
                render(&[s], 0, try_ok, &mut src);
            }
        }
        src
    })
}

/// What a run did, for comparing two runs of the same plan.
fn fingerprint(outcome: &RunOutcome, calls: &[bactrian_interpreter::ToolCall]) -> String {
    let error = outcome.error.as_ref().map(|e| {
        format!(
            "{} {} {}:{} {}",
            e.type_name, e.message, e.line, e.col, e.redacted
        )
    });
    let calls: Vec<String> = calls
        .iter()
        .map(|c| {
            let args: Vec<String> = c
                .args
                .iter()
                .chain(c.kwargs.iter().map(|(_, a)| a))
                .map(|a| format!("{}{}", a.value, if a.is_trusted() { "" } else { "!" }))
                .collect();
            format!("{}({})", c.tool, args.join(", "))
        })
        .collect();
    let vars: Vec<String> = outcome
        .variables
        .iter()
        .map(|v| {
            format!(
                "{}={}{}",
                v.name,
                v.repr,
                if v.label.is_trusted() { "" } else { "!" }
            )
        })
        .collect();
    format!("{error:?}\n{}\n{calls:?}\n{vars:?}", outcome.stdout)
}

/// Another answer of `web_search`: every field different, some of another type.
fn other_search_result() -> serde_json::Value {
    serde_json::json!({
        "title": "",
        "email": "x@y.org",
        "items": ["c", "d", "e", 5],
        "n": 0,
        "num": "seven",
        "key": "email",
        "flag": false,
    })
}

/// Each call as its tool and trusted arguments (`?` for an untrusted one), leaving out calls
/// with no trusted argument.
fn trusted_projection(calls: &[bactrian_interpreter::ToolCall]) -> Vec<String> {
    calls
        .iter()
        .filter_map(|c| {
            let args: Vec<String> = c
                .args
                .iter()
                .map(|a| (String::new(), a))
                .chain(c.kwargs.iter().map(|(k, a)| (format!("{k}="), a)))
                .map(|(k, a)| {
                    if a.is_trusted() {
                        format!("{k}{}", a.value)
                    } else {
                        format!("{k}?")
                    }
                })
                .collect();
            let any_trusted = c
                .args
                .iter()
                .chain(c.kwargs.iter().map(|(_, a)| a))
                .any(|a| a.is_trusted());
            any_trusted.then(|| format!("{}({})", c.tool, args.join(", ")))
        })
        .collect()
}

/// Runs `src` against two different search results (see
/// `strict_trusted_arguments_do_not_depend_on_untrusted_data`).
fn non_interference(src: &str) -> Result<(), TestCaseError> {
    let (a, a_calls) = run_exact(src, small());
    let mut other = host_searching(other_search_result());
    let b = Interpreter::new(Config {
        limits: small(),
        ..Config::default()
    })
    .with_host(&mut other)
    .run("plan.py", src);
    if hit_time_limit(&a) || hit_time_limit(&b) {
        return Ok(());
    }
    let pa = trusted_projection(&a_calls);
    let pb = trusted_projection(&other.calls);
    let n = pa.len().min(pb.len());
    prop_assert_eq!(&pa[..n], &pb[..n], "{}", src);
    if a.error.is_none() && b.error.is_none() {
        prop_assert_eq!(pa.len(), pb.len(), "{}", src);
    } else if pa.len() != pb.len() {
        // The longer run must be the one that did not stop early.
        let (short, long) = if pa.len() < pb.len() {
            (&a, &b)
        } else {
            (&b, &a)
        };
        prop_assert!(short.error.is_some(), "{}\n{:?}", src, long.error);
    }
    Ok(())
}

fn hit_time_limit(outcome: &RunOutcome) -> bool {
    matches!(
        outcome.error.as_ref().and_then(|e| e.fatal.as_ref()),
        Some(bactrian_interpreter::Fatal::Limit { limit: "time", .. })
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random programs end without a panic, the same way twice, and never let the attacker's
    /// text reach a tool or a variable as trusted.
    #[test]
    fn generated_programs_never_panic(src in program()) {
        let (outcome, calls) = run_exact(&src, small());
        assert_no_internal_error(&outcome, &src);
        check_agrees_with_run(&src, &outcome, &calls)?;

        // Python errors point into the plan.
        if let Some(e) = &outcome.error {
            if e.fatal.is_none() {
                let lines = src.lines().count() as u32;
                prop_assert!(
                    (1..=lines).contains(&e.line),
                    "{} at line {} of {lines}:\n{src}", e.type_name, e.line
                );
            }
        }

        // Only web_search's output holds these strings; whatever holds them is untrusted.
        for c in &calls {
            for a in c.args.iter().chain(c.kwargs.iter().map(|(_, a)| a)) {
                let text = a.value.to_string();
                prop_assert!(
                    !(text.contains(ATTACKER) || text.contains("Breaking news")) || !a.is_trusted(),
                    "untrusted text reached {} trusted: {text}\n{src}", c.tool
                );
            }
        }
        for v in &outcome.variables {
            prop_assert!(
                !(v.repr.contains(ATTACKER) || v.repr.contains("Breaking news")) || !v.label.is_trusted(),
                "'{}' = {} is trusted\n{src}", v.name, v.repr
            );
        }

        // Deterministic: a replay must see the same run.
        let (again, again_calls) = run_exact(&src, small());
        if !hit_time_limit(&outcome) && !hit_time_limit(&again) {
            prop_assert_eq!(fingerprint(&outcome, &calls), fingerprint(&again, &again_calls), "{}", src);
        }
    }

    /// Strict mode's promise, as non-interference: what the web says may change untrusted
    /// arguments, and which calls are made under untrusted conditions, but never a trusted
    /// argument. Two runs whose searches return different data make the same calls with the
    /// same trusted arguments (calls whose arguments are all untrusted are left out, and a run
    /// that stopped on an uncaught error need only agree up to where it stopped).
    #[test]
    fn strict_trusted_arguments_do_not_depend_on_untrusted_data(src in program_without_try()) {
        non_interference(&src)?;
    }

    /// The same promise where a `try` catches an exception raised on untrusted data.
    #[test]
    fn strict_trusted_arguments_do_not_depend_on_untrusted_data_with_try(src in program()) {
        non_interference(&src)?;
    }

    /// Normal mode runs the same programs without a panic too.
    #[test]
    fn generated_programs_never_panic_in_normal_mode(src in program()) {
        let mut host = host();
        let outcome = Interpreter::new(Config { limits: small(), mode: Mode::Normal, ..Config::default() })
            .with_host(&mut host)
            .run("plan.py", &src);
        assert_no_internal_error(&outcome, &src);
    }
}

// ---------------------------------------------------------------------------------------------
// Pathological shapes

#[test]
fn deeply_nested_brackets_are_a_syntax_error() {
    in_child("deeply_nested_brackets_are_a_syntax_error", || {
        for src in [
            "(".repeat(10_000),
            format!("x = {}{}", "[".repeat(10_000), "]".repeat(10_000)),
            format!("x = {}1{}", "{'a': ".repeat(5_000), "}".repeat(5_000)),
        ] {
            let (outcome, calls) = run_exact(&src, Limits::default());
            let e = outcome.error.expect("too deep to run");
            assert_eq!(e.type_name, "SyntaxError", "{}", e.message);
            assert!(calls.is_empty());
            assert!(!bactrian_interpreter::check(&src, &[]).is_empty());
        }
    });
}

#[test]
fn deeply_nested_blocks_are_a_clean_error() {
    in_child("deeply_nested_blocks_are_a_clean_error", || {
        let src: String = (0..1000)
            .map(|i| format!("{}if True:\n", " ".repeat(i)))
            .chain(std::iter::once(format!("{}x = 1\n", " ".repeat(1000))))
            .collect();
        let (outcome, _) = run_exact(&src, Limits::default());
        let e = outcome.error.expect("a thousand nested blocks");
        assert_eq!(e.type_name, "SyntaxError", "{}", e.message);
        assert!(e.message.contains("nest"), "{}", e.message);
    });
}

#[test]
fn deeply_nested_blocks_are_not_called_brackets() {
    // Five hundred levels, one column each: no bracket anywhere.
    let src: String = (0..500)
        .map(|i| format!("{}if True:\n", " ".repeat(i)))
        .chain(std::iter::once(format!("{}x = 1\n", " ".repeat(500))))
        .collect();
    let found = bactrian_interpreter::check(&src, &[]);
    assert!(!found.is_empty(), "five hundred nested blocks");
    assert!(!found[0].message.contains("bracket"), "{}", found[0]);
}

#[test]
fn a_long_but_shallow_plan_runs() {
    in_child("a_long_but_shallow_plan_runs", || {
        let src = "x = 0\n".to_string() + &"x += 1\n".repeat(20_000) + "print(x)\n";
        let (outcome, _) = run_exact(&src, Limits::default());
        expect_ok(&outcome, "20 000 increments");
        assert_eq!(outcome.stdout, "20000\n");
    });
}

/// `x = 1+1+...+1` and the like: expressions tens of thousands of operators long, without a
/// single bracket.
fn long_expressions() -> Vec<(&'static str, String)> {
    vec![
        (
            "comparison chain",
            format!("x = {}", vec!["1"; 50_000].join(" < ")),
        ),
        (
            "and chain",
            format!("x = {}", vec!["1"; 50_000].join(" and ")),
        ),
        ("unary minus", format!("x = {}1", "-".repeat(50_000))),
        ("not", format!("x = {}1", "not ".repeat(50_000))),
        ("power", format!("x = {}", vec!["1"; 50_000].join("**"))),
        (
            "method chain",
            format!("x = 'a'{}", ".upper()".repeat(30_000)),
        ),
        (
            "subscript chain",
            format!("x = [1]\ny = x{}", "[0]".repeat(30_000)),
        ),
        (
            "conditional chain",
            format!("x = {}1", "1 if 1 else ".repeat(30_000)),
        ),
        (
            "lambda chain",
            format!("f = {}1", "lambda: ".repeat(30_000)),
        ),
        (
            "elif chain",
            format!(
                "x = 1\nif x == 0:\n    pass\n{}",
                "elif x == 0:\n    pass\n".repeat(20_000)
            ),
        ),
    ]
}

#[test]
fn very_long_expressions_are_handled_cleanly() {
    in_child("very_long_expressions_are_handled_cleanly", || {
        for (what, src) in long_expressions() {
            let (outcome, _) = run_exact(&src, Limits::default());
            assert_no_internal_error(&outcome, what);
        }
    });
}

#[test]
fn a_sum_of_100_000_terms_does_not_crash() {
    in_child("a_sum_of_100_000_terms_does_not_crash", || {
        let src = format!("x = {}\nprint(x)", vec!["1"; 100_000].join("+"));
        let (outcome, _) = run_exact(&src, Limits::default());
        assert_no_internal_error(&outcome, "100 000 terms");
        if outcome.error.is_none() {
            assert_eq!(outcome.stdout, "100000\n");
        }
    });
}

#[test]
fn check_refuses_a_plan_nested_too_deeply_with_its_position() {
    in_child(
        "check_refuses_a_plan_nested_too_deeply_with_its_position",
        || {
            let src = format!("y = 1\nx = {}\n", vec!["1"; 100_000].join("+"));
            let found = bactrian_interpreter::check(&src, &[]);
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].kind, "SyntaxError");
            assert!(
                found[0].message.contains("nests too deeply"),
                "{}",
                found[0]
            );
            assert_eq!((found[0].line, found[0].col), (2, 5), "{}", found[0]);
            // Deep, but under the limit: runs.
            let src = format!("x = {}\nprint(x)", vec!["1"; 900].join("+"));
            let (outcome, _) = run_exact(&src, Limits::default());
            expect_ok(&outcome, "900 terms");
            assert_eq!(outcome.stdout, "900\n");
        },
    );
}

#[test]
fn the_sum_of_100_000_ones_is_fine_when_split_into_statements() {
    in_child(
        "the_sum_of_100_000_ones_is_fine_when_split_into_statements",
        || {
            let src = format!(
                "x = 0\n{}print(x)\n",
                "x = x + 1 + 1 + 1 + 1 + 1\n".repeat(2_000)
            );
            let (outcome, _) = run_exact(&src, Limits::default());
            expect_ok(&outcome, "2000 lines");
            assert_eq!(outcome.stdout, "10000\n");
        },
    );
}

#[test]
fn a_huge_integer_literal_is_a_clean_error() {
    in_child("a_huge_integer_literal_is_a_clean_error", || {
        // 100 000 digits is about 332 000 bits, over the default limit of 100 000: the
        // literal itself is over the limit, not only what is computed from it.
        // Refused before parsing (a SyntaxError) or as over the limit: either way by name.
        let src = format!("x = {}\ncount = 1", "9".repeat(100_000));
        let (outcome, _) = run_exact(&src, Limits::default());
        let e = outcome
            .error
            .clone()
            .expect("the literal is over the integer limit");
        assert!(
            ["SyntaxError", "LimitExceeded"].contains(&e.type_name.as_str()),
            "{}: {}",
            e.type_name,
            e.message
        );
        assert!(
            e.message.contains("digits") || e.message.contains("integer size"),
            "{}",
            e.message
        );
        assert!(
            outcome.variable("count").is_none(),
            "the plan ran past the literal"
        );
        // Just under the source limit: refused as promptly.
        let src = format!("x = {}", "9".repeat(900_000));
        let (outcome, _) = run_exact(&src, Limits::default());
        let e = outcome
            .error
            .expect("the literal is over the integer limit");
        assert!(
            ["SyntaxError", "LimitExceeded"].contains(&e.type_name.as_str()),
            "{}: {}",
            e.type_name,
            e.message
        );
    });
}

#[test]
fn a_huge_float_literal_is_infinity_and_a_huge_string_literal_is_fine() {
    in_child(
        "a_huge_float_literal_is_infinity_and_a_huge_string_literal_is_fine",
        || {
            let src = format!("x = {}.0\nprint(x)", "9".repeat(1_000));
            let (outcome, _) = run_exact(&src, Limits::default());
            expect_ok(&outcome, "a float literal of a thousand digits");
            assert_eq!(outcome.stdout, "inf\n");
            let src = format!("s = '{}'\nprint(len(s))", "a".repeat(500_000));
            let (outcome, _) = run_exact(&src, Limits::default());
            expect_ok(&outcome, "a 500 kB string literal");
            assert_eq!(outcome.stdout, "500000\n");
        },
    );
}

#[test]
fn a_value_nested_millions_deep_does_not_crash() {
    in_child("a_value_nested_millions_deep_does_not_crash", || {
        let src = "def f():\n    x = []\n    for i in range(3000000):\n        x = [x]\n    return 1\nr = f()\n";
        let limits = Limits {
            max_steps: 100_000_000,
            max_time: Duration::from_secs(600),
            ..Limits::default()
        };
        let (outcome, _) = run_exact(src, limits);
        assert_no_internal_error(&outcome, src);
    });
}

#[test]
fn every_kind_of_container_nested_deep_is_freed_without_crashing() {
    in_child(
        "every_kind_of_container_nested_deep_is_freed_without_crashing",
        || {
            let src = "def mk(g):\n    return lambda: g\ndef f():\n    t = ()\n    d = {}\n    g = None\n    s = []\n    for i in range(300000):\n        t = (t, 1)\n        d = {'a': d}\n        g = mk(g)\n        s = [1, {'k': (s,)}]\n    return 1\nr = f()\nprint(r)\n";
            let (outcome, _) = run_exact(src, Limits::default());
            expect_ok(&outcome, src);
            assert_eq!(outcome.stdout, "1\n");
        },
    );
}

#[test]
fn a_recursion_through_deep_expressions_is_a_recursion_error() {
    in_child(
        "a_recursion_through_deep_expressions_is_a_recursion_error",
        || {
            // Each call happens 900 operators deep, 990 calls deep: more stack than the
            // recursion limit alone accounts for.
            let src = format!(
                "def f(n):\n    if n == 0:\n        return 0\n    return f(n - 1) + {}\nprint(f(990))\n",
                vec!["1"; 900].join(" + ")
            );
            let (outcome, _) = run_exact(&src, Limits::default());
            assert_no_internal_error(&outcome, "990 calls 900 operators deep");
            if let Some(e) = &outcome.error {
                assert_eq!(e.type_name, "RecursionError", "{}", e.message);
            } else {
                assert_eq!(outcome.stdout, "891000\n");
            }
        },
    );
}

#[test]
fn the_label_of_a_value_nested_millions_deep_is_computed_without_crashing() {
    in_child(
        "the_label_of_a_value_nested_millions_deep_is_computed_without_crashing",
        || {
            let src = "def f():\n    x = []\n    for i in range(3000000):\n        x = [x]\n    y = x + x\n    b = x == x\n    return 1\nr = f()\n";
            let limits = Limits {
                max_steps: 100_000_000,
                max_time: Duration::from_secs(600),
                ..Limits::default()
            };
            let (outcome, _) = run_exact(src, limits);
            expect_ok(&outcome, src);
        },
    );
}

#[test]
fn a_value_nested_a_thousand_deep_is_fine() {
    in_child("a_value_nested_a_thousand_deep_is_fine", || {
        // CPython prints a list nested 990 deep, and raises RecursionError at 1000.
        let src = "x = []\nfor i in range(990):\n    x = [x]\ns = str(x)\nprint(len(s), x == x)\n";
        let (outcome, _) = run_exact(src, Limits::default());
        expect_ok(&outcome, src);
        assert_eq!(outcome.stdout, "1982 True\n");
        let deeper = src.replace("990", "1000");
        let (outcome, _) = run_exact(&deeper, Limits::default());
        assert_eq!(
            outcome.error.expect("too deep to print").type_name,
            "RecursionError"
        );
    });
}
