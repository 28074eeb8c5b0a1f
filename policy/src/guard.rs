//! Builtins whose result can dwarf their arguments, checked before they run.
//!
//! The time limit stops a policy between two steps, but one builtin call is one step:
//! `numbers.range(0, 1e9)` or `sprintf("%0999999999d", [1])` allocated gigabytes before the
//! clock was read again (issue #12). Each builtin here is replaced, through regorus'
//! extensions (looked up before its builtins), by a check of the size its result would
//! have, then a call of the real builtin. A call past a limit is an evaluation error, so
//! the call being judged is denied (fail closed) with a reason naming the builtin.
//!
//! The limits, documented in docs/policy.md ("Limits"), are far above what a policy on tool
//! calls needs. The other builtins build results at most a small multiple of their
//! arguments' size, which the time limit bounds.

use anyhow::{anyhow, bail, Result};
use regorus::unstable::{Expr, Ref, Span, BUILTINS};
use regorus::{Engine, Source, Value};

use crate::error::split_regorus_error;

/// Most elements a builtin may produce (`numbers.range`, `numbers.range_step`,
/// `net.cidr_expand`).
pub(crate) const MAX_ITEMS: u64 = 100_000;

/// Largest width or precision in a `sprintf` format (`%08d`, `%.3f`).
pub(crate) const MAX_WIDTH: u64 = 10_000;

/// Largest string a replacing builtin may produce, in bytes (`replace`,
/// `strings.replace_n`, `regex.replace`).
pub(crate) const MAX_STRING: u64 = 16 * 1024 * 1024;

/// Largest shift of `bits.lsh`, in bits.
pub(crate) const MAX_SHIFT: u64 = 65_536;

/// A check of a builtin's arguments, before it runs.
type Check = fn(&[Value]) -> Result<()>;

/// Most elements an array built by `array.concat`, or walked by `walk`, may have.
pub(crate) const MAX_ELEMENTS: f64 = 1_000_000.0;

/// The guarded builtins: name, number of arguments, check.
const GUARDED: [(&str, u8, Check); 16] = [
    ("numbers.range", 2, check_range),
    ("numbers.range_step", 3, check_range_step),
    ("net.cidr_expand", 1, check_cidr_expand),
    ("sprintf", 2, check_sprintf),
    ("replace", 3, check_replace),
    ("strings.replace_n", 2, check_replace_n),
    ("regex.replace", 3, check_regex_replace),
    ("bits.lsh", 2, check_lsh),
    ("graph.reachable_paths", 2, refuse_paths),
    // These write out or copy their arguments whole: a string doubled statement after
    // statement (`x2 := concat("", [x1, x1])`), or an array that holds the same array
    // twice, level after level, written out, would take exponential room.
    ("concat", 2, check_written),
    ("json.marshal", 1, check_written),
    ("json.marshal_with_options", 2, check_written),
    ("base64.encode", 1, check_written),
    ("base64url.encode", 1, check_written),
    ("array.concat", 2, check_array_concat),
    ("walk", 1, check_walk),
];

/// Puts the checked builtins in place of regorus' own on `engine`.
pub(crate) fn install(engine: &mut Engine) {
    for (name, nargs, check) in GUARDED {
        let guarded = move |args: Vec<Value>| -> Result<Value> {
            check(&args).map_err(|e| anyhow!("{name}: {e} (Bactrian's limit)"))?;
            call_builtin(name, &args)
        };
        // Fails only when the name is already an extension; the engine is fresh.
        let _ = engine.add_extension(name.to_string(), nargs, Box::new(guarded));
    }
}

/// Calls regorus' own builtin `name`. Its errors point into a one-word stand-in source
/// (the real call site is added by the caller), so only their message is kept.
fn call_builtin(name: &'static str, args: &[Value]) -> Result<Value> {
    let Some((builtin, _)) = BUILTINS.get(name) else {
        bail!("{name} is not available");
    };
    let source = Source::from_contents(name.to_string(), name.to_string())?;
    let span = Span {
        source,
        line: 1,
        col: 1,
        start: 0,
        end: u32::try_from(name.len()).unwrap_or(0),
    };
    let params: Vec<Ref<Expr>> = args
        .iter()
        .map(|_| {
            Ref::new(Expr::Null {
                span: span.clone(),
                value: Value::Null,
                eidx: 0,
            })
        })
        .collect();
    builtin(&span, &params, args, true).map_err(|e| {
        let (_, message) = split_regorus_error(&e.to_string());
        anyhow!("{}", message.lines().next().unwrap_or(""))
    })
}

