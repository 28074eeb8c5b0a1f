//! Methods of str, list, dict, set and tuple. Mutating methods keep each inserted value's
//! label on the element and join the control context (and any key) into the shape.

use crate::builtins::{arity, take_kwarg};
use crate::error::{err, exception, Eval};
use crate::eval::{Kwargs, Machine};
use crate::ops;
use crate::unicode;
use crate::value::*;
use bactrian_provenance::Label;
use num_traits::Signed;
use std::rc::Rc;
use std::sync::Arc;

const STR_METHODS: &[&str] = &[
    "lower",
    "upper",
    "strip",
    "lstrip",
    "rstrip",
    "split",
    "rsplit",
    "join",
    "replace",
    "find",
    "rfind",
    "index",
    "rindex",
    "count",
    "startswith",
    "endswith",
    "title",
    "capitalize",
    "swapcase",
    "isdigit",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "isnumeric",
    "isdecimal",
    "istitle",
    "zfill",
    "center",
    "ljust",
    "rjust",
    "partition",
    "rpartition",
    "splitlines",
    "format",
    "format_map",
    "casefold",
    "removeprefix",
    "removesuffix",
    "expandtabs",
    "isidentifier",
    "isprintable",
    "isascii",
    "translate",
    "maketrans",
];
/// The `start` and `end` of `find`, `count` and `startswith` as character positions, as
/// CPython adjusts them: negative ones count from the end, `end` stops at the length, and a
/// `start` past the length stays there (nothing is found).
fn slice_range(len: usize, start: Option<&Value>, end: Option<&Value>) -> Eval<(usize, usize)> {
    let len = len as i64;
    let index = |v: Option<&Value>, default: i64| -> Eval<i64> {
        match v.map(|v| &v.data) {
            None | Some(Data::None) => Ok(default),
            Some(Data::Int(i)) => Ok(*i),
            Some(Data::Bool(b)) => Ok(*b as i64),
            Some(Data::BigInt(b)) => Ok(if num_traits::Signed::is_negative(&**b) {
                i64::MIN
            } else {
                i64::MAX
            }),
            Some(_) => err(
                ExcKind::TypeError,
                "slice indices must be integers or None or have an __index__ method",
            ),
        }
    };
    let adjust = |i: i64| {
        if i < 0 {
            i.saturating_add(len).max(0)
        } else {
            i
        }
    };
    let start = adjust(index(start, 0)?);
    let end = adjust(index(end, len)?).min(len);
    Ok((start as usize, end as usize))
}

/// A type as CPython's argument checks name it in "must be str, not ..." (`None` for None).
pub(crate) fn clinic_type_name(data: &Data) -> String {
    match data {
        Data::None => "None".into(),
        other => other.type_name(),
    }
}

/// The str methods that take no arguments.
const NO_ARGUMENT_STR_METHODS: &[&str] = &[
    "lower",
    "upper",
    "casefold",
    "swapcase",
    "title",
    "capitalize",
    "isdigit",
    "isdecimal",
    "isnumeric",
    "isalpha",
    "isalnum",
    "isspace",
    "isascii",
    "isupper",
    "islower",
    "istitle",
    "isidentifier",
    "isprintable",
];

/// CPython's message for a method of one positional argument (`str.zfill(width)`).
fn one_argument(name: &str, args: &[Value]) -> Eval<()> {
    if args.len() != 1 {
        return err(
            ExcKind::TypeError,
            format!(
                "str.{name}() takes exactly one argument ({} given)",
                args.len()
            ),
        );
    }
    Ok(())
}

/// CPython's message for a method with a range of positional arguments, in the
/// `center expected at least 1 argument, got 0` form.
fn expected_arguments(name: &str, args: &[Value], min: usize, max: usize) -> Eval<()> {
    let (bound, n) = if args.len() < min {
        ("least", min)
    } else if args.len() > max {
        ("most", max)
    } else {
        return Ok(());
    };
    let plural = if n == 1 { "" } else { "s" };
    err(
        ExcKind::TypeError,
        format!(
            "{name} expected at {bound} {n} argument{plural}, got {}",
            args.len()
        ),
    )
}

const LIST_METHODS: &[&str] = &[
    "append", "extend", "insert", "remove", "pop", "index", "count", "sort", "reverse", "copy",
    "clear",
];
const DICT_METHODS: &[&str] = &[
    "get",
    "keys",
    "values",
    "items",
    "pop",
    "popitem",
    "setdefault",
    "update",
    "copy",
    "clear",
];
const SET_METHODS: &[&str] = &[
    "add",
    "discard",
    "remove",
    "pop",
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
    "issubset",
    "issuperset",
    "isdisjoint",
    "copy",
    "clear",
    "update",
    "intersection_update",
    "difference_update",
    "symmetric_difference_update",
];
const TUPLE_METHODS: &[&str] = &["index", "count"];

/// Whether the builtin type `t` has a method called `name` (`str.lower`).
pub fn type_has_method(t: TypeKind, name: &str) -> bool {
    let table: &[&str] = match t {
        TypeKind::Str => STR_METHODS,
        TypeKind::List => LIST_METHODS,
        TypeKind::Dict => DICT_METHODS,
        TypeKind::Set => SET_METHODS,
        TypeKind::Tuple => TUPLE_METHODS,
        _ => &[],
    };
    table.contains(&name)
}

/// Whether `data` has a method called `name`.
pub fn has_method(data: &Data, name: &str) -> bool {
    let table: &[&str] = match data {
        Data::Str(_) => STR_METHODS,
        Data::List(_) => LIST_METHODS,
        Data::Dict(_) => DICT_METHODS,
        Data::Set(_) => SET_METHODS,
        Data::Tuple(_) => TUPLE_METHODS,
        Data::Instance(_) => &["model_dump", "dict"],
        Data::Int(_) | Data::BigInt(_) => &["bit_length", "to_bytes_unsupported"],
        Data::Float(_) => &["is_integer"],
        _ => &[],
    };
    table.contains(&name)
}

