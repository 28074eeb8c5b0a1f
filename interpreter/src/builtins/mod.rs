//! The builtin functions and type constructors. Builtins add no source of their own: a result
//! carries the join of what it was computed from, and a container result keeps its elements'
//! labels with a shape that joins every label the choice of elements depended on.

mod digits;
mod iteration;
mod names;
mod native_sort;
mod numbers;
mod text;
mod types;

pub use names::{
    builtin_value, lookup, refused, Builtin, BuiltinName, BUILTIN_TYPES, REFUSED_NAMES,
};

use crate::error::{err, exception, Eval};
use crate::eval::{Kwargs, Machine};
use crate::ops;
use crate::value::*;
use bactrian_provenance::Label;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use std::cmp::Ordering;
use std::rc::Rc;
use std::sync::Arc;

fn no_kwargs(name: &str, kwargs: &Kwargs) -> Eval<()> {
    match kwargs.first() {
        // Types whose constructor takes no keyword at all say so without naming it.
        Some(_) if TAKES_NO_KEYWORDS.contains(&name) => err(
            ExcKind::TypeError,
            format!("{name}() takes no keyword arguments"),
        ),
        // Builtins parsing keywords with `PyArg_ParseTupleAndKeywords` (sorted reports its
        // `list.sort`).
        Some((k, _)) if matches!(name, "min" | "max" | "sum" | "round" | "pow" | "str") => err(
            ExcKind::TypeError,
            format!("'{k}' is an invalid keyword argument for {name}()"),
        ),
        Some((k, _)) if name == "sorted" => err(
            ExcKind::TypeError,
            format!("'{k}' is an invalid keyword argument for sort()"),
        ),
        Some((k, _)) => err(
            ExcKind::TypeError,
            format!("{name}() got an unexpected keyword argument '{k}'"),
        ),
        None => Ok(()),
    }
}

/// Below this many items CPython's sort is one run and binary insertion (`small_sort_order`).
const SMALL_SORT: usize = 64;

/// Builtins that accept no keyword arguments at all, in CPython 3.11.
const TAKES_NO_KEYWORDS: &[&str] = &[
    "list",
    "tuple",
    "set",
    "frozenset",
    "float",
    "bool",
    "range",
    "len",
    "abs",
    "divmod",
    "isinstance",
    "repr",
    "chr",
    "ord",
    "hex",
    "oct",
    "bin",
    "callable",
    "any",
    "all",
    "iter",
];

/// For builtins whose arguments may also be named (CPython's argument clinic): more than `max`
/// in all, positional and named, is `round() takes at most 2 arguments (3 given)`.
pub(crate) fn at_most_with_keywords(
    name: &str,
    args: &[Value],
    kwargs: &Kwargs,
    max: usize,
) -> Eval<()> {
    let given = args.len() + kwargs.len();
    if given > max {
        return err(
            ExcKind::TypeError,
            format!(
                "{name}() takes at most {max} argument{} ({given} given)",
                if max == 1 { "" } else { "s" }
            ),
        );
    }
    Ok(())
}

/// The arguments of a builtin whose parameters may all be given by name (`params`, the
/// first `required` of them required), bound as CPython's argument clinic binds them
/// (`_PyArg_UnpackKeywords`), with its messages in its order: too many in all, then a
/// required one missing, then a name given twice or unknown.
pub(crate) fn bind_by_name(
    name: &str,
    args: Vec<Value>,
    mut kwargs: Kwargs,
    params: &[&str],
    required: usize,
) -> Eval<Vec<Option<Value>>> {
    at_most_with_keywords(name, &args, &kwargs, params.len())?;
    let positional = args.len();
    let mut bound: Vec<Option<Value>> = args.into_iter().map(Some).collect();
    for (i, param) in params.iter().enumerate().skip(positional) {
        let value = take_kwarg(&mut kwargs, param);
        if value.is_none() && i < required {
            return err(
                ExcKind::TypeError,
                format!(
                    "{name}() missing required argument '{param}' (pos {})",
                    i + 1
                ),
            );
        }
        bound.push(value);
    }
    match kwargs.first() {
        Some((k, _)) => match params.iter().position(|p| *p == &**k) {
            Some(i) => err(
                ExcKind::TypeError,
                format!(
                    "argument for {name}() given by name ('{k}') and position ({})",
                    i + 1
                ),
            ),
            None => err(
                ExcKind::TypeError,
                format!("'{k}' is an invalid keyword argument for {name}()"),
            ),
        },
        None => Ok(bound),
    }
}

/// Checks the number of positional arguments, with Python's message.
pub(crate) fn arity(name: &str, args: &[Value], min: usize, max: usize) -> Eval<()> {
    let given = args.len();
    if given < min || given > max {
        return err(ExcKind::TypeError, arity_message(name, min, max, given));
    }
    Ok(())
}

/// The first `N` arguments, by name, once their count has been checked (by [`arity`] or a
/// method's own check): `let [a, b] = leading(&args)?;`. Fewer is a `TypeError`, not a panic.
pub(crate) fn leading<const N: usize>(args: &[Value]) -> Eval<&[Value; N]> {
    leading_and_rest(args).map(|(first, _)| first)
}

/// [`leading`], and the arguments after them.
pub(crate) fn leading_and_rest<const N: usize>(args: &[Value]) -> Eval<(&[Value; N], &[Value])> {
    match args.split_first_chunk::<N>() {
        Some(split) => Ok(split),
        None => err(
            ExcKind::TypeError,
            format!("expected at least {N} arguments, got {}", args.len()),
        ),
    }
}