/// A number argument as f64, when it is one.
fn number(v: Option<&Value>) -> Option<f64> {
    match v {
        Some(Value::Number(_)) => v.and_then(|v| v.as_f64().ok()),
        _ => None,
    }
}

fn string(v: Option<&Value>) -> Option<&str> {
    match v {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}

fn at_most(what: &str, n: f64, limit: u64) -> Result<()> {
    // NaN and infinities fail the comparison too.
    if n.is_finite() && n <= limit as f64 {
        Ok(())
    } else {
        bail!("{what} would be {n}, more than {limit}")
    }
}

fn check_range(args: &[Value]) -> Result<()> {
    match (number(args.first()), number(args.get(1))) {
        (Some(from), Some(to)) => {
            at_most("the number of elements", (to - from).abs() + 1.0, MAX_ITEMS)
        }
        // Not numbers: the builtin says so.
        _ => Ok(()),
    }
}

fn check_range_step(args: &[Value]) -> Result<()> {
    match (
        number(args.first()),
        number(args.get(1)),
        number(args.get(2)),
    ) {
        (Some(from), Some(to), Some(step)) if step > 0.0 => at_most(
            "the number of elements",
            ((to - from).abs() / step).floor() + 1.0,
            MAX_ITEMS,
        ),
        _ => Ok(()),
    }
}

fn check_cidr_expand(args: &[Value]) -> Result<()> {
    let Some((addr, prefix)) = string(args.first()).and_then(|c| c.split_once('/')) else {
        return Ok(());
    };
    let Ok(prefix) = prefix.trim().parse::<u32>() else {
        return Ok(());
    };
    let bits: u32 = if addr.contains(':') { 128 } else { 32 };
    let host_bits = bits.saturating_sub(prefix);
    at_most(
        "the number of addresses",
        2f64.powi(host_bits.min(1024) as i32),
        MAX_ITEMS,
    )
}

/// Widths and precisions must be ASCII digits (regorus panics on other numerals, such
/// as `%²d`) and at most [`MAX_WIDTH`].
fn check_sprintf(args: &[Value]) -> Result<()> {
    check_written(args)?;
    let Some(format) = string(args.first()) else {
        return Ok(());
    };
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            continue;
        }
        let mut digits = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_numeric() && !c.is_ascii_digit() {
                bail!("the width {c:?} in the format is not an ASCII digit");
            }
            if c.is_ascii_digit() {
                digits.push(c);
            } else if "+-# .".contains(c) {
                at_most("a width or precision", width(&digits), MAX_WIDTH)?;
                digits.clear();
            } else {
                break;
            }
            chars.next();
        }
        at_most("a width or precision", width(&digits), MAX_WIDTH)?;
    }
    Ok(())
}

/// A run of ASCII digits as a number (a run too long for a u64 is infinite).
fn width(digits: &str) -> f64 {
    if digits.is_empty() {
        return 0.0;
    }
    digits.parse::<u64>().map_or(f64::INFINITY, |w| w as f64)
}

/// An upper bound on the length of `s` with every `old` replaced by `new`.
fn replaced_len(s: &str, old: &str, new: &str) -> f64 {
    let matches = if old.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(old).count()
    };
    s.len() as f64 + matches as f64 * new.len() as f64
}

fn check_replace(args: &[Value]) -> Result<()> {
    match (
        string(args.first()),
        string(args.get(1)),
        string(args.get(2)),
    ) {
        (Some(s), Some(old), Some(new)) => {
            at_most("the result's length", replaced_len(s, old, new), MAX_STRING)
        }
        _ => Ok(()),
    }
}

