//! Methods of str, list, dict, set and tuple, one file per type; here the tables of what each
//! type has, the dispatch, and what they share. Mutating methods keep each inserted value's
//! label on the element and join the control context (and any key) into the shape.

use crate::builtins::{arity, leading, take_kwarg};
use crate::error::{err, exception, Eval};
use crate::eval::{Kwargs, Machine};
use crate::ops;
use crate::unicode;
use crate::value::*;
use bactrian_provenance::Label;
use num_traits::Signed;
use std::rc::Rc;
use std::sync::Arc;

mod common;
mod dict;
mod list;
mod set;
mod string;

// The methods of str: an enum, so that a call the plan makes is dispatched on the method
// found when the plan was lowered ([`MethodSlots`]) instead of comparing its name with each
// method's in turn, and the list [`crate::surface`] publishes, from the same literals.
macro_rules! str_methods {
    ($($variant:ident = $name:literal),* $(,)?) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum StrMethod {
            $($variant),*
        }

        pub(crate) const STR_METHODS: &[&str] = &[$($name),*];

        impl StrMethod {
            /// The str method called `name`.
            #[inline]
            pub(crate) fn named(name: &str) -> Option<StrMethod> {
                match name {
                    $($name => Some(StrMethod::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

str_methods!(
    Lower = "lower",
    Upper = "upper",
    Strip = "strip",
    LStrip = "lstrip",
    RStrip = "rstrip",
    Split = "split",
    RSplit = "rsplit",
    Join = "join",
    Replace = "replace",
    Find = "find",
    RFind = "rfind",
    Index = "index",
    RIndex = "rindex",
    Count = "count",
    StartsWith = "startswith",
    EndsWith = "endswith",
    Title = "title",
    Capitalize = "capitalize",
    SwapCase = "swapcase",
    IsDigit = "isdigit",
    IsAlpha = "isalpha",
    IsAlnum = "isalnum",
    IsSpace = "isspace",
    IsUpper = "isupper",
    IsLower = "islower",
    IsNumeric = "isnumeric",
    IsDecimal = "isdecimal",
    IsTitle = "istitle",
    ZFill = "zfill",
    Center = "center",
    LJust = "ljust",
    RJust = "rjust",
    Partition = "partition",
    RPartition = "rpartition",
    SplitLines = "splitlines",
    Format = "format",
    FormatMap = "format_map",
    CaseFold = "casefold",
    RemovePrefix = "removeprefix",
    RemoveSuffix = "removesuffix",
    ExpandTabs = "expandtabs",
    IsIdentifier = "isidentifier",
    IsPrintable = "isprintable",
    IsAscii = "isascii",
    Translate = "translate",
    MakeTrans = "maketrans",
);

fn is_str_method(name: &str) -> bool {
    StrMethod::named(name).is_some()
}

impl StrMethod {
    /// Whether it takes no arguments (`s.upper()`), as CPython's argument clinic checks.
    fn takes_no_arguments(self) -> bool {
        use StrMethod::*;
        matches!(
            self,
            Lower
                | Upper
                | CaseFold
                | SwapCase
                | Title
                | Capitalize
                | IsDigit
                | IsDecimal
                | IsNumeric
                | IsAlpha
                | IsAlnum
                | IsSpace
                | IsAscii
                | IsUpper
                | IsLower
                | IsTitle
                | IsIdentifier
                | IsPrintable
        )
    }
}
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

/// CPython's message for a str method that parses no keywords (`str.upper`, `str.zfill`).
pub(super) fn str_takes_no_keywords(name: &str, kwargs: &Kwargs) -> Eval<()> {
    if !kwargs.is_empty() {
        return err(
            ExcKind::TypeError,
            format!("str.{name}() takes no keyword arguments"),
        );
    }
    Ok(())
}

/// CPython's checks for a str method of one positional argument (`str.zfill(width)`).
fn one_argument(name: &str, args: &[Value], kwargs: &Kwargs) -> Eval<()> {
    str_takes_no_keywords(name, kwargs)?;
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
    let (bound, n) = if min == max && args.len() != min {
        ("", min)
    } else if args.len() < min {
        ("at least ", min)
    } else if args.len() > max {
        ("at most ", max)
    } else {
        return Ok(());
    };
    let plural = if n == 1 { "" } else { "s" };
    err(
        ExcKind::TypeError,
        format!(
            "{name} expected {bound}{n} argument{plural}, got {}",
            args.len()
        ),
    )
}

/// A method of a container type, with how many positional arguments it takes (`max`
/// `usize::MAX`: any number, as `set.union(*others)`).
pub(crate) struct Method {
    name: &'static str,
    min: usize,
    max: usize,
}

const fn method(name: &'static str, min: usize, max: usize) -> Method {
    Method { name, min, max }
}

const ANY: usize = usize::MAX;

pub(crate) const LIST_METHODS: &[Method] = &[
    method("append", 1, 1),
    method("extend", 1, 1),
    method("insert", 2, 2),
    method("remove", 1, 1),
    method("pop", 0, 1),
    method("index", 1, 3),
    method("count", 1, 1),
    method("sort", 0, 0),
    method("reverse", 0, 0),
    method("copy", 0, 0),
    method("clear", 0, 0),
];
pub(crate) const DICT_METHODS: &[Method] = &[
    method("get", 1, 2),
    method("keys", 0, 0),
    method("values", 0, 0),
    method("items", 0, 0),
    method("pop", 1, 2),
    method("popitem", 0, 0),
    method("setdefault", 1, 2),
    method("update", 0, 1),
    method("copy", 0, 0),
    method("clear", 0, 0),
];
pub(crate) const SET_METHODS: &[Method] = &[
    method("add", 1, 1),
    method("discard", 1, 1),
    method("remove", 1, 1),
    method("pop", 0, 0),
    method("union", 0, ANY),
    method("intersection", 0, ANY),
    method("difference", 0, ANY),
    method("symmetric_difference", 1, 1),
    method("issubset", 1, 1),
    method("issuperset", 1, 1),
    method("isdisjoint", 1, 1),
    method("copy", 0, 0),
    method("clear", 0, 0),
    method("update", 0, ANY),
    method("intersection_update", 0, ANY),
    method("difference_update", 0, ANY),
    method("symmetric_difference_update", 1, 1),
];
pub(crate) const TUPLE_METHODS: &[Method] = &[method("index", 1, 3), method("count", 1, 1)];

/// CPython's check of a container method's positional arguments, in the wording of the way
/// CPython declares that method (`METH_NOARGS`, `METH_O`, Argument Clinic).
fn check_method_arity(type_name: &str, method: &Method, args: &[Value]) -> Eval<()> {
    let (name, n) = (method.name, args.len());
    if (method.min..=method.max).contains(&n) {
        return Ok(());
    }
    let message = match (method.min, method.max) {
        // `list.sort` takes keyword arguments only.
        _ if name == "sort" && n > 2 => format!("sort() takes at most 2 arguments ({n} given)"),
        _ if name == "sort" => "sort() takes no positional arguments".to_string(),
        (0, 0) => format!("{type_name}.{name}() takes no arguments ({n} given)"),
        (1, 1) => return exactly_one_argument(type_name, name, args),
        _ => return expected_arguments(name, args, method.min, method.max),
    };
    err(ExcKind::TypeError, message)
}

/// Whether the builtin type `t` has a method called `name` (`str.lower`).
pub fn type_has_method(t: TypeKind, name: &str) -> bool {
    if CLASS_METHODS.contains(&(t, name)) {
        return true;
    }
    let table: &[Method] = match t {
        TypeKind::Str => return is_str_method(name),
        TypeKind::List => LIST_METHODS,
        TypeKind::Dict => DICT_METHODS,
        TypeKind::Set => SET_METHODS,
        TypeKind::Tuple => TUPLE_METHODS,
        _ => &[],
    };
    table.iter().any(|m| m.name == name)
}

/// The methods of int (and bool).
pub(crate) const INT_METHODS: &[&str] = &["bit_length"];
/// The methods of float.
pub(crate) const FLOAT_METHODS: &[&str] = &["is_integer"];
/// The methods of a data-model instance.
pub(crate) const MODEL_METHODS: &[&str] = &["model_dump", "dict"];
/// Methods called on the type itself (`dict.fromkeys(keys)`, `str.maketrans("ab", "xy")`).
pub(crate) const CLASS_METHODS: &[(TypeKind, &str)] =
    &[(TypeKind::Dict, "fromkeys"), (TypeKind::Str, "maketrans")];

/// The names of a container type's methods.
pub(crate) fn names(table: &[Method]) -> Vec<&'static str> {
    table.iter().map(|m| m.name).collect()
}

/// The methods of frozenset: set's, less those that change the set.
pub(crate) fn frozenset_methods() -> Vec<&'static str> {
    SET_METHODS
        .iter()
        .map(|m| m.name)
        .filter(|n| !set::MUTATING_METHODS.contains(n))
        .collect()
}

/// Where a method name stands in the method table of each container type (`NO_SLOT`: it
/// is not one of its methods). The plan's method calls find theirs when the plan is lowered,
/// so that a call looks its method up by position instead of comparing names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MethodSlots {
    list: u8,
    dict: u8,
    set: u8,
    tuple: u8,
    /// The str method of that name.
    str: Option<StrMethod>,
}

const NO_SLOT: u8 = u8::MAX;

/// Where `name` stands in `table` (`NO_SLOT`: not there).
fn slot_in(table: &[Method], name: &str) -> u8 {
    table
        .iter()
        .position(|m| m.name == name)
        .and_then(|i| u8::try_from(i).ok())
        .unwrap_or(NO_SLOT)
}

impl MethodSlots {
    /// The slots of the method `name`.
    pub fn of(name: &str) -> MethodSlots {
        let at = |table| slot_in(table, name);
        MethodSlots {
            list: at(LIST_METHODS),
            dict: at(DICT_METHODS),
            set: at(SET_METHODS),
            tuple: at(TUPLE_METHODS),
            str: StrMethod::named(name),
        }
    }

    /// The slot of the method `name` in the table of `data`'s type only (the one a call on
    /// it reads): for a call by name, which scans one table, as before the slots.
    fn for_receiver(data: &Data, name: &str) -> MethodSlots {
        let at = |table| slot_in(table, name);
        let mut slots = MethodSlots {
            list: NO_SLOT,
            dict: NO_SLOT,
            set: NO_SLOT,
            tuple: NO_SLOT,
            str: None,
        };
        match data {
            Data::List(_) => slots.list = at(LIST_METHODS),
            Data::Dict(_) => slots.dict = at(DICT_METHODS),
            Data::Set(_) => slots.set = at(SET_METHODS),
            Data::Tuple(_) => slots.tuple = at(TUPLE_METHODS),
            _ => {}
        }
        slots
    }

    /// [`has_method`] of `data` and the method `name` these are the slots of.
    #[inline]
    pub fn has_method(self, data: &Data, name: &str) -> bool {
        match data {
            Data::List(_) => self.list != NO_SLOT,
            Data::Dict(_) => self.dict != NO_SLOT,
            Data::Set(_) => self.set != NO_SLOT,
            Data::Tuple(_) => self.tuple != NO_SLOT,
            Data::Str(_) => self.str.is_some(),
            _ => has_method(data, name),
        }
    }
}

/// Whether `data` has a method called `name`.
pub fn has_method(data: &Data, name: &str) -> bool {
    let table: &[Method] = match data {
        Data::List(_) => LIST_METHODS,
        Data::Dict(_) => DICT_METHODS,
        Data::Set(_) => SET_METHODS,
        Data::Tuple(_) => TUPLE_METHODS,
        _ => &[],
    };
    if table.iter().any(|m| m.name == name) {
        return true;
    }
    let table: &[&str] = match data {
        Data::Str(_) => return is_str_method(name),
        Data::Instance(_) => MODEL_METHODS,
        Data::Int(_) | Data::BigInt(_) => INT_METHODS,
        Data::Float(_) => FLOAT_METHODS,
        _ => &[],
    };
    table.contains(&name)
}

impl Machine<'_> {
    pub(super) fn str_arg(&mut self, v: &Value, method: &str) -> Eval<PyStr> {
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
    /// A start or stop of `list.index`/`tuple.index`: an int (a big one clamps), not None.
    pub(super) fn slice_bound(&mut self, v: Option<&Value>) -> Eval<Option<i64>> {
        match v.map(|v| &v.data) {
            None => Ok(None),
            Some(Data::BigInt(b)) => Ok(Some(if b.is_negative() { i64::MIN } else { i64::MAX })),
            Some(Data::Int(_) | Data::Bool(_)) => self.opt_int(v),
            Some(_) => Err(self.type_error(
                "slice indices must be integers or have an __index__ method".to_string(),
                &[],
            )),
        }
    }

    /// An optional int argument that may be left out but not given as None (`maxsplit`,
    /// `replace`'s count).
    pub(super) fn int_unless_absent(&mut self, v: Option<&Value>) -> Eval<Option<i64>> {
        match v {
            Some(none) if matches!(none.data, Data::None) => Err(self.type_error(
                "'NoneType' object cannot be interpreted as an integer".to_string(),
                &[none],
            )),
            v => self.opt_int(v),
        }
    }

    /// An optional int argument that CPython converts to a C `int` (`tabsize`, `keepends`).
    pub(super) fn c_int_unless_absent(&mut self, v: Option<&Value>) -> Eval<Option<i64>> {
        let too_large = || {
            err(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            )
        };
        if v.is_some_and(|v| matches!(v.data, Data::BigInt(_))) {
            return too_large();
        }
        let n = self.int_unless_absent(v)?;
        if n.is_some_and(|n| i32::try_from(n).is_err()) {
            return too_large();
        }
        Ok(n)
    }

    /// The `N` optional arguments of a str method whose parameters may be given by position
    /// or by name (`split(sep=None, maxsplit=-1)`), with CPython's messages for too many, a
    /// name given twice and an unknown name.
    pub(super) fn by_position_or_name<const N: usize>(
        &mut self,
        name: &str,
        args: &[Value],
        kwargs: Kwargs,
        params: [&str; N],
    ) -> Eval<[Option<Value>; N]> {
        if kwargs.is_empty() {
            // The usual call, by position only: no vector made.
            crate::builtins::at_most_with_keywords(name, args, &kwargs, N)?;
            return Ok(std::array::from_fn(|i| args.get(i).cloned()));
        }
        let mut bound =
            crate::builtins::bind_by_name(name, args.to_vec(), kwargs, &params, 0)?.into_iter();
        Ok(std::array::from_fn(|_| bound.next().flatten()))
    }

    pub(super) fn opt_int(&mut self, v: Option<&Value>) -> Eval<Option<i64>> {
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
    pub(super) fn call_through_type(
        &mut self,
        t: TypeKind,
        ty: &Value,
        name: &Rc<str>,
        args: &[Value],
        kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        if CLASS_METHODS.contains(&(t, &**name)) {
            return match (t, &**name) {
                (TypeKind::Dict, "fromkeys") => self.dict_fromkeys(ty, args.to_vec(), kwargs, text),
                (TypeKind::Str, "maketrans") => self.maketrans(args.to_vec(), kwargs, text),
                _ => err(
                    ExcKind::AttributeError,
                    format!("type object '{}' has no attribute '{name}'", t.name()),
                ),
            };
        }
        if !type_has_method(t, name) {
            return Err(exception(
                ExcKind::AttributeError,
                format!("type object '{}' has no attribute '{name}'", t.name()),
                Label::PROGRAM,
            ));
        }
        let Some((receiver, args)) = args.split_first() else {
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
                &[receiver],
            ));
        }
        self.call_method(receiver, name, args, kwargs, text)
    }

    /// `dict.fromkeys(keys, value=None)`: keys in first-seen order, each mapped to `value`.
    pub(super) fn dict_fromkeys(
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
        let Some((iterable, rest)) = args.split_first().filter(|(_, rest)| rest.len() <= 1) else {
            let expected = if args.is_empty() {
                "at least 1 argument"
            } else {
                "at most 2 arguments"
            };
            return err(
                ExcKind::TypeError,
                format!("fromkeys expected {expected}, got {}", args.len()),
            );
        };
        let value = rest.first().cloned().unwrap_or_else(Value::none);
        let keys = self.collect_items(iterable)?;
        let mut items = Vec::with_capacity(keys.len());
        for k in keys {
            items.push(self.new_tuple_plain(vec![k, value.clone()]));
        }
        // The number of entries is decided by the keys' iterable.
        let shape = self.shape_label(iterable);
        let pairs = self.new_list(items, shape, iterable.node);
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
        args: &[Value],
        kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let slots = MethodSlots::for_receiver(&receiver.data, name);
        self.call_method_at(receiver, name, slots, args, kwargs, text)
    }

    /// `call_method` of a method whose slots are known (a method call of the plan).
    /// The step a method call takes, before the method runs; a step over a large string can
    /// take long, so the clock is read before it.
    #[inline(always)]
    pub(crate) fn method_step(&mut self, receiver: &Value) -> Eval<()> {
        self.tick()?;
        if let Data::Str(s) = &receiver.data {
            if s.len() > 1 << 16 {
                self.check_time()?;
            }
        }
        Ok(())
    }

    pub fn call_method_at(
        &mut self,
        receiver: &Value,
        name: &Rc<str>,
        slots: MethodSlots,
        args: &[Value],
        kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        self.method_step(receiver)?;
        if let Data::Type(t) = &receiver.data {
            return self.call_through_type(*t, receiver, name, args, kwargs, text);
        }
        let (type_name, table, slot) = match &receiver.data {
            Data::List(_) => ("list", LIST_METHODS, slots.list),
            Data::Dict(_) => ("dict", DICT_METHODS, slots.dict),
            // A frozenset has no mutating methods: `AttributeError` comes first.
            Data::Set(s) if s.borrow().frozen && set::MUTATING_METHODS.contains(&&**name) => {
                ("", &[][..], NO_SLOT)
            }
            Data::Set(s) if s.borrow().frozen => ("frozenset", SET_METHODS, slots.set),
            Data::Set(_) => ("set", SET_METHODS, slots.set),
            Data::Tuple(_) => ("tuple", TUPLE_METHODS, slots.tuple),
            _ => ("", &[][..], NO_SLOT),
        };
        if let Some(method) = table.get(slot as usize) {
            check_method_arity(type_name, method, args)?;
        }
        match &receiver.data {
            Data::Str(s) => {
                let method = slots.str.or_else(|| StrMethod::named(name));
                self.str_method(receiver, s, method, name, args, kwargs, text)
            }
            Data::List(_) => self.list_method(receiver, name, args, kwargs, text),
            Data::Dict(_) => self.dict_method(receiver, name, args, kwargs, text),
            Data::Set(_) => self.set_method(receiver, name, args, kwargs, text),
            Data::Tuple(t) if slots.tuple != NO_SLOT => {
                let items = t.items.clone();
                self.seq_search(receiver, &items, name, args, text)
            }
            Data::Instance(i) if MODEL_METHODS.contains(&&**name) => {
                let fields: Vec<(Rc<str>, Value)> = i
                    .borrow()
                    .fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let shape = i.borrow().shape;
                let pairs = fields
                    .into_iter()
                    .map(|(k, v)| (Value::program(Data::Str(PyStr::from(&k))), v))
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
                self.call_value(&f, args.to_vec(), kwargs, text)
            }
            other => Err(exception(
                ExcKind::AttributeError,
                format!("'{}' object has no attribute '{name}'", other.type_name()),
                Label::PROGRAM,
            )),
        }
    }

    pub(super) fn seq_search(
        &mut self,
        recv: &Value,
        items: &[Value],
        name: &str,
        args: &[Value],
        text: &Arc<str>,
    ) -> Eval<Value> {
        let label = self.full_label(recv);
        match name {
            "count" => {
                let [arg] = leading(args)?;
                let mut n = 0;
                for it in items {
                    if ops::equal(self, &it.data, &arg.data, 0)? {
                        n += 1;
                    }
                }
                Ok(self.derive(Data::Int(n), &[recv, arg], text))
            }
            _ => {
                let [wanted] = leading(args)?;
                let len = items.len() as i64;
                let start = clamp_slice_index(self.slice_bound(args.get(1))?, 0, len);
                let end = clamp_slice_index(self.slice_bound(args.get(2))?, len, len);
                // The bounds decided where the search ran, so what it found too.
                let mut inputs: Vec<&Value> = vec![recv];
                inputs.extend(args);
                for (i, it) in items.iter().enumerate().take(end).skip(start) {
                    if ops::equal(self, &it.data, &wanted.data, 0)? {
                        return Ok(self.derive(Data::Int(i as i64), &inputs, text));
                    }
                }
                let what = if matches!(recv.data, Data::Tuple(_)) {
                    "tuple.index(x): x not in tuple"
                } else {
                    "list.index(x): x not in list"
                };
                let msg = if matches!(recv.data, Data::List(_)) {
                    let r = self.repr(wanted)?;
                    format!("{r} is not in list")
                } else {
                    what.to_string()
                };
                let mut label = label;
                for v in args {
                    let l = self.full_label(v);
                    label = self.labels.join(label, l);
                }
                Err(exception(ExcKind::ValueError, msg, label))
            }
        }
    }

    /// A container changed in place: the context (strict mode) and the reference it was
    /// reached through decided that it did.
    pub(crate) fn mutated(&mut self, container: &Value) {
        if self.strict {
            let ctx = self.ctx;
            self.taint_shape(container, ctx.label, ctx.node);
        }
        self.taint_shape(container, container.label, container.node);
    }
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