/// Builtins whose arguments CPython checks with `_PyArg_CheckPositional`
/// (`divmod expected 2 arguments, got 1`).
const EXPECTED_STYLE: &[&str] = &[
    "dict",
    "list",
    "tuple",
    "set",
    "frozenset",
    "float",
    "bool",
    "range",
    "divmod",
    "sorted",
    "min",
    "max",
    "isinstance",
    "issubclass",
    "reversed",
    "iter",
    "next",
    "format",
    "filter",
];
/// Builtins of one argument (`METH_O`: `len() takes exactly one argument (2 given)`).
const ONE_ARGUMENT_STYLE: &[&str] = &[
    "len", "abs", "hex", "oct", "bin", "chr", "ord", "repr", "ascii", "callable", "any", "all",
];

/// CPython 3.11's wording for a call of `name` with `given` positional arguments outside
/// `min..=max`: it depends on how the function parses its arguments.
fn arity_message(name: &str, min: usize, max: usize, given: usize) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if ONE_ARGUMENT_STYLE.contains(&name) && min == 1 && max == 1 {
        return format!("{name}() takes exactly one argument ({given} given)");
    }
    if EXPECTED_STYLE.contains(&name) {
        let expected = if min == max {
            format!("{min} argument{}", plural(min))
        } else if given < min {
            format!("at least {min} argument{}", plural(min))
        } else {
            format!("at most {max} argument{}", plural(max))
        };
        return format!("{name} expected {expected}, got {given}");
    }
    if name == "sum" && given < min {
        return format!("sum() takes at least 1 positional argument ({given} given)");
    }
    if name == "pow" && given < min {
        let missing = if given == 0 {
            "base' (pos 1)"
        } else {
            "exp' (pos 2)"
        };
        return format!("pow() missing required argument '{missing}");
    }
    let expected = if min == max {
        format!("exactly {min} argument{}", plural(min))
    } else if given < min {
        format!("at least {min} argument{}", plural(min))
    } else {
        format!("at most {max} argument{}", plural(max))
    };
    format!("{name}() takes {expected} ({given} given)")
}

/// Removes and returns the keyword argument `name`, if given.
pub(crate) fn take_kwarg(kwargs: &mut Kwargs, name: &str) -> Option<Value> {
    let i = kwargs.iter().position(|(k, _)| &**k == name)?;
    Some(kwargs.remove(i).1)
}