fn check_replace_n(args: &[Value]) -> Result<()> {
    let (Some(Value::Object(patterns)), Some(s)) = (args.first(), string(args.get(1))) else {
        return Ok(());
    };
    let mut len = s.len() as f64;
    for (old, new) in patterns.iter() {
        if let (Some(old), Some(new)) = (string(Some(old)), string(Some(new))) {
            len += replaced_len(s, old, new) - s.len() as f64;
        }
    }
    at_most("the result's length", len, MAX_STRING)
}

fn check_regex_replace(args: &[Value]) -> Result<()> {
    let (Some(s), Some(template)) = (string(args.first()), string(args.get(2))) else {
        return Ok(());
    };
    // Every match (at most one per character, and one at the end) becomes the template.
    // Matches do not overlap, so each `$` reference in it copies at most the whole string
    // over all the matches together.
    let matches = s.chars().count() as f64 + 1.0;
    let references = template.matches('$').count() as f64;
    at_most(
        "the result's length",
        s.len() as f64 * (1.0 + references) + matches * template.len() as f64,
        MAX_STRING,
    )
}

/// The size of a value written out as JSON, about: the bytes of its strings and a few for
/// everything else, counting a part that appears several times (`[x, x]`) each time, in
/// time linear in its distinct parts.
pub(crate) struct Written {
    pub(crate) bytes: f64,
    pub(crate) elements: f64,
}

/// The address of a shared part, as a memo key.
fn ptr<T>(rc: &regorus::Rc<T>) -> usize {
    regorus::Rc::as_ptr(rc) as usize
}

/// The written size of `value`; shared parts are measured once (memo by address).
pub(crate) fn written(value: &Value) -> Written {
    fn measure(
        v: &Value,
        memo: &mut std::collections::HashMap<usize, (f64, f64)>,
        depth: usize,
    ) -> (f64, f64) {
        // Deeper than any document: as good as infinite (and no deep recursion here).
        if depth > 1_000 {
            return (f64::INFINITY, f64::INFINITY);
        }
        let key = match v {
            Value::Array(a) => ptr(a),
            Value::Set(s) => ptr(s),
            Value::Object(o) => ptr(o),
            Value::String(s) => return (s.len() as f64 + 2.0, 1.0),
            _ => return (8.0, 1.0),
        };
        if let Some(known) = memo.get(&key) {
            return *known;
        }
        let mut total = (2.0, 1.0);
        let mut add = |(b, e): (f64, f64)| {
            total.0 += b + 1.0;
            total.1 += e;
        };
        match v {
            Value::Array(items) => items.iter().for_each(|i| add(measure(i, memo, depth + 1))),
            Value::Set(items) => items.iter().for_each(|i| add(measure(i, memo, depth + 1))),
            Value::Object(fields) => fields.iter().for_each(|(k, v)| {
                add(measure(k, memo, depth + 1));
                add(measure(v, memo, depth + 1));
            }),
            _ => {}
        }
        memo.insert(key, total);
        total
    }
    let (bytes, elements) = measure(value, &mut std::collections::HashMap::new(), 0);
    Written { bytes, elements }
}

/// The arguments, written out, fit in [`MAX_STRING`].
fn check_written(args: &[Value]) -> Result<()> {
    let bytes: f64 = args.iter().map(|a| written(a).bytes).sum();
    at_most("the size of the arguments written out", bytes, MAX_STRING)
}

fn check_array_concat(args: &[Value]) -> Result<()> {
    let len = |v: Option<&Value>| match v {
        Some(Value::Array(items)) => items.len() as f64,
        _ => 0.0,
    };
    at_most(
        "the number of elements",
        len(args.first()) + len(args.get(1)),
        MAX_ELEMENTS as u64,
    )
}

fn check_walk(args: &[Value]) -> Result<()> {
    let elements = args.first().map_or(0.0, |v| written(v).elements);
    at_most("the number of values walked", elements, MAX_ELEMENTS as u64)
}

