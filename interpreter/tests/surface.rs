//! The language as published by `bactrian_interpreter::language()` (what the planner's prompt
//! is made from) is the language the interpreter runs: every builtin it lists resolves, every
//! method it lists is there on a value of its type, every construct it lists as supported
//! runs, and every name and construct it lists as refused is refused, with its reason.

use bactrian_interpreter::{check, language, Config, Interpreter};

/// Runs `plan` with no tools; the error's type and message, if it raised.
fn run(plan: &str) -> Option<(String, String)> {
    Interpreter::new(Config::default())
        .run("plan.py", plan)
        .error
        .map(|e| (e.type_name, e.message))
}

#[test]
fn every_listed_builtin_resolves() {
    let l = language();
    assert!(l.functions.contains(&"print") && l.functions.contains(&"sorted"));
    assert!(l.types.contains(&"BaseModel") && l.exceptions.contains(&"ValueError"));
    let names = l.functions.iter().chain(&l.types).chain(&l.exceptions);
    for name in names {
        let plan = format!("x = {name}\nassert callable(x)\nprint(x.__name__)\n");
        assert!(check(&plan, &[]).is_empty(), "{name} is refused");
        assert_eq!(run(&plan), None, "{name} does not resolve to a callable");
    }
}

#[test]
fn no_refused_name_is_listed_as_a_builtin() {
    let l = language();
    for r in &l.refused_names {
        assert!(
            !l.functions.contains(&r.name) && !l.types.contains(&r.name),
            "{} is both refused and listed",
            r.name
        );
    }
}

/// A value of each type that has methods, as a plan writes it.
fn receiver(type_name: &str) -> &'static str {
    match type_name {
        "str" => "'a,b'",
        "list" => "[3, 1, 2]",
        "dict" => "{'a': 1}",
        "set" => "{1, 2}",
        "frozenset" => "frozenset({1, 2})",
        "tuple" => "(1, 2)",
        "int" => "5",
        "float" => "2.5",
        "BaseModel" => "M()",
        other => panic!("no receiver for {other}: add one to tests/surface.rs"),
    }
}

#[test]
fn every_listed_method_is_there() {
    let l = language();
    let mut count = 0;
    for t in &l.methods {
        assert!(!t.methods.is_empty(), "{} lists no methods", t.type_name);
        for m in &t.methods {
            let value = receiver(t.type_name);
            // The attribute reads as a bound method, and a call reaches the method: with
            // no arguments it may be a TypeError (missing arguments), never an
            // AttributeError.
            let plan = format!(
                "class M(BaseModel):\n    x: int = 1\nv = {value}\nf = v.{m}\nassert callable(f)\ntry:\n    v.{m}()\nexcept AttributeError:\n    raise\nexcept Exception:\n    pass\n"
            );
            assert!(
                check(&plan, &[]).is_empty(),
                "{}.{m} is refused",
                t.type_name
            );
            assert_eq!(run(&plan), None, "{}.{m} is not there", t.type_name);
            count += 1;
        }
        for m in &t.class_methods {
            let plan = format!(
                "f = {0}.{m}\nassert callable(f)\ntry:\n    {0}.{m}()\nexcept AttributeError:\n    raise\nexcept Exception:\n    pass\n",
                t.type_name
            );
            assert_eq!(run(&plan), None, "{}.{m} is not there", t.type_name);
            count += 1;
        }
    }
    assert!(count > 80, "only {count} methods listed");
}

#[test]
fn listed_methods_do_what_they_say() {
    // A few real calls, so that "there" also means "works".
    let plan = "assert 'a,b'.split(',') == ['a', 'b']\n\
                assert dict.fromkeys('ab', 0) == {'a': 0, 'b': 0}\n\
                assert 'ab'.translate(str.maketrans('a', 'x')) == 'xb'\n\
                assert (5).bit_length() == 3 and (2.0).is_integer()\n\
                assert frozenset({1}).union({2}) == {1, 2}\n";
    assert_eq!(run(plan), None);
}

#[test]
fn an_unlisted_method_is_an_attribute_error() {
    for (value, method) in [("'a'", "decode"), ("[1]", "find"), ("5", "to_bytes")] {
        let plan = format!("v = {value}\nv.{method}()\n");
        assert_eq!(
            run(&plan).map(|(t, _)| t),
            Some("AttributeError".to_string()),
            "{value}.{method}"
        );
    }
}

#[test]
fn every_refused_name_is_refused_with_its_reason() {
    let l = language();
    assert!(l.refused_names.iter().any(|r| r.name == "eval"));
    for r in &l.refused_names {
        let found = check(&format!("x = {}\n", r.name), &[]);
        assert!(
            found
                .iter()
                .any(|d| d.kind == "UnsupportedSyntax" && d.message.contains(r.reason)),
            "{} is not refused with {:?}: {found:?}",
            r.name,
            r.reason
        );
    }
}

#[test]
fn every_refused_construct_is_refused_with_its_reason() {
    let l = language();
    assert!(l.refused_constructs.len() >= 15);
    for r in &l.refused_constructs {
        let found = check(r.example, &["web_search".to_string()]);
        assert!(
            found
                .iter()
                .any(|d| d.kind == "UnsupportedSyntax" && d.message.contains(r.reason)),
            "{} ({:?}) is not refused with {:?}: {found:?}",
            r.construct,
            r.example,
            r.reason
        );
        // A run refuses it too (the tool's name aside: no tool here).
        if !check(r.example, &[]).is_empty() {
            let outcome = run(r.example).map(|(t, _)| t);
            assert_eq!(
                outcome.as_deref(),
                Some("UnsupportedSyntax"),
                "{}",
                r.example
            );
        }
    }
}

#[test]
fn every_supported_construct_runs() {
    let l = language();
    for s in &l.supported {
        assert!(
            check(s.example, &[]).is_empty(),
            "{} is refused",
            s.construct
        );
        assert_eq!(run(s.example), None, "{}: {:?}", s.construct, s.example);
    }
}