impl Machine<'_> {
    fn str_arg(&mut self, v: &Value, method: &str) -> Eval<Rc<str>> {
        match &v.data {
            Data::Str(s) => Ok(s.clone()),
            other => Err(self.type_error(
                format!(
                    "{method}() argument must be str, not {}",
                    clinic_type_name(other)
                ),
                &[v],
            )),
        }
    }

    /// A start or stop of `find`, `index`, `count`...: like a slice bound, an int of any size
    /// (beyond 64 bits it is clamped, as CPython clamps it to the sequence).
    fn slice_bound(&mut self, v: Option<&Value>) -> Eval<Option<i64>> {
        match v.map(|v| &v.data) {
            Some(Data::BigInt(b)) => Ok(Some(if b.is_negative() { i64::MIN } else { i64::MAX })),
            _ => self.opt_int(v),
        }
    }

    fn opt_int(&mut self, v: Option<&Value>) -> Eval<Option<i64>> {
        match v.map(|v| &v.data) {
            None | Some(Data::None) => Ok(None),
            Some(Data::Int(i)) => Ok(Some(*i)),
            Some(Data::Bool(b)) => Ok(Some(*b as i64)),
            Some(Data::BigInt(_)) => err(
                ExcKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            ),
            Some(other) => Err(self.type_error(
                format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                ),
                &[],
            )),
        }
    }

    /// Calls `receiver.name(args...)`.
    /// A method called through its type: `dict.fromkeys(keys)` (a class method), or
    /// `str.upper(s)` and `dict.get(d, k)`, where the first argument is the receiver.
    fn call_through_type(
        &mut self,
        t: TypeKind,
        ty: &Value,
        name: &Rc<str>,
        args: Vec<Value>,
        kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        if let (TypeKind::Dict, "fromkeys") = (t, &**name) {
            return self.dict_fromkeys(ty, args, kwargs, text);
        }
        if let (TypeKind::Str, "maketrans") = (t, &**name) {
            return self.maketrans(args, kwargs, text);
        }
        if !type_has_method(t, name) {
            return Err(exception(
                ExcKind::AttributeError,
                format!("type object '{}' has no attribute '{name}'", t.name()),
                Label::PROGRAM,
            ));
        }
        let mut args = args.into_iter();
        let Some(receiver) = args.next() else {
            return err(
                ExcKind::TypeError,
                format!("unbound method {}.{name}() needs an argument", t.name()),
            );
        };
        let kind = receiver.data.type_kind();
        let fits = kind == t || (t == TypeKind::Set && kind == TypeKind::FrozenSet);
        if !fits {
            return Err(self.type_error(
                format!(
                    "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
                    t.name(),
                    receiver.data.type_name()
                ),
                &[&receiver],
            ));
        }
        self.call_method(&receiver, name, args.collect(), kwargs, text)
    }

    /// `dict.fromkeys(keys, value=None)`: keys in first-seen order, each mapped to `value`.
    fn dict_fromkeys(
        &mut self,
        ty: &Value,
        args: Vec<Value>,
        kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        if let Some((k, _)) = kwargs.first() {
            return err(
                ExcKind::TypeError,
                format!("dict.fromkeys() takes no keyword arguments (got '{k}')"),
            );
        }
        if args.is_empty() || args.len() > 2 {
            return err(
                ExcKind::TypeError,
                format!("fromkeys expected at most 2 arguments, got {}", args.len()),
            );
        }
        let value = args.get(1).cloned().unwrap_or_else(Value::none);
        let keys = self.collect_items(&args[0])?;
        let mut items = Vec::with_capacity(keys.len());
        for k in keys {
            items.push(self.new_tuple_plain(vec![k, value.clone()]));
        }
        // The number of entries is decided by the keys' iterable.
        let shape = self.shape_label(&args[0]);
        let pairs = self.new_list(items, shape, args[0].node);
        self.call_value(
            &Value::program(ty.data.clone()),
            vec![pairs],
            Vec::new(),
            text,
        )
    }

    pub fn call_method(
        &mut self,
        receiver: &Value,
        name: &Rc<str>,
        args: Vec<Value>,
        kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        self.tick()?;
        if let Data::Type(t) = &receiver.data {
            return self.call_through_type(*t, receiver, name, args, kwargs, text);
        }
        // A step over a large string can take long: read the clock before it.
        if let Data::Str(s) = &receiver.data {
            if s.len() > 1 << 16 {
                self.check_time()?;
            }
        }
        match &receiver.data {
            Data::Str(s) => {
                let s = s.clone();
                self.str_method(receiver, &s, name, args, kwargs, text)
            }
            Data::List(_) => self.list_method(receiver, name, args, kwargs, text),
            Data::Dict(_) => self.dict_method(receiver, name, args, kwargs, text),
            Data::Set(_) => self.set_method(receiver, name, args, kwargs, text),
            Data::Tuple(t) if TUPLE_METHODS.contains(&&**name) => {
                let items = t.items.clone();
                self.seq_search(receiver, &items, name, args, text)
            }
            Data::Instance(i) if matches!(&**name, "model_dump" | "dict") => {
                let fields: Vec<(Rc<str>, Value)> = i
                    .borrow()
                    .fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let shape = i.borrow().shape;
                let pairs = fields
                    .into_iter()
                    .map(|(k, v)| (Value::program(Data::Str(k)), v))
                    .collect();
                let d = self.dict_from_pairs(pairs)?;
                self.taint_shape(&d, shape, NO_NODE);
                Ok(d)
            }
            Data::Int(i) if &**name == "bit_length" => {
                let bits = 64 - i.unsigned_abs().leading_zeros();
                Ok(self.derive(Data::Int(bits as i64), &[receiver], text))
            }
            Data::BigInt(b) if &**name == "bit_length" => {
                let bits = b.bits();
                Ok(self.derive(Data::Int(bits as i64), &[receiver], text))
            }
            Data::Float(f) if &**name == "is_integer" => {
                let r = f.is_finite() && f.fract() == 0.0;
                Ok(self.derive(Data::Bool(r), &[receiver], text))
            }
            Data::Instance(_) | Data::Exception(_) => {
                let f = self.get_attr(receiver, name, text)?;
                self.call_value(&f, args, kwargs, text)
            }
            other => Err(exception(
                ExcKind::AttributeError,
                format!("'{}' object has no attribute '{name}'", other.type_name()),
                Label::PROGRAM,
            )),
        }
    }

    fn new_str(&mut self, s: String, inputs: &[&Value], text: &Arc<str>) -> Eval<Value> {
        self.check_str_len(s.len())?;
        Ok(self.derive(Data::Str(Rc::from(s)), inputs, text))
    }

    #[allow(clippy::too_many_arguments)]
    fn str_method(
        &mut self,
        recv: &Value,
        s: &str,
        name: &str,
        args: Vec<Value>,
        mut kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        if name == "maketrans" {
            return self.maketrans(args, kwargs, text);
        }
        if name == "format" || name == "format_map" {
            return self.str_format(recv, s, args, kwargs, text, name == "format_map");
        }
        if NO_ARGUMENT_STR_METHODS.contains(&name) {
            if !kwargs.is_empty() {
                return err(
                    ExcKind::TypeError,
                    format!("str.{name}() takes no keyword arguments"),
                );
            }
            if !args.is_empty() {
                return err(
                    ExcKind::TypeError,
                    format!("str.{name}() takes no arguments ({} given)", args.len()),
                );
            }
        }
        let inputs: Vec<Value> = std::iter::once(recv.clone())
            .chain(args.iter().cloned())
            .collect();
        let refs: Vec<&Value> = inputs.iter().collect();
        macro_rules! string {
            ($e:expr) => {{
                let out: String = $e;
                return self.new_str(out, &refs, text);
            }};
        }
        macro_rules! boolean {
            ($e:expr) => {{
                let b: bool = $e;
                return Ok(self.derive(Data::Bool(b), &refs, text));
            }};
        }
        match name {
            "lower" => string!(s.to_lowercase()),
            "casefold" => string!(unicode::casefold(s)),
            "upper" => string!(s.to_uppercase()),
            "swapcase" => string!(unicode::swapcase(s)),
            "title" => string!(unicode::title(s)),
            "capitalize" => string!(unicode::capitalize(s)),
            "strip" | "lstrip" | "rstrip" => {
                if args.len() > 1 {
                    return err(
                        ExcKind::TypeError,
                        format!("{name} expected at most 1 argument, got {}", args.len()),
                    );
                }
                let chars: Option<Vec<char>> = match args.first().map(|a| &a.data) {
                    None | Some(Data::None) => None,
                    Some(Data::Str(c)) => Some(c.chars().collect()),
                    Some(_) => {
                        return Err(self.type_error(format!("{name} arg must be None or str"), &[]))
                    }
                };
                let pred = |c: char| match &chars {
                    Some(set) => set.contains(&c),
                    None => unicode::is_space(c),
                };
                string!(match name {
                    "strip" => s.trim_matches(pred).to_string(),
                    "lstrip" => s.trim_start_matches(pred).to_string(),
                    _ => s.trim_end_matches(pred).to_string(),
                })
            }
            "split" | "rsplit" => {
                if args.len() > 2 {
                    return err(
                        ExcKind::TypeError,
                        format!("{name}() takes at most 2 arguments ({} given)", args.len()),
                    );
                }
                let sep = take_kwarg(&mut kwargs, "sep").or_else(|| args.first().cloned());
                let maxsplit = take_kwarg(&mut kwargs, "maxsplit").or_else(|| args.get(1).cloned());
                let max = self
                    .opt_int(maxsplit.as_ref())?
                    .filter(|m| *m >= 0)
                    .map(|m| m as usize);
                let parts: Vec<String> = match sep.as_ref().map(|v| &v.data) {
                    None | Some(Data::None) => split_whitespace(s, max, name == "rsplit"),
                    Some(Data::Str(sep)) => {
                        if sep.is_empty() {
                            return err(ExcKind::ValueError, "empty separator");
                        }
                        match (max, name) {
                            (None, _) => s.split(&**sep).map(String::from).collect(),
                            (Some(m), "split") => {
                                s.splitn(m + 1, &**sep).map(String::from).collect()
                            }
                            (Some(m), _) => {
                                let mut v: Vec<String> =
                                    s.rsplitn(m + 1, &**sep).map(String::from).collect();
                                v.reverse();
                                v
                            }
                        }
                    }
                    Some(other) => {
                        return Err(self.type_error(
                            format!("must be str or None, not {}", other.type_name()),
                            &[],
                        ))
                    }
                };
                self.check_len(parts.len())?;
                let label = {
                    let mut l = Label::PROGRAM;
                    for r in &refs {
                        let fl = self.full_label(r);
                        l = self.labels.join(l, fl);
                    }
                    l
                };
                let nodes: Vec<u32> = refs.iter().map(|r| r.node).collect();
                let items: Vec<Value> = parts
                    .into_iter()
                    .map(|p| self.derive_with(Data::Str(Rc::from(p)), label, &nodes, text))
                    .collect();
                let node = items.first().map(|v| v.node).unwrap_or(NO_NODE);
                Ok(self.new_list(items, label, node))
            }
            "splitlines" => {
                let keep = take_kwarg(&mut kwargs, "keepends")
                    .or_else(|| args.first().cloned())
                    .map(|v| ops::truthy(&v.data))
                    .unwrap_or(false);
                let mut parts = Vec::new();
                let mut cur = String::new();
                let mut chars = s.chars().peekable();
                while let Some(c) = chars.next() {
                    if matches!(
                        c,
                        '\n' | '\r'
                            | '\x0b'
                            | '\x0c'
                            | '\x1c'
                            | '\x1d'
                            | '\x1e'
                            | '\u{85}'
                            | '\u{2028}'
                            | '\u{2029}'
                    ) {
                        if keep {
                            cur.push(c);
                        }
                        if c == '\r' && chars.peek() == Some(&'\n') {
                            chars.next();
                            if keep {
                                cur.push('\n');
                            }
                        }
                        parts.push(std::mem::take(&mut cur));
                    } else {
                        cur.push(c);
                    }
                }
                if !cur.is_empty() {
                    parts.push(cur);
                }
                let label = self.full_label(recv);
                let items: Vec<Value> = parts
                    .into_iter()
                    .map(|p| self.derive_with(Data::Str(Rc::from(p)), label, &[recv.node], text))
                    .collect();
                Ok(self.new_list(items, label, recv.node))
            }
            "join" => {
                one_argument(name, &args)?;
                if matches!(
                    args[0].data,
                    Data::None | Data::Bool(_) | Data::Int(_) | Data::BigInt(_) | Data::Float(_)
                ) {
                    return Err(self.type_error("can only join an iterable".into(), &[]));
                }
                let items = self.collect_items(&args[0])?;
                let shape = self.shape_label(&args[0]);
                let mut out = String::new();
                let mut label = self.labels.join(recv.label, shape);
                let mut nodes = vec![recv.node, self.shape_node(&args[0])];
                for (i, item) in items.iter().enumerate() {
                    let Data::Str(part) = &item.data else {
                        return Err(self.type_error(
                            format!(
                                "sequence item {i}: expected str instance, {} found",
                                item.data.type_name()
                            ),
                            &[],
                        ));
                    };
                    if i > 0 {
                        out.push_str(s);
                    }
                    out.push_str(part);
                    if out.len() as u64 > self.limits.max_str_len {
                        self.check_str_len(out.len())?;
                    }
                    label = self.labels.join(label, item.label);
                    if item.node != NO_NODE && nodes.len() < 16 {
                        nodes.push(item.node);
                    }
                }
                self.check_str_len(out.len())?;
                Ok(self.derive_with(Data::Str(Rc::from(out)), label, &nodes, text))
            }
            "replace" => {
                expected_arguments(name, &args, 2, 3)?;
                let mut strs = Vec::with_capacity(2);
                for (i, arg) in args[..2].iter().enumerate() {
                    match &arg.data {
                        Data::Str(a) => strs.push(a.clone()),
                        other => {
                            return err(
                                ExcKind::TypeError,
                                format!(
                                    "replace() argument {} must be str, not {}",
                                    i + 1,
                                    clinic_type_name(other)
                                ),
                            )
                        }
                    }
                }
                let (old, new) = (strs[0].clone(), strs[1].clone());
                let count = self.opt_int(args.get(2))?.filter(|c| *c >= 0);
                let estimate = if old.is_empty() {
                    s.len() + (s.chars().count() + 1) * new.len()
                } else {
                    s.len() / old.len().max(1) * new.len() + s.len()
                };
                self.check_str_len(estimate.min(usize::MAX / 2))?;
                string!(match count {
                    None => s.replace(&*old, &new),
                    Some(c) => s.replacen(&*old, &new, c as usize),
                })
            }
            "find" | "rfind" | "index" | "rindex" | "count" => {
                arity(name, &args, 1, 3)?;
                let sub = match &args[0].data {
                    Data::Str(sub) => sub.clone(),
                    other => {
                        return Err(
                            self.type_error(format!("must be str, not {}", other.type_name()), &[])
                        )
                    }
                };
                let chars: Vec<char> = s.chars().collect();
                let (start, end) = slice_range(chars.len(), args.get(1), args.get(2))?;
                let hay: String = if start <= end {
                    chars[start..end].iter().collect()
                } else {
                    String::new()
                };
                if name == "count" {
                    let n = if start > end {
                        0
                    } else if sub.is_empty() {
                        hay.chars().count() + 1
                    } else {
                        hay.matches(&*sub).count()
                    };
                    return Ok(self.derive(Data::Int(n as i64), &refs, text));
                }
                let found = if start > end || start > chars.len() {
                    None
                } else if name.starts_with('r') {
                    hay.rfind(&*sub)
                } else {
                    hay.find(&*sub)
                };
                let result = found.map(|b| (hay[..b].chars().count() + start) as i64);
                match (result, name) {
                    (Some(i), _) => Ok(self.derive(Data::Int(i), &refs, text)),
                    (None, "find" | "rfind") => Ok(self.derive(Data::Int(-1), &refs, text)),
                    (None, _) => {
                        let label = self.full_label(recv);
                        Err(exception(ExcKind::ValueError, "substring not found", label))
                    }
                }
            }
            "startswith" | "endswith" => {
                arity(name, &args, 1, 3)?;
                let prefixes: Vec<Value> = match &args[0].data {
                    Data::Str(_) => vec![args[0].clone()],
                    Data::Tuple(t) => t.items.clone(),
                    other => {
                        return Err(self.type_error(
                            format!(
                                "{name} first arg must be str or a tuple of str, not {}",
                                other.type_name()
                            ),
                            &[],
                        ))
                    }
                };
                let chars: Vec<char> = s.chars().collect();
                let (start, end) = slice_range(chars.len(), args.get(1), args.get(2))?;
                let hay: Option<String> =
                    (start <= end).then(|| chars[start..end].iter().collect());
                // Each item is checked when it is reached, as CPython does.
                for p in &prefixes {
                    let Data::Str(p) = &p.data else {
                        return Err(self.type_error(
                            format!(
                                "tuple for {name} must only contain str, not {}",
                                p.data.type_name()
                            ),
                            &[],
                        ));
                    };
                    let hit = hay.as_ref().is_some_and(|hay| {
                        if name == "startswith" {
                            hay.starts_with(&**p)
                        } else {
                            hay.ends_with(&**p)
                        }
                    });
                    if hit {
                        boolean!(true)
                    }
                }
                boolean!(false)
            }
            "isdigit" => boolean!(!s.is_empty() && s.chars().all(unicode::is_digit)),
            "isdecimal" => boolean!(!s.is_empty() && s.chars().all(unicode::is_decimal)),
            "isnumeric" => boolean!(!s.is_empty() && s.chars().all(unicode::is_numeric)),
            "isalpha" => boolean!(!s.is_empty() && s.chars().all(unicode::is_alpha)),
            "isalnum" => boolean!(!s.is_empty() && s.chars().all(unicode::is_alnum)),
            "isspace" => boolean!(!s.is_empty() && s.chars().all(unicode::is_space)),
            "isascii" => boolean!(s.is_ascii()),
            "isupper" => boolean!(unicode::is_all_case(s, true)),
            "islower" => boolean!(unicode::is_all_case(s, false)),
            "istitle" => boolean!(unicode::is_title(s)),
            "isidentifier" => boolean!(unicode::is_identifier(s)),
            "isprintable" => boolean!(s.chars().all(unicode::is_printable)),
            "zfill" => {
                one_argument(name, &args)?;
                let width = self.opt_int(args.first())?.unwrap_or(0).max(0) as usize;
                self.check_str_len(width)?;
                let n = s.chars().count();
                if n >= width {
                    string!(s.to_string())
                }
                let (sign, rest) = match s.chars().next() {
                    Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
                    _ => (String::new(), s),
                };
                string!(format!("{sign}{}{rest}", "0".repeat(width - n)))
            }
            "center" | "ljust" | "rjust" => {
                expected_arguments(name, &args, 1, 2)?;
                let width = self.opt_int(args.first())?.unwrap_or(0).max(0) as usize;
                self.check_str_len(width.saturating_mul(4))?;
                let fill = match args.get(1).map(|a| &a.data) {
                    None => ' ',
                    Some(Data::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
                    Some(Data::Str(_)) => {
                        return err(
                            ExcKind::TypeError,
                            "The fill character must be exactly one character long",
                        )
                    }
                    Some(other) => {
                        return err(
                            ExcKind::TypeError,
                            format!(
                                "The fill character must be a unicode character, not {}",
                                other.type_name()
                            ),
                        )
                    }
                };
                let n = s.chars().count();
                if n >= width {
                    string!(s.to_string())
                }
                let pad = width - n;
                let fills = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
                string!(match name {
                    "ljust" => format!("{s}{}", fills(pad)),
                    "rjust" => format!("{}{s}", fills(pad)),
                    _ => {
                        // CPython puts the extra fill on the left when the string is odd.
                        let left = pad / 2 + (pad & width & 1);
                        format!("{}{s}{}", fills(left), fills(pad - left))
                    }
                })
            }
            "partition" | "rpartition" => {
                one_argument(name, &args)?;
                let sep = match &args[0].data {
                    Data::Str(sep) => sep.clone(),
                    other => {
                        return Err(
                            self.type_error(format!("must be str, not {}", other.type_name()), &[])
                        )
                    }
                };
                if sep.is_empty() {
                    return err(ExcKind::ValueError, "empty separator");
                }
                let found = if name == "partition" {
                    s.find(&*sep)
                } else {
                    s.rfind(&*sep)
                };
                let parts = match found {
                    Some(i) => [
                        s[..i].to_string(),
                        sep.to_string(),
                        s[i + sep.len()..].to_string(),
                    ],
                    None if name == "partition" => [s.to_string(), String::new(), String::new()],
                    None => [String::new(), String::new(), s.to_string()],
                };
                let label = {
                    let a = self.full_label(recv);
                    let b = self.full_label(&args[0]);
                    self.labels.join(a, b)
                };
                let items: Vec<Value> = parts
                    .into_iter()
                    .map(|p| {
                        self.derive_with(
                            Data::Str(Rc::from(p)),
                            label,
                            &[recv.node, args[0].node],
                            text,
                        )
                    })
                    .collect();
                Ok(self.new_tuple(items, label, recv.node))
            }
            "removeprefix" => {
                one_argument(name, &args)?;
                let p = self.str_arg(&args[0], name)?;
                string!(s.strip_prefix(&*p).unwrap_or(s).to_string())
            }
            "removesuffix" => {
                one_argument(name, &args)?;
                let p = self.str_arg(&args[0], name)?;
                string!(s.strip_suffix(&*p).unwrap_or(s).to_string())
            }
            "expandtabs" => {
                let size = take_kwarg(&mut kwargs, "tabsize").or_else(|| args.first().cloned());
                if args.len() > 1 {
                    return err(
                        ExcKind::TypeError,
                        format!(
                            "expandtabs() takes at most 1 argument ({} given)",
                            args.len()
                        ),
                    );
                }
                let size = self.opt_int(size.as_ref())?.unwrap_or(8);
                string!(self.expand_tabs(s, size)?)
            }
            "translate" => {
                one_argument(name, &args)?;
                string!(self.translate(s, &args[0])?)
            }
            _ => Err(exception(
                ExcKind::AttributeError,
                format!("'str' object has no attribute '{name}'"),
                Label::PROGRAM,
            )),
        }
    }

    /// `str.format` and `str.format_map`; the result is derived from the template and every
    /// value a field used.
    fn str_format(
        &mut self,
        recv: &Value,
        s: &str,
        args: Vec<Value>,
        kwargs: Kwargs,
        text: &Arc<str>,
        map: bool,
    ) -> Eval<Value> {
        use crate::format::fields::{FormatArgs, Names};
        let mut fields = if map {
            if !kwargs.is_empty() {
                return err(
                    ExcKind::TypeError,
                    "str.format_map() takes no keyword arguments",
                );
            }
            if args.len() != 1 {
                return err(
                    ExcKind::TypeError,
                    format!(
                        "str.format_map() takes exactly one argument ({} given)",
                        args.len()
                    ),
                );
            }
            FormatArgs::new(None, Names::Mapping(&args[0]))
        } else {
            FormatArgs::new(Some(&args), Names::Keywords(&kwargs))
        };
        let out = self.format_fields(s, &mut fields)?;
        let mut used = std::mem::take(&mut fields.used);
        used.push(recv.clone());
        let refs: Vec<&Value> = used.iter().collect();
        self.new_str(out, &refs, text)
    }

    fn seq_search(
        &mut self,
        recv: &Value,
        items: &[Value],
        name: &str,
        args: Vec<Value>,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let label = self.full_label(recv);
        match name {
            "count" => {
                arity(name, &args, 1, 1)?;
                let mut n = 0;
                for it in items {
                    if ops::equal(self, &it.data, &args[0].data, 0)? {
                        n += 1;
                    }
                }
                Ok(self.derive(Data::Int(n), &[recv, &args[0]], text))
            }
            _ => {
                arity(name, &args, 1, 3)?;
                let len = items.len() as i64;
                let start = clamp_slice_index(self.slice_bound(args.get(1))?, 0, len);
                let end = clamp_slice_index(self.slice_bound(args.get(2))?, len, len);
                for (i, it) in items.iter().enumerate().take(end).skip(start) {
                    if ops::equal(self, &it.data, &args[0].data, 0)? {
                        return Ok(self.derive(Data::Int(i as i64), &[recv, &args[0]], text));
                    }
                }
                let what = if matches!(recv.data, Data::Tuple(_)) {
                    "tuple.index(x): x not in tuple"
                } else {
                    "list.index(x): x not in list"
                };
                let msg = if matches!(recv.data, Data::List(_)) {
                    let r = self.repr(&args[0])?;
                    format!("{r} is not in list")
                } else {
                    what.to_string()
                };
                let l = self.full_label(&args[0]);
                let label = self.labels.join(label, l);
                Err(exception(ExcKind::ValueError, msg, label))
            }
        }
    }

    /// Joins the control context into a container mutated by a method.
    /// A container changed in place: the context (strict mode) and the reference it was
    /// reached through decided that it did.
    fn mutated(&mut self, container: &Value) {
        if self.strict {
            let ctx = self.ctx;
            self.taint_shape(container, ctx.label, ctx.node);
        }
        self.taint_shape(container, container.label, container.node);
    }

    fn list_method(
        &mut self,
        recv: &Value,
        name: &str,
        args: Vec<Value>,
        mut kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let Data::List(list) = &recv.data else {
            return err(ExcKind::TypeError, "not a list");
        };
        let list = list.clone();
        match name {
            "append" => {
                arity(name, &args, 1, 1)?;
                self.check_growth(list.borrow().items.len() + 1, 1)?;
                let v = self.under_context(args[0].clone());
                list.borrow_mut().items.push(v);
                self.mutated(recv);
                Ok(Value::none())
            }
            "extend" => {
                arity(name, &args, 1, 1)?;
                let items = self.collect_items(&args[0])?;
                self.check_growth(list.borrow().items.len() + items.len(), items.len())?;
                let shape = self.shape_label(&args[0]);
                let node = self.shape_node(&args[0]);
                list.borrow_mut().items.extend(items);
                // How many items arrived is decided by the source's shape.
                self.taint_shape(recv, shape, node);
                self.mutated(recv);
                Ok(Value::none())
            }
            "insert" => {
                arity(name, &args, 2, 2)?;
                let len = list.borrow().items.len() as i64;
                let i = self.opt_int(args.first())?.unwrap_or(0);
                let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
                self.check_growth(len as usize + 1, 1)?;
                let v = self.under_context(args[1].clone());
                list.borrow_mut().items.insert(i, v);
                let il = self.full_label(&args[0]);
                self.moved_items(recv, i, il);
                let il = args[0].label;
                self.taint_shape(recv, il, args[0].node);
                self.mutated(recv);
                Ok(Value::none())
            }
            "pop" => {
                arity(name, &args, 0, 1)?;
                let len = list.borrow().items.len() as i64;
                if len == 0 {
                    return err(ExcKind::IndexError, "pop from empty list");
                }
                let i = self.opt_int(args.first())?.unwrap_or(-1);
                let idx = if i < 0 { i + len } else { i };
                if idx < 0 || idx >= len {
                    return err(ExcKind::IndexError, "pop index out of range");
                }
                let v = list.borrow_mut().items.remove(idx as usize);
                let il = match args.first() {
                    Some(a) => self.full_label(a),
                    None => Label::PROGRAM,
                };
                self.moved_items(recv, idx as usize, il);
                // Which item left (and where the rest now stand) is decided by the index.
                if let Some(i) = args.first() {
                    let l = self.full_label(i);
                    self.taint_shape(recv, l, i.node);
                }
                let shape = self.shape_label(recv);
                self.mutated(recv);
                Ok(self.element(v, shape, &[], text))
            }
            "remove" => {
                arity(name, &args, 1, 1)?;
                let items = list.borrow().items.clone();
                for (i, it) in items.iter().enumerate() {
                    if ops::equal(self, &it.data, &args[0].data, 0)? {
                        list.borrow_mut().items.remove(i);
                        // Which item went was decided by comparing it and every item before.
                        let mut l = self.full_label(&args[0]);
                        for before in &items[..=i] {
                            let bl = self.full_label(before);
                            l = self.labels.join(l, bl);
                        }
                        self.taint_shape(recv, l, args[0].node);
                        self.moved_items(recv, i, l);
                        self.mutated(recv);
                        return Ok(Value::none());
                    }
                }
                let label = self.full_label(&args[0]);
                Err(exception(
                    ExcKind::ValueError,
                    "list.remove(x): x not in list",
                    label,
                ))
            }
            "index" | "count" => {
                let items = list.borrow().items.clone();
                self.seq_search(recv, &items, name, args, text)
            }
            "sort" => {
                arity(name, &args, 0, 0)?;
                let key = take_kwarg(&mut kwargs, "key");
                let reverse = take_kwarg(&mut kwargs, "reverse");
                let reverse = self.reverse_flag(reverse.as_ref())?;
                if let Some((k, _)) = kwargs.first() {
                    return err(
                        ExcKind::TypeError,
                        format!("sort() got an unexpected keyword argument '{k}'"),
                    );
                }
                let items = std::mem::take(&mut list.borrow_mut().items);
                let result = match &key {
                    Some(k) if !matches!(k.data, Data::None) => {
                        let k = k.clone();
                        let all = items.clone();
                        let recv = recv.clone();
                        self.with_callback(&k, &[&recv], |m| m.sort_values(all, Some(&k), reverse))
                    }
                    _ => self.sort_values(items.clone(), key.as_ref(), reverse),
                };
                match result {
                    Ok((sorted, label)) => {
                        list.borrow_mut().items = sorted;
                        self.taint_shape(recv, label, NO_NODE);
                        self.moved_items(recv, 0, label);
                        self.mutated(recv);
                        Ok(Value::none())
                    }
                    Err(e) => {
                        list.borrow_mut().items = items;
                        Err(e)
                    }
                }
            }
            "reverse" => {
                list.borrow_mut().items.reverse();
                self.moved_items(recv, 0, Label::PROGRAM);
                self.mutated(recv);
                Ok(Value::none())
            }
            "copy" => {
                let (items, shape, node) = {
                    let l = list.borrow();
                    (l.items.clone(), l.shape, l.shape_node)
                };
                Ok(self.new_list(items, shape, node))
            }
            "clear" => {
                self.moved_items(recv, 0, Label::PROGRAM);
                list.borrow_mut().items.clear();
                self.mutated(recv);
                Ok(Value::none())
            }
            _ => Err(exception(
                ExcKind::AttributeError,
                format!("'list' object has no attribute '{name}'"),
                Label::PROGRAM,
            )),
        }
    }

    fn dict_method(
        &mut self,
        recv: &Value,
        name: &str,
        args: Vec<Value>,
        kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let Data::Dict(dict) = &recv.data else {
            return err(ExcKind::TypeError, "not a dict");
        };
        let dict = dict.clone();
        let shape = self.shape_label(recv);
        let shape_node = self.shape_node(recv);
        match name {
            "get" => {
                arity(name, &args, 1, 2)?;
                let d = dict.borrow();
                let found = self
                    .find_key(&d.map, &args[0])?
                    .and_then(|i| d.map.get_index(i))
                    .map(|(_, (k, v))| (k.label, v.clone()));
                drop(d);
                // A key that is there was decided by its last store; a missing one by the
                // whole shape.
                let kl = self.full_label(&args[0]);
                let (v, access) = match found {
                    Some((stored_label, v)) => {
                        let present = self.labels.join(stored_label, kl);
                        (v, self.labels.join(present, recv.label))
                    }
                    None => (
                        args.get(1).cloned().unwrap_or_else(Value::none),
                        self.labels.join(shape, kl),
                    ),
                };
                Ok(self.element(v, access, &[recv.node, args[0].node, shape_node], text))
            }
            "keys" | "values" | "items" => {
                arity(name, &args, 0, 0)?;
                let pairs: Vec<(Value, Value)> = dict.borrow().map.values().cloned().collect();
                let items: Vec<Value> = match name {
                    "keys" => pairs.into_iter().map(|(k, _)| k).collect(),
                    "values" => pairs.into_iter().map(|(_, v)| v).collect(),
                    _ => pairs
                        .into_iter()
                        .map(|(k, v)| self.new_tuple(vec![k, v], Label::PROGRAM, NO_NODE))
                        .collect(),
                };
                let kind = match name {
                    "keys" => "dict_keys",
                    "values" => "dict_values",
                    _ => "dict_items",
                };
                // A view: a list snapshot with the dict's shape (views print like lists).
                let v = self.new_iter(items, kind, shape, shape_node);
                Ok(v)
            }
            "pop" => {
                arity(name, &args, 1, 2)?;
                let key = self.hash_key(&args[0])?;
                let removed = dict.borrow_mut().map.shift_remove(&key);
                let kl = self.full_label(&args[0]);
                // The key may have been any of the entries: which ones are left depends on it.
                self.raise_presence(recv, kl);
                self.taint_shape(recv, kl, args[0].node);
                self.mutated(recv);
                let access = self.labels.join(shape, kl);
                match (removed, args.get(1)) {
                    (Some((_, v)), _) => Ok(self.element(v, access, &[], text)),
                    (None, Some(d)) => Ok(self.element(d.clone(), access, &[], text)),
                    (None, None) => Err(crate::error::key_error(&args[0], access)),
                }
            }
            "popitem" => {
                let last = dict.borrow_mut().map.pop();
                self.mutated(recv);
                match last {
                    Some((_, (k, v))) => Ok(self.new_tuple(vec![k, v], shape, shape_node)),
                    None => Err(exception(
                        ExcKind::KeyError,
                        "popitem(): dictionary is empty",
                        shape,
                    )),
                }
            }
            "setdefault" => {
                arity(name, &args, 1, 2)?;
                let key = self.hash_key(&args[0])?;
                let existing = dict.borrow().map.get(&key).map(|(_, v)| v.clone());
                let kl = self.full_label(&args[0]);
                let access = self.labels.join(shape, kl);
                match existing {
                    Some(v) => Ok(self.element(v, access, &[], text)),
                    None => {
                        self.check_growth(dict.borrow().map.len() + 1, 1)?;
                        let v =
                            self.under_context(args.get(1).cloned().unwrap_or_else(Value::none));
                        let mut stored = args[0].clone();
                        let ctx = if self.strict {
                            self.ctx.label
                        } else {
                            Label::PROGRAM
                        };
                        stored.label = self.labels.join(kl, ctx);
                        stored.label = self.labels.join(stored.label, recv.label);
                        self.raise_presence(recv, kl);
                        dict.borrow_mut().map.insert(key, (stored, v.clone()));
                        self.taint_shape(recv, kl, args[0].node);
                        self.mutated(recv);
                        Ok(v)
                    }
                }
            }
            "update" => {
                arity(name, &args, 0, 1)?;
                let mut pairs: Vec<(Value, Value)> = Vec::new();
                // A bad item ends the update after the pairs before it went in.
                let mut bad_item = None;
                if let Some(src) = args.first() {
                    let src_shape = self.shape_label(src);
                    let src_node = self.shape_node(src);
                    self.taint_shape(recv, src_shape, src_node);
                    match &src.data {
                        Data::Dict(d) => pairs.extend(d.borrow().map.values().cloned()),
                        _ => bad_item = self.update_pairs(src, &mut pairs).err(),
                    }
                }
                if bad_item.is_none() {
                    for (k, v) in kwargs {
                        pairs.push((Value::program(Data::Str(k)), v));
                    }
                }
                self.check_growth(dict.borrow().map.len() + pairs.len(), pairs.len())?;
                // Which entries the source replaces is decided by its keys.
                let src_shape = match args.first() {
                    Some(src) => self.shape_label(src),
                    None => Label::PROGRAM,
                };
                self.raise_presence(recv, src_shape);
                // Pulling a lazy source's items decided more of its shape.
                self.taint_shape(recv, src_shape, NO_NODE);
                let ctx = if self.strict {
                    self.ctx.label
                } else {
                    Label::PROGRAM
                };
                for (k, v) in pairs {
                    let hk = self.hash_key(&k)?;
                    let kl = k.label;
                    self.raise_presence(recv, kl);
                    let v = self.under_context(v);
                    let mut present = self.labels.join(kl, src_shape);
                    present = self.labels.join(present, ctx);
                    present = self.labels.join(present, recv.label);
                    let mut dict = dict.borrow_mut();
                    match dict.map.entry(hk) {
                        indexmap::map::Entry::Occupied(mut e) => {
                            let entry = e.get_mut();
                            entry.0.label = present;
                            entry.1 = v;
                        }
                        indexmap::map::Entry::Vacant(e) => {
                            let mut k = k.clone();
                            k.label = present;
                            e.insert((k, v));
                        }
                    }
                    drop(dict);
                    self.taint_shape(recv, kl, k.node);
                }
                self.mutated(recv);
                match bad_item {
                    Some(unwind) => Err(unwind),
                    None => Ok(Value::none()),
                }
            }
            "copy" => {
                let (map, s, n) = {
                    let d = dict.borrow();
                    (d.map.clone(), d.shape, d.shape_node)
                };
                Ok(Value::program(Data::Dict(Rc::new(
                    std::cell::RefCell::new(DictObj {
                        map,
                        shape: s,
                        shape_node: n,
                    }),
                ))))
            }
            "clear" => {
                dict.borrow_mut().map.clear();
                self.mutated(recv);
                Ok(Value::none())
            }
            _ => Err(exception(
                ExcKind::AttributeError,
                format!("'dict' object has no attribute '{name}'"),
                Label::PROGRAM,
            )),
        }
    }

    fn set_method(
        &mut self,
        recv: &Value,
        name: &str,
        args: Vec<Value>,
        _kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let Data::Set(set) = &recv.data else {
            return err(ExcKind::TypeError, "not a set");
        };
        let set = set.clone();
        let frozen = set.borrow().frozen;
        let mutating = matches!(
            name,
            "add"
                | "discard"
                | "remove"
                | "pop"
                | "clear"
                | "update"
                | "intersection_update"
                | "difference_update"
                | "symmetric_difference_update"
        );
        if frozen && mutating {
            return Err(exception(
                ExcKind::AttributeError,
                format!("'frozenset' object has no attribute '{name}'"),
                Label::PROGRAM,
            ));
        }
        match name {
            "add" => {
                arity(name, &args, 1, 1)?;
                let key = self.hash_key(&args[0])?;
                self.check_growth(set.borrow().map.len() + 1, 1)?;
                let v = self.under_context(args[0].clone());
                set.borrow_mut().map.entry(key).or_insert(v);
                // Whether the set grew depends on the value.
                let l = args[0].label;
                self.taint_shape(recv, l, args[0].node);
                self.mutated(recv);
                Ok(Value::none())
            }
            "discard" | "remove" => {
                arity(name, &args, 1, 1)?;
                let key = self.hash_key(&args[0])?;
                let removed = {
                    let mut s = set.borrow_mut();
                    let at = s.map.get_index_of(&key);
                    at.and_then(|at| s.remove_index(at)).is_some()
                };
                let l = self.full_label(&args[0]);
                self.taint_shape(recv, l, args[0].node);
                self.mutated(recv);
                if !removed && name == "remove" {
                    return Err(crate::error::key_error(&args[0], l));
                }
                Ok(Value::none())
            }
            "pop" => {
                // CPython pops the first item it iterates.
                let first = set
                    .borrow()
                    .cpython_order()
                    .and_then(|order| order.first().copied())
                    .unwrap_or(0);
                let v = set.borrow_mut().remove_index(first);
                self.mutated(recv);
                match v {
                    Some((_, v)) => {
                        let shape = self.shape_label(recv);
                        Ok(self.element(v, shape, &[], text))
                    }
                    None => err(ExcKind::KeyError, "pop from an empty set"),
                }
            }
            "clear" => {
                {
                    let mut s = set.borrow_mut();
                    s.map.clear();
                    s.merges.clear();
                }
                self.mutated(recv);
                Ok(Value::none())
            }
            "copy" => {
                let items = set.borrow().values_in_order();
                let shape = self.shape_label(recv);
                self.new_set_copied(&set.borrow(), items, shape, frozen)
            }
            "union" if !args.is_empty() => {
                // As CPython: a copy, then each argument added to it (a set merged at once,
                // another iterable item by item).
                let items = set.borrow().values_in_order();
                let shape = self.shape_label(recv);
                let result = self.new_set_copied(&set.borrow(), items, shape, false)?;
                for other in args {
                    self.set_method(&result, "update", vec![other], Vec::new(), text)?;
                }
                if let Data::Set(r) = &result.data {
                    r.borrow_mut().frozen = frozen;
                }
                Ok(result)
            }
            "union" | "intersection" | "difference" | "symmetric_difference" => {
                if name == "symmetric_difference" {
                    exactly_one_argument("set", name, &args)?;
                }
                let mut acc = recv.clone();
                for other in &args {
                    let other_set = match &other.data {
                        Data::Set(_) => other.clone(),
                        _ => {
                            let items = self.collect_items(other)?;
                            let shape = self.shape_label(other);
                            self.new_set(items, shape, false)?
                        }
                    };
                    let op = match name {
                        "union" => crate::syntax::ir::BinOp::BitOr,
                        "intersection" => crate::syntax::ir::BinOp::BitAnd,
                        "difference" => crate::syntax::ir::BinOp::Sub,
                        _ => crate::syntax::ir::BinOp::BitXor,
                    };
                    acc = ops::binary(self, op, &acc, &other_set, text)?;
                }
                if args.is_empty() {
                    let items: Vec<Value> = set.borrow().map.values().cloned().collect();
                    let shape = self.shape_label(recv);
                    return self.new_set(items, shape, frozen);
                }
                Ok(acc)
            }
            "update"
            | "intersection_update"
            | "difference_update"
            | "symmetric_difference_update" => {
                if name == "symmetric_difference_update" {
                    exactly_one_argument("set", name, &args)?;
                }
                for other in &args {
                    let items = self.collect_items(other)?;
                    let shape = self.shape_label(other);
                    // CPython merges a set at once, and adds any other iterable's items one by one.
                    let from_set = match &other.data {
                        // `s.update(s)` changes nothing.
                        Data::Set(o) if !Rc::ptr_eq(o, &set) => Some(o.clone()),
                        _ => None,
                    };
                    let other_set = self.new_set(items, shape, false)?;
                    let Data::Set(o) = &other_set.data else {
                        continue;
                    };
                    let o = o.borrow();
                    let mut s = set.borrow_mut();
                    match name {
                        "update" => {
                            let start = s.map.len();
                            for (k, v) in &o.map {
                                s.map.entry(k.clone()).or_insert_with(|| v.clone());
                            }
                            if let Some(source) = &from_set {
                                let merge = source.borrow().as_merge_source(start, s.map.len());
                                s.merges.push(merge);
                            }
                        }
                        "intersection_update" => {
                            s.map.retain(|k, _| o.map.contains_key(k));
                            // Removals leave CPython's table as it was: not modelled.
                            s.merges.clear();
                        }
                        "difference_update" => {
                            s.map.retain(|k, _| !o.map.contains_key(k));
                            s.merges.clear();
                        }
                        _ => {
                            for (k, v) in &o.map {
                                match s.map.get_index_of(k) {
                                    Some(at) => {
                                        s.remove_index(at);
                                    }
                                    None => {
                                        s.map.insert(k.clone(), v.clone());
                                    }
                                }
                            }
                        }
                    }
                    drop((s, o));
                    self.taint_shape(recv, shape, NO_NODE);
                }
                self.mutated(recv);
                Ok(Value::none())
            }
            "issubset" | "issuperset" | "isdisjoint" => {
                arity(name, &args, 1, 1)?;
                let items = self.collect_items(&args[0])?;
                let other = self.new_set(items, Label::PROGRAM, true)?;
                let Data::Set(o) = &other.data else {
                    return err(ExcKind::TypeError, "bad set");
                };
                let (s, o) = (set.borrow(), o.borrow());
                let r = match name {
                    "issubset" => s.map.keys().all(|k| o.map.contains_key(k)),
                    "issuperset" => o.map.keys().all(|k| s.map.contains_key(k)),
                    _ => !s.map.keys().any(|k| o.map.contains_key(k)),
                };
                drop((s, o));
                Ok(self.derive(Data::Bool(r), &[recv, &args[0]], text))
            }
            _ => Err(exception(
                ExcKind::AttributeError,
                format!("'set' object has no attribute '{name}'"),
                Label::PROGRAM,
            )),
        }
    }
}