impl Machine<'_> {
    /// `len(v)`: the length is decided by the shape (a string's length by the whole string).
    pub(crate) fn len_of(&mut self, v: &Value, text: &Arc<str>) -> Eval<Value> {
        let n = match &v.data {
            Data::Str(s) => crate::pystr::char_count(s),
            Data::List(l) => l.borrow().items.len(),
            Data::Tuple(t) => t.items.len(),
            Data::Dict(d) => d.borrow().map.len(),
            Data::Set(s) => s.borrow().map.len(),
            Data::Range(r) => match r.len_checked() {
                Some(n) => n as usize,
                None => {
                    let label = self.shape_label(v);
                    return Err(exception(
                        ExcKind::OverflowError,
                        "Python int too large to convert to C ssize_t".to_string(),
                        label,
                    ));
                }
            },
            Data::Iterator(i) if i.borrow().viewed_dict().is_some() => {
                match i.borrow().viewed_dict().map(|d| &d.data) {
                    Some(Data::Dict(d)) => d.borrow().map.len(),
                    _ => 0,
                }
            }
            _ => {
                return Err(self.type_error(
                    format!("object of type '{}' has no len()", v.data.type_name()),
                    &[v],
                ))
            }
        };
        let label = self.shape_label(v);
        let node = self.shape_node(v);
        Ok(self.derive_with(Data::Int(n as i64), label, &[node], text))
    }

    pub fn call_builtin(
        &mut self,
        b: Builtin,
        args: Vec<Value>,
        kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        // By family, one file each.
        match b {
            Builtin::Print
            | Builtin::Len
            | Builtin::Repr
            | Builtin::Ascii
            | Builtin::Chr
            | Builtin::Ord
            | Builtin::Hex
            | Builtin::Oct
            | Builtin::Bin
            | Builtin::Format
            | Builtin::Hash => self.text_builtin(b, args, kwargs, text),
            Builtin::Abs
            | Builtin::Round
            | Builtin::Divmod
            | Builtin::Pow
            | Builtin::Sum
            | Builtin::Min
            | Builtin::Max => self.number_builtin(b, args, kwargs, text),
            Builtin::Any
            | Builtin::All
            | Builtin::Sorted
            | Builtin::Reversed
            | Builtin::Enumerate
            | Builtin::Zip
            | Builtin::Map
            | Builtin::Filter
            | Builtin::Iter
            | Builtin::Next => self.iteration_builtin(b, args, kwargs, text),
            Builtin::Isinstance | Builtin::Issubclass | Builtin::Callable => {
                self.type_builtin(b, args, kwargs, text)
            }
        }
    }

    /// `iter()` of each argument of `zip` or `map`.
    fn iterators_of(&mut self, args: &[Value]) -> Eval<Vec<Value>> {
        args.iter().map(|a| self.iter_of(a)).collect()
    }

    /// `any(xs)` / `all(xs)`: pulls items until one decides, as CPython. Each item looked at
    /// decides whether the next is computed (strict mode: it stays in the context while the
    /// next is); the items not pulled would have been in a run where those differed.
    fn any_all(&mut self, want: bool, iterable: &Value, text: &Arc<str>) -> Eval<Value> {
        let it = self.iter_of(iterable)?;
        let saved = self.ctx;
        let mut label = Label::PROGRAM;
        let mut result = !want;
        let outcome = loop {
            let item = match self.next_of(&it) {
                Ok(Some(item)) => item,
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            };
            let l = self.full_label(&item);
            label = self.labels.join(label, l);
            if self.strict {
                self.ctx.label = self.labels.join(self.ctx.label, l);
            }
            if ops::truthy(&item.data) == want {
                result = want;
                let stopped = self.ctx.label;
                self.might_have_advanced(std::slice::from_ref(&it), stopped);
                break Ok(());
            }
        };
        self.restore(saved);
        outcome?;
        let shape = self.shape_label(&it);
        let label = self.labels.join(label, shape);
        let node = self.shape_node(&it);
        Ok(self.derive_with(Data::Bool(result), label, &[node], text))
    }

    pub fn new_iter(
        &mut self,
        items: Vec<Value>,
        kind: &'static str,
        shape: Label,
        shape_node: u32,
    ) -> Value {
        self.iterators_made += 1;
        Value::program(Data::Iterator(crate::cycles::Tracked::track(IterObj {
            items,
            pos: 0,
            kind,
            shape,
            shape_node,
            lazy: None,
            running: false,
            serial: self.iterators_made,
        })))
    }

    /// An exception instance, labeled with its arguments.
    pub fn new_exception(&mut self, exc: ExcObj) -> Value {
        let mut label = Label::PROGRAM;
        for a in &exc.args {
            let l = self.full_label(a);
            label = self.labels.join(label, l);
        }
        Value::with(Data::Exception(Rc::new(exc)), label, NO_NODE)
    }

    fn issubclass(&mut self, class: &Value, of: &Value) -> Eval<bool> {
        if let Data::Tuple(t) = &of.data {
            for item in t.items.clone() {
                if self.issubclass(class, &item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        let class_kind = match &class.data {
            Data::Type(t) => *t,
            Data::ExcClass(c) => TypeKind::Exception(c.builtin_kind()),
            Data::Model(_) => TypeKind::BaseModel,
            _ => return err(ExcKind::TypeError, "issubclass() arg 1 must be a class"),
        };
        Ok(match (&of.data, &class.data) {
            (Data::ExcClass(want), Data::ExcClass(have)) => {
                let probe = ExcObj {
                    kind: have.builtin_kind(),
                    class: Some(have.clone()),
                    args: Vec::new(),
                };
                probe.is_instance_of(want)
            }
            (Data::ExcClass(_), _) => false,
            (Data::Model(want), Data::Model(have)) => Rc::ptr_eq(want, have),
            (Data::Model(_), _) => false,
            (Data::Type(want), _) => match (*want, class_kind) {
                (TypeKind::Exception(w), TypeKind::Exception(h)) => h.is_subclass_of(w),
                (TypeKind::Int, TypeKind::Bool) => true,
                (w, h) => w == h,
            },
            _ => {
                return err(
                    ExcKind::TypeError,
                    "issubclass() arg 2 must be a class, a tuple of classes, or a union",
                )
            }
        })
    }

    fn isinstance(&mut self, v: &Value, types: &Value) -> Eval<bool> {
        match &types.data {
            Data::Type(t) => Ok(match (t, v.data.type_kind()) {
                (TypeKind::Int, TypeKind::Bool) => true,
                (TypeKind::Exception(want), TypeKind::Exception(have)) => {
                    have.is_subclass_of(*want)
                }
                (TypeKind::BaseModel, _) => matches!(v.data, Data::Instance(_)),
                (a, b) => *a == b,
            }),
            Data::Model(m) => {
                Ok(matches!(&v.data, Data::Instance(i) if Rc::ptr_eq(&i.borrow().class, m)))
            }
            Data::ExcClass(c) => Ok(matches!(&v.data, Data::Exception(e) if e.is_instance_of(c))),
            Data::Tuple(t) => {
                for ty in t.items.clone() {
                    if self.isinstance(v, &ty)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => err(
                ExcKind::TypeError,
                "isinstance() arg 2 must be a type, a tuple of types, or a union",
            ),
        }
    }

    fn round(&mut self, args: Vec<Value>, kwargs: Kwargs, text: &Arc<str>) -> Eval<Value> {
        let bound = bind_by_name("round", args, kwargs, &["number", "ndigits"], 1)?;
        // The number, then `ndigits` when given (by position or by name): the result's
        // inputs.
        let args: Vec<Value> = bound.into_iter().flatten().collect();
        let [arg] = leading(&args)?;
        // CPython looks up the number's `__round__` before it reads `ndigits`.
        if !matches!(
            arg.data,
            Data::Int(_) | Data::Bool(_) | Data::BigInt(_) | Data::Float(_)
        ) {
            let message = format!(
                "type {} doesn't define __round__ method",
                arg.data.type_name()
            );
            return Err(self.type_error(message, &[arg]));
        }
        let ndigits = args.get(1).cloned();
        let ndigits = match ndigits.as_ref().map(|v| &v.data) {
            None | Some(Data::None) => None,
            Some(Data::Int(i)) => Some(*i),
            Some(Data::Bool(b)) => Some(*b as i64),
            // Clamped, as CPython does: every value is already rounded to 10**20 digits.
            Some(Data::BigInt(b)) => Some(if b.is_negative() { i64::MIN } else { i64::MAX }),
            Some(other) => {
                return Err(self.type_error(
                    format!(
                        "'{}' object cannot be interpreted as an integer",
                        other.type_name()
                    ),
                    &[],
                ))
            }
        };
        let data = match (&arg.data, ndigits) {
            (Data::Int(_) | Data::BigInt(_) | Data::Bool(_), None) => {
                ops::int_data(ops::to_bigint(&arg.data).unwrap_or_default())
            }
            (Data::Int(_) | Data::BigInt(_) | Data::Bool(_), Some(n)) => {
                let i = ops::to_bigint(&arg.data).unwrap_or_default();
                // |i| < 10**digits: rounding to a multiple of a larger power of ten gives 0.
                let digits = i.bits() * 30103 / 100_000 + 2;
                if n >= 0 {
                    ops::int_data(i)
                } else if n.unsigned_abs() > digits {
                    Data::Int(0)
                } else {
                    let p = BigInt::from(10).pow(n.unsigned_abs() as u32);
                    let (q, r) = num_integer::Integer::div_mod_floor(&i, &p);
                    let twice: BigInt = &r * 2;
                    let q = match twice.cmp(&p) {
                        Ordering::Greater => q + 1,
                        Ordering::Equal if num_integer::Integer::is_odd(&q) => q + 1,
                        _ => q,
                    };
                    ops::int_data(q * p)
                }
            }
            (Data::Float(f), None) => {
                if !f.is_finite() {
                    return err(
                        if f.is_nan() {
                            ExcKind::ValueError
                        } else {
                            ExcKind::OverflowError
                        },
                        if f.is_nan() {
                            "cannot convert float NaN to integer"
                        } else {
                            "cannot convert float infinity to integer"
                        },
                    );
                }
                let r = f.round_ties_even();
                match r.to_i64() {
                    Some(i) if r.abs() < 9.2e18 => Data::Int(i),
                    _ => ops::int_data(num_traits::FromPrimitive::from_f64(r).unwrap_or_default()),
                }
            }
            (Data::Float(f), Some(n)) => Data::Float(round_float(*f, n)?),
            (other, _) => {
                return Err(self.type_error(
                    format!("type {} doesn't define __round__ method", other.type_name()),
                    &[],
                ))
            }
        };
        let inputs: Vec<&Value> = args.iter().collect();
        Ok(self.derive(data, &inputs, text))
    }

    /// `str(object='', encoding=..., errors=...)`. There are no bytes in a plan, so an
    /// encoding or errors argument ends in CPython's error for what was given.
    fn str_constructor(
        &mut self,
        args: Vec<Value>,
        kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let bound = bind_by_name("str", args, kwargs, &["object", "encoding", "errors"], 0)?;
        let mut bound = bound.into_iter();
        let (object, encoding, errors) = (
            bound.next().flatten(),
            bound.next().flatten(),
            bound.next().flatten(),
        );
        for (what, v) in [("encoding", &encoding), ("errors", &errors)] {
            if let Some(v) = v.as_ref().filter(|v| !matches!(v.data, Data::Str(_))) {
                let message = format!(
                    "str() argument '{what}' must be str, not {}",
                    crate::methods::clinic_type_name(&v.data)
                );
                return Err(self.type_error(message, &[v]));
            }
        }
        let Some(v) = object else {
            return Ok(Value::program(Data::str("")));
        };
        if encoding.is_some() || errors.is_some() {
            let message = match &v.data {
                Data::Str(_) => "decoding str is not supported".to_string(),
                other => format!(
                    "decoding to str: need a bytes-like object, {} found",
                    other.type_name()
                ),
            };
            return Err(self.type_error(message, &[&v]));
        }
        let s = self.str_of(&v)?;
        Ok(self.derive(Data::Str(PyStr::from(s)), &[&v], text))
    }

    fn min_max(
        &mut self,
        is_max: bool,
        args: Vec<Value>,
        mut kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let name = if is_max { "max" } else { "min" };
        // CPython counts the positional arguments before it reads the keywords.
        if args.is_empty() {
            return err(
                ExcKind::TypeError,
                format!("{name} expected at least 1 argument, got 0"),
            );
        }
        let key = take_kwarg(&mut kwargs, "key");
        let default = take_kwarg(&mut kwargs, "default");
        no_kwargs(name, &kwargs)?;
        if args.len() > 1 && default.is_some() {
            return err(
                ExcKind::TypeError,
                format!("Cannot specify a default for {name}() with multiple positional arguments"),
            );
        }
        let key = key.filter(|k| !matches!(k.data, Data::None));
        let mut label = Label::PROGRAM;
        let mut best: Option<(Value, Value)> = None;
        let single = match args.as_slice() {
            [only] => Some(only.clone()),
            _ => None,
        };
        let source = match single {
            Some(iterable) => {
                if !iterable.data.is_iterable() {
                    let message = format!("'{}' object is not iterable", iterable.data.type_name());
                    return Err(self.type_error(message, &[&iterable]));
                }
                iterable
            }
            None => self.new_tuple_plain(args),
        };
        // Items are pulled one at a time and compared as they come, as CPython does: an item
        // that cannot be compared stops the pulling there.
        let mut pull = |m: &mut Self| {
            m.iterate(&source, &mut |m, item| {
                m.best_step(is_max, item, key.as_ref(), &mut label, &mut best, text)?;
                Ok(true)
            })
        };
        match &key {
            Some(f) => {
                let f = f.clone();
                self.with_callback(&f, &[&source], pull)?;
            }
            None => {
                pull(self)?;
            }
        }
        // Read after the items: pulling them (a lazy iterator) decided how many there were.
        let shape = self.shape_label(&source);
        label = self.labels.join(label, shape);
        match best {
            Some((mut winner, _)) => {
                winner.label = self.labels.join(winner.label, label);
                Ok(winner)
            }
            // Being empty was decided by the shape.
            None => match default {
                Some(mut d) => {
                    d.label = self.labels.join(d.label, label);
                    Ok(d)
                }
                None => Err(exception(
                    ExcKind::ValueError,
                    // CPython 3.11's wording (3.12 says "iterable argument is empty").
                    format!("{name}() arg is an empty sequence"),
                    label,
                )),
            },
        }
    }

    /// One item of `min`/`max`: its key against the best so far; `label` gathers every
    /// compared key, which together chose the winner.
    fn best_step(
        &mut self,
        is_max: bool,
        item: Value,
        key: Option<&Value>,
        label: &mut Label,
        best: &mut Option<(Value, Value)>,
        text: &Arc<str>,
    ) -> Eval<()> {
        let k = match key {
            Some(f) => self.call_value(f, vec![item.clone()], Vec::new(), text)?,
            None => item.clone(),
        };
        let kl = self.full_label(&k);
        *label = self.labels.join(*label, kl);
        *best = Some(match best.take() {
            None => (item, k),
            Some((bv, bk)) => {
                let ord = ops::order(self, &k.data, &bk.data, if is_max { ">" } else { "<" })?;
                let better = if is_max {
                    ord == Some(Ordering::Greater)
                } else {
                    ord == Some(Ordering::Less)
                };
                if better {
                    (item, k)
                } else {
                    (bv, bk)
                }
            }
        });
        Ok(())
    }

    /// Sorts values (stable, like Python); returns them with the join of every compared key's
    /// label, which decided the order.
    pub fn sort_values(
        &mut self,
        items: Vec<Value>,
        key: Option<&Value>,
        reverse: bool,
    ) -> Eval<(Vec<Value>, Label)> {
        let mut keyed = Vec::with_capacity(items.len());
        let mut label = Label::PROGRAM;
        for item in items {
            let k = match key {
                Some(f) if !matches!(f.data, Data::None) => {
                    self.call_value(f, vec![item.clone()], Vec::new(), &Arc::from("key"))?
                }
                _ => item.clone(),
            };
            let kl = self.full_label(&k);
            label = self.labels.join(label, kl);
            keyed.push((k, item));
        }
        let data: Vec<Data> = keyed.iter().map(|(k, _)| k.data.clone()).collect();
        let idx = match native_sort::native_sort_order(&data, reverse) {
            Some(idx) => idx,
            None if data.len() < SMALL_SORT => self.small_sort_order(&data, reverse)?,
            None => self.large_sort_order(&data, reverse)?,
        };
        let mut slots: Vec<Option<(Value, Value)>> = keyed.into_iter().map(Some).collect();
        let sorted = idx
            .into_iter()
            .filter_map(|i| slots.get_mut(i)?.take().map(|(_, v)| v))
            .collect();
        Ok((sorted, label))
    }

    /// The sorted order of `keys` (indices), as CPython's list sort finds it for fewer than
    /// 64 items: one natural run, then binary insertion, comparing `later < earlier` in the
    /// same sequence, so a list whose keys cannot all be compared fails on the same pair.
    /// With `reverse`, the keys are reversed before and the order after (stable, as CPython).
    fn small_sort_order(&mut self, keys: &[Data], reverse: bool) -> Eval<Vec<usize>> {
        let mut order: Vec<usize> = (0..keys.len()).collect();
        if reverse {
            order.reverse();
        }
        let less = |m: &mut Self, order: &[usize], a: usize, b: usize| -> Eval<bool> {
            match (
                order.get(a).and_then(|&i| keys.get(i)),
                order.get(b).and_then(|&i| keys.get(i)),
            ) {
                (Some(x), Some(y)) => Ok(ops::order(m, x, y, "<")? == Some(Ordering::Less)),
                _ => Ok(false),
            }
        };
        // The run at the start: strictly descending (then reversed) or non-descending.
        let n = order.len();
        let mut run = n.min(1);
        if n >= 2 {
            run = 2;
            if less(self, &order, 1, 0)? {
                while run < n && less(self, &order, run, run - 1)? {
                    run += 1;
                }
                if let Some(head) = order.get_mut(..run) {
                    head.reverse();
                }
            } else {
                while run < n && !less(self, &order, run, run - 1)? {
                    run += 1;
                }
            }
        }
        // Binary insertion of the rest, each pivot compared as `pivot < item`.
        for start in run..n {
            let (mut lo, mut hi) = (0, start);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if less(self, &order, start, mid)? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            if let Some(moved) = order.get_mut(lo..=start) {
                moved.rotate_right(1);
            }
        }
        if reverse {
            order.reverse();
        }
        Ok(order)
    }

    /// The sorted order of 64 keys or more: a stable sort whose first failed comparison's
    /// error wins (CPython merges runs; which pair fails first may differ).
    fn large_sort_order(&mut self, keys: &[Data], reverse: bool) -> Eval<Vec<usize>> {
        let mut failure = None;
        let mut idx: Vec<usize> = (0..keys.len()).collect();
        idx.sort_by(|&a, &b| {
            if failure.is_some() {
                return Ordering::Equal;
            }
            let (Some(x), Some(y)) = (keys.get(a), keys.get(b)) else {
                return Ordering::Equal;
            };
            match ops::order(self, x, y, "<") {
                Ok(Some(o)) => {
                    if reverse {
                        o.reverse()
                    } else {
                        o
                    }
                }
                Ok(None) => Ordering::Equal,
                Err(e) => {
                    failure = Some(e);
                    Ordering::Equal
                }
            }
        });
        match failure {
            Some(e) => Err(e),
            None => Ok(idx),
        }
    }

    /// Calls a builtin type: `int(x)`, `str(x)`, `list(x)`, ...
    pub fn construct(
        &mut self,
        t: TypeKind,
        args: Vec<Value>,
        mut kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let name = t.name();
        match t {
            TypeKind::Exception(kind) => {
                no_kwargs(name, &kwargs)?;
                return Ok(self.new_exception(ExcObj::new(kind, args)));
            }
            TypeKind::Dict => {
                arity(name, &args, 0, 1)?;
                let mut pairs = Vec::new();
                let mut shape = Label::PROGRAM;
                if let Some(src) = args.first() {
                    shape = self.shape_label(src);
                    match &src.data {
                        Data::Dict(d) => pairs.extend(d.borrow().map.values().cloned()),
                        _ => self.update_pairs(src, &mut pairs)?,
                    }
                }
                for (k, v) in kwargs.drain(..) {
                    pairs.push((Value::program(Data::Str(PyStr::from(&k))), v));
                }
                if let Some(src) = args.first() {
                    // Pulling a lazy iterator's items decided more of its shape.
                    let after = self.shape_label(src);
                    shape = self.labels.join(shape, after);
                }
                let d = self.dict_from_pairs(pairs)?;
                let node = args.first().map(|a| self.shape_node(a)).unwrap_or(NO_NODE);
                self.taint_shape(&d, shape, node);
                return Ok(d);
            }
            _ => {}
        }
        // `int(x, base=16)`: only the base may be named (`x` is positional-only).
        if t == TypeKind::Int {
            at_most_with_keywords(name, &args, &kwargs, 2)?;
            if let Some((other, _)) = kwargs.iter().find(|(k, _)| &**k != "base") {
                return err(
                    ExcKind::TypeError,
                    format!("'{other}' is an invalid keyword argument for int()"),
                );
            }
            if let Some(base) = take_kwarg(&mut kwargs, "base") {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 0, 1)?;
                let Some(v) = args.first() else {
                    return err(ExcKind::TypeError, "int() missing string argument");
                };
                let data = self.int_from(v, Some(&base))?;
                return Ok(self.derive(data, &[v, &base], text));
            }
        }
        match t {
            TypeKind::Type => {
                if args.len() != 1 && args.len() != 3 {
                    return err(ExcKind::TypeError, "type() takes 1 or 3 arguments");
                }
                if !kwargs.is_empty() {
                    return err(ExcKind::TypeError, "type() takes no keyword arguments");
                }
                if args.len() == 3 {
                    return err(
                        ExcKind::TypeError,
                        "type() with three arguments makes a class, which a plan cannot do at \
                         run time: write a class statement",
                    );
                }
            }
            TypeKind::Str => return self.str_constructor(args, kwargs, text),
            _ => {}
        }
        no_kwargs(name, &kwargs)?;
        match t {
            TypeKind::Int => {
                arity(name, &args, 0, 2)?;
                let Some(v) = args.first() else {
                    return Ok(Value::program(Data::Int(0)));
                };
                let data = self.int_from(v, args.get(1))?;
                let inputs: Vec<&Value> = args.iter().collect();
                Ok(self.derive(data, &inputs, text))
            }
            TypeKind::Float => {
                arity(name, &args, 0, 1)?;
                let Some(v) = args.first() else {
                    return Ok(Value::program(Data::Float(0.0)));
                };
                let f = match &v.data {
                    Data::Float(f) => *f,
                    Data::Int(i) => *i as f64,
                    Data::Bool(b) => *b as i64 as f64,
                    Data::BigInt(b) => ops::bigint_to_f64(b)?,
                    Data::Str(s) => match parse_float(s) {
                        Some(f) => f,
                        None => {
                            let r = self.repr(v)?;
                            return Err(exception(
                                ExcKind::ValueError,
                                format!("could not convert string to float: {r}"),
                                v.label,
                            ));
                        }
                    },
                    other => {
                        return Err(self.type_error(
                            format!(
                                "float() argument must be a string or a real number, not '{}'",
                                other.type_name()
                            ),
                            &[v],
                        ))
                    }
                };
                Ok(self.derive(Data::Float(f), &[v], text))
            }
            TypeKind::Bool => {
                arity(name, &args, 0, 1)?;
                let Some(v) = args.first() else {
                    return Ok(Value::program(Data::Bool(false)));
                };
                Ok(self.derive(Data::Bool(ops::truthy(&v.data)), &[v], text))
            }
            TypeKind::List | TypeKind::Tuple | TypeKind::Set | TypeKind::FrozenSet => {
                arity(name, &args, 0, 1)?;
                let (items, shape, node) = match args.first() {
                    Some(v) => {
                        // Read after the items: pulling them (a lazy iterator) decides it.
                        let items = self.collect_items(v)?;
                        let shape = self.shape_label(v);
                        let node = self.shape_node(v);
                        (items, shape, node)
                    }
                    None => (Vec::new(), Label::PROGRAM, NO_NODE),
                };
                Ok(match t {
                    TypeKind::List => self.new_list(items, shape, node),
                    TypeKind::Tuple => self.new_tuple(items, shape, node),
                    _ => {
                        let frozen = t == TypeKind::FrozenSet;
                        match args.first().map(|a| &a.data) {
                            Some(Data::Set(source)) => {
                                self.new_set_copied(&source.borrow(), items, shape, frozen)?
                            }
                            _ => self.new_set(items, shape, frozen)?,
                        }
                    }
                })
            }
            TypeKind::Range => {
                arity(name, &args, 1, 3)?;
                let mut ints: Vec<num_bigint::BigInt> = Vec::with_capacity(3);
                for a in &args {
                    match &a.data {
                        Data::Int(i) => ints.push((*i).into()),
                        Data::Bool(b) => ints.push((*b as i64).into()),
                        Data::BigInt(b) => ints.push((**b).clone()),
                        other => {
                            return Err(self.type_error(
                                format!(
                                    "'{}' object cannot be interpreted as an integer",
                                    other.type_name()
                                ),
                                &[a],
                            ))
                        }
                    }
                }
                let (zero, one) = (num_bigint::BigInt::from(0), num_bigint::BigInt::from(1));
                let (start, stop, step) = match ints.as_slice() {
                    [stop] => (zero.clone(), stop.clone(), one),
                    [start, stop] => (start.clone(), stop.clone(), one),
                    [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
                    _ => (zero.clone(), zero.clone(), one),
                };
                if step == zero {
                    return err(ExcKind::ValueError, "range() arg 3 must not be zero");
                }
                let inputs: Vec<&Value> = args.iter().collect();
                let range = RangeObj::of_big(start, stop, step);
                Ok(self.derive(Data::Range(Rc::new(range)), &inputs, text))
            }
            TypeKind::Type => {
                arity(name, &args, 1, 1)?;
                let [arg] = leading(&args)?;
                let v = arg;
                let data = match &v.data {
                    Data::Instance(i) => Data::Model(i.borrow().class.clone()),
                    Data::Exception(e) => match &e.class {
                        Some(c) => Data::ExcClass(c.clone()),
                        None => Data::Type(TypeKind::Exception(e.kind)),
                    },
                    other => Data::Type(other.type_kind()),
                };
                Ok(self.derive(data, &[v], text))
            }
            TypeKind::BaseModel => err(
                ExcKind::TypeError,
                "BaseModel cannot be instantiated; subclass it",
            ),
            other => err(
                ExcKind::TypeError,
                format!("cannot create '{}' instances", other.name()),
            ),
        }
    }

    /// Appends to `pairs` the key-value pairs of an iterable given to `dict(...)`,
    /// `d.update(...)` or `d |= ...`: each item must itself hold exactly two items. On an error
    /// the pairs before the bad item are in `pairs` (`update` keeps them, as CPython does).
    pub(crate) fn update_pairs(
        &mut self,
        src: &Value,
        pairs: &mut Vec<(Value, Value)>,
    ) -> Eval<()> {
        let items = self.collect_items(src)?;
        pairs.reserve(items.len());
        for (index, item) in items.iter().enumerate() {
            let kv = match self.collect_items(item) {
                Ok(kv) => kv,
                Err(crate::error::Unwind::Exc(e)) if e.exc.kind == ExcKind::TypeError => {
                    return err(
                        ExcKind::TypeError,
                        format!(
                            "cannot convert dictionary update sequence element #{index} to a sequence"
                        ),
                    )
                }
                Err(other) => return Err(other),
            };
            let [k, v]: [Value; 2] = kv.try_into().map_err(|kv: Vec<Value>| {
                exception(
                    ExcKind::ValueError,
                    format!(
                        "dictionary update sequence element #{index} has length {}; 2 is required",
                        kv.len()
                    ),
                    Label::PROGRAM,
                )
            })?;
            pairs.push((k, v));
        }
        Ok(())
    }

    /// The `reverse=` of `sorted` and `list.sort`: an integer (or bool), as in CPython.
    /// A sort's `reverse=` argument, and its label: whether to reverse decided the order as
    /// much as the keys did.
    pub(crate) fn reverse_flag(&mut self, reverse: Option<&Value>) -> Eval<(bool, Label)> {
        let Some(r) = reverse else {
            return Ok((false, Label::PROGRAM));
        };
        match &r.data {
            d @ (Data::Int(_) | Data::Bool(_) | Data::BigInt(_)) => {
                Ok((ops::truthy(d), self.full_label(r)))
            }
            other => {
                let message = format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                );
                Err(self.type_error(message, &[r]))
            }
        }
    }

    fn int_from(&mut self, v: &Value, base: Option<&Value>) -> Eval<Data> {
        if let Some(b) = base {
            // CPython checks the base before the value.
            let radix = match &b.data {
                Data::Int(i) if *i == 0 || (2..=36).contains(i) => *i as u32,
                Data::Int(_) | Data::Bool(_) | Data::BigInt(_) => {
                    return err(
                        ExcKind::ValueError,
                        "int() base must be >= 2 and <= 36, or 0",
                    )
                }
                other => {
                    return Err(self.type_error(
                        format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.type_name()
                        ),
                        &[b],
                    ))
                }
            };
            let Data::Str(s) = &v.data else {
                return err(
                    ExcKind::TypeError,
                    "int() can't convert non-string with explicit base",
                );
            };
            check_int_str_digits(s, radix)?;
            return match parse_int(s, radix) {
                Some(i) => Ok(ops::int_data(i)),
                None => {
                    let r = self.repr(v)?;
                    Err(exception(
                        ExcKind::ValueError,
                        format!("invalid literal for int() with base {radix}: {r}"),
                        v.label,
                    ))
                }
            };
        }
        match &v.data {
            Data::Int(i) => Ok(Data::Int(*i)),
            Data::BigInt(b) => Ok(Data::BigInt(b.clone())),
            Data::Bool(b) => Ok(Data::Int(*b as i64)),
            Data::Float(f) => {
                if f.is_nan() {
                    return err(ExcKind::ValueError, "cannot convert float NaN to integer");
                }
                if f.is_infinite() {
                    return err(ExcKind::OverflowError, "cannot convert float infinity to integer");
                }
                let t = f.trunc();
                Ok(if t.abs() < 9.2e18 {
                    Data::Int(t as i64)
                } else {
                    ops::int_data(num_traits::FromPrimitive::from_f64(t).unwrap_or_default())
                })
            }
            // Each decimal digit is about 3.32 bits: refuse before parsing.
            Data::Str(s) if (s.len() as u64).saturating_mul(10) / 3 > self.limits.max_int_bits + 64 => {
                Err(crate::error::Unwind::limit(
                    "integer size",
                    format!(
                        "integer size limit exceeded: a {}-character number has more than {} bits",
                        s.len(),
                        self.limits.max_int_bits
                    ),
                ))
            }
            Data::Str(s) => {
                check_int_str_digits(s, 10)?;
                match parse_int(s, 10) {
                    Some(i) => {
                        ops::check_int_bits(self, i.bits())?;
                        Ok(ops::int_data(i))
                    }
                    None => {
                        let r = self.repr(v)?;
                        Err(exception(
                            ExcKind::ValueError,
                            format!("invalid literal for int() with base 10: {r}"),
                            v.label,
                        ))
                    }
                }
            }
            other => Err(self.type_error(
                format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    other.type_name()
                ),
                &[v],
            )),
        }
    }
}

/// CPython 3.11 refuses to read more than 4300 digits in a base that is not a power of two
/// (the quadratic conversion was a denial of service); the same limit as `str(int)`.
fn check_int_str_digits(s: &str, radix: u32) -> Eval<()> {
    let unsigned = s.trim().trim_start_matches(['+', '-']).to_ascii_lowercase();
    let prefixed = ["0x", "0o", "0b"].iter().any(|p| unsigned.starts_with(p));
    if radix.is_power_of_two() || (radix == 0 && prefixed) {
        return Ok(());
    }
    // The digits CPython counts: the run of them (underscores between) after the sign, before
    // anything else is looked at (`int('ß2222...')` is an invalid literal, not too long).
    let ascii = digits::to_ascii_number(s);
    let body = ascii.trim_start();
    let body = body.strip_prefix(['+', '-']).unwrap_or(body);
    let base = if radix == 0 { 10 } else { radix };
    let digits = body
        .chars()
        .take_while(|c| *c == '_' || c.is_digit(base))
        .filter(|c| *c != '_')
        .count();
    if digits > crate::format::MAX_STR_DIGITS {
        return err(
            ExcKind::ValueError,
            format!(
                "Exceeds the limit ({} digits) for integer string conversion: value has {digits} \
                 digits; use sys.set_int_max_str_digits() to increase the limit",
                crate::format::MAX_STR_DIGITS
            ),
        );
    }
    Ok(())
}

/// Python's `int(s, base)` parsing: surrounding whitespace, sign, underscores between digits,
/// and prefixes for base 0 / matching bases.
pub fn parse_int(s: &str, radix: u32) -> Option<BigInt> {
    let base_from_prefix = radix == 0;
    let ascii = digits::to_ascii_number(s);
    let t = ascii.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = {
        let pick = |p: &str, r: u32| lower.strip_prefix(p).map(|d| (r, d.to_string()));
        match radix {
            0 => pick("0x", 16)
                .or_else(|| pick("0o", 8))
                .or_else(|| pick("0b", 2))
                .unwrap_or((10, lower.clone())),
            16 => pick("0x", 16).unwrap_or((16, lower.clone())),
            8 => pick("0o", 8).unwrap_or((8, lower.clone())),
            2 => pick("0b", 2).unwrap_or((2, lower.clone())),
            r => (r, lower.clone()),
        }
    };
    let prefixed = digits.len() < lower.len();
    // `_` may follow a base prefix (`0x_1f`), never start the number itself.
    let digits = match digits.strip_prefix('_') {
        Some(rest) if prefixed => rest.to_string(),
        _ => digits,
    };
    // Base 0 reads the base from the prefix; without one, a leading zero is an error
    // (`int("010", 0)`) unless the number is zero.
    if base_from_prefix
        && !prefixed
        && digits.starts_with('0')
        && digits.chars().any(|c| c != '0' && c != '_')
    {
        return None;
    }
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let n = BigInt::parse_bytes(clean.as_bytes(), radix)?;
    Some(if neg { -n } else { n })
}

/// Python's `float(s)`.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = digits::to_ascii_number(s).trim().to_ascii_lowercase();
    if !underscores_between_digits(&t) {
        return None;
    }
    let t = t.replace('_', "");
    match t.trim_start_matches(['+', '-']) {
        "inf" | "infinity" => {
            return Some(if t.starts_with('-') {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-'))
    {
        return None;
    }
    t.parse::<f64>().ok()
}

/// Python allows `_` in a number only between two digits (`1_000.5`, not `1__0` or `_1`).
fn underscores_between_digits(t: &str) -> bool {
    let bytes = t.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| {
        b != b'_'
            || (i
                .checked_sub(1)
                .and_then(|before| bytes.get(before))
                .is_some_and(u8::is_ascii_digit)
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
    })
}

/// `round(f, n)`, correctly rounded through the decimal expansion (as CPython does).
pub fn round_float(f: f64, n: i64) -> Eval<f64> {
    // CPython's bounds: beyond them every float is already rounded, or rounds to zero.
    if !f.is_finite() || n > 323 {
        return Ok(f);
    }
    if n < -308 {
        return Ok(0.0 * f.signum());
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, f);
        return Ok(s.parse().unwrap_or(f));
    }
    let rounded = round_to_power_of_ten(f, n.unsigned_abs() as u32);
    if rounded.is_infinite() {
        return err(
            ExcKind::OverflowError,
            "rounded value too large to represent",
        );
    }
    Ok(rounded)
}

/// `f` rounded to a multiple of `10**p`, half to even, from its exact binary value (as
/// CPython's correctly rounded `round(f, -p)`; dividing by `10.0**p` in floats is not exact).
fn round_to_power_of_ten(f: f64, p: u32) -> f64 {
    use num_integer::Integer;
    let (mantissa, exponent, sign) = num_traits::float::FloatCore::integer_decode(f);
    let mut numerator = BigInt::from(mantissa);
    let mut denominator = BigInt::from(10u32).pow(p);
    if exponent >= 0 {
        numerator <<= exponent as usize;
    } else {
        denominator <<= exponent.unsigned_abs() as usize;
    }
    let (quotient, remainder) = numerator.div_rem(&denominator);
    let twice_remainder: BigInt = remainder * 2;
    let quotient = match twice_remainder.cmp(&denominator) {
        Ordering::Less => quotient,
        Ordering::Greater => quotient + 1,
        Ordering::Equal if quotient.is_odd() => quotient + 1,
        Ordering::Equal => quotient,
    };
    // Decimal text parses correctly rounded.
    let magnitude: f64 = format!("{quotient}e{p}").parse().unwrap_or(f64::INFINITY);
    if sign < 0 {
        -magnitude
    } else {
        magnitude
    }
}