/// A graph of 50 nodes (24 diamonds in a row) has 2^24 paths; counting them first would
/// cost as much as listing them.
fn refuse_paths(_: &[Value]) -> Result<()> {
    bail!(
        "not available: the number of paths grows exponentially with the graph \
         (use graph.reachable for the nodes)"
    )
}

fn check_lsh(args: &[Value]) -> Result<()> {
    match number(args.get(1)) {
        Some(shift) => at_most("the shift", shift, MAX_SHIFT),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(rego: &str) -> std::result::Result<Value, String> {
        let mut engine = crate::rego::new_engine();
        engine
            .add_policy("t.rego".into(), format!("package t\n\nx := {rego}\n"))
            .map_err(|e| e.to_string())?;
        engine
            .eval_rule("data.t.x".into())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn guarded_builtins_still_work_within_the_limits() {
        assert_eq!(
            eval("numbers.range(1, 3)").unwrap(),
            Value::from_json_str("[1, 2, 3]").unwrap()
        );
        assert_eq!(
            eval("numbers.range_step(0, 10, 5)").unwrap(),
            Value::from_json_str("[0, 5, 10]").unwrap()
        );
        assert_eq!(
            eval(r#"sprintf("%05d|%.2f|%%", [42, 1.5])"#).unwrap(),
            Value::from("00042|1.50|%")
        );
        assert_eq!(
            eval(r#"replace("a-b", "-", "+")"#).unwrap(),
            Value::from("a+b")
        );
        assert_eq!(
            eval(r#"strings.replace_n({"a": "b"}, "aa")"#).unwrap(),
            Value::from("bb")
        );
        assert_eq!(
            eval(r#"regex.replace("abc", "b", "[$0]")"#).unwrap(),
            Value::from("a[b]c")
        );
        // Back references on a 10,000-character string: far within the bound.
        assert_eq!(
            eval(r#"count(regex.replace(sprintf("%010000d", [0]), "(0)", "$1"))"#).unwrap(),
            Value::from(10_000u64)
        );
        assert_eq!(
            eval(r#"count(net.cidr_expand("10.0.0.0/30"))"#).unwrap(),
            Value::from(4u64)
        );
        assert_eq!(eval("bits.lsh(1, 10)").unwrap(), Value::from(1024u64));
    }

    #[test]
    fn calls_past_the_limits_are_errors_naming_the_builtin() {
        for (call, says) in [
            (
                "numbers.range(0, 1e9)",
                "numbers.range: the number of elements",
            ),
            (
                "numbers.range_step(0, 1e12, 2)",
                "numbers.range_step: the number of elements",
            ),
            (
                r#"net.cidr_expand("::/0")"#,
                "net.cidr_expand: the number of addresses",
            ),
            (
                r#"sprintf("%0999999999d", [1])"#,
                "sprintf: a width or precision",
            ),
            (
                r#"sprintf("%.99999999999999999999f", [1])"#,
                "sprintf: a width or precision",
            ),
            (r#"sprintf("%²d", [1])"#, "not an ASCII digit"),
            (
                r#"replace(sprintf("%05000d", [0]), "", sprintf("%05000d", [0]))"#,
                "replace: the result's length",
            ),
            ("bits.lsh(1, 4e9)", "bits.lsh: the shift"),
            (
                r#"graph.reachable_paths({"a": ["b"]}, {"a"})"#,
                "graph.reachable_paths: not available",
            ),
        ] {
            let err = eval(call).expect_err(call);
            assert!(err.contains(says), "{call}: {err}");
        }
    }

    #[test]
    fn a_shared_value_is_measured_once_but_counted_each_time() {
        let mut v = Value::from("ab");
        for _ in 0..60 {
            v = Value::from(vec![v.clone(), v.clone()]);
        }
        let size = written(&v);
        assert!(
            size.bytes > 2f64.powi(61) && size.bytes.is_finite(),
            "{}",
            size.bytes
        );
        assert!(size.elements > 2f64.powi(60), "{}", size.elements);
    }

    #[test]
    fn the_builtins_own_errors_come_through() {
        let err = eval(r#"numbers.range("a", 2)"#).unwrap_err();
        assert!(err.contains("numbers.range"), "{err}");
    }
}