/// `split()` and `rsplit()` with no separator, as CPython's `split_whitespace`: runs of
/// whitespace separate; at most `max` splits, the rest kept whole (without the whitespace
/// before it).
fn split_whitespace(s: &str, max: Option<usize>, from_right: bool) -> Vec<String> {
    let chars: Vec<char> = if from_right {
        s.chars().rev().collect()
    } else {
        s.chars().collect()
    };
    let mut parts: Vec<String> = Vec::new();
    let mut remaining = max.unwrap_or(usize::MAX);
    let mut i = 0;
    let word = |from: usize, to: usize| -> String {
        if from_right {
            chars[from..to].iter().rev().collect()
        } else {
            chars[from..to].iter().collect()
        }
    };
    while remaining > 0 {
        while i < chars.len() && unicode::is_space(chars[i]) {
            i += 1;
        }
        if i == chars.len() {
            break;
        }
        let start = i;
        while i < chars.len() && !unicode::is_space(chars[i]) {
            i += 1;
        }
        parts.push(word(start, i));
        remaining -= 1;
    }
    while i < chars.len() && unicode::is_space(chars[i]) {
        i += 1;
    }
    if i < chars.len() {
        parts.push(word(i, chars.len()));
    }
    if from_right {
        parts.reverse();
    }
    parts
}

/// A start or stop index (negative counts from the end) clamped into `0..=len`.
fn clamp_slice_index(index: Option<i64>, default: i64, len: i64) -> usize {
    let i = index.unwrap_or(default);
    (if i < 0 {
        i.saturating_add(len).max(0)
    } else {
        i.min(len)
    }) as usize
}

/// A method of one argument (`METH_O`) called with another number of them.
fn exactly_one_argument(type_name: &str, method: &str, args: &[Value]) -> Eval<()> {
    if args.len() == 1 {
        return Ok(());
    }
    err(
        ExcKind::TypeError,
        format!(
            "{type_name}.{method}() takes exactly one argument ({} given)",
            args.len()
        ),
    )
}
