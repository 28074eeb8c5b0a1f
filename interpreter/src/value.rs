//! Runtime values. Every value carries its [`Label`] and the graph node it was derived at;
//! containers also carry a *shape* label (who decided their length, order and keys) while each
//! element keeps its own.

pub use crate::list_items::ListItems;
pub use crate::pystr::PyStr;
use crate::syntax::ir::{FunctionCode, ModelClass};

use bactrian_provenance::{Label, NodeId};
use indexmap::IndexMap;
use num_bigint::BigInt;
use std::cell::RefCell;
use std::rc::Rc;

/// The node id of values with no recorded lineage (plan literals and what is computed only
/// from them).
pub const NO_NODE: NodeId = 0;

/// A labeled value.
#[derive(Clone, Debug)]
pub struct Value {
    pub data: Data,
    pub label: Label,
    pub node: NodeId,
}

// A value is three words: lists, dicts and frames hold many, and every evaluation step
// moves some. A fat pointer in `Data` (an `Rc<str>`) would make it four.
const _: () = assert!(std::mem::size_of::<Value>() == 24);

impl Value {
    /// Drops a value, without the out-of-line destructor call when it owns nothing (a
    /// number, a bool, None): for the operands of hot operators.
    #[inline(always)]
    pub fn discard(self) {
        match self.data {
            Data::None | Data::Bool(_) | Data::Int(_) | Data::Float(_) => std::mem::forget(self),
            _ => drop(self),
        }
    }

    /// A copy, for reading a variable (the commonest step): an int, str, list or dict without
    /// the out-of-line `Data::clone`, anything else through it.
    #[inline(always)]
    pub fn copied(&self) -> Value {
        match &self.data {
            Data::Int(i) => Value::with(Data::Int(*i), self.label, self.node),
            Data::Str(s) => Value::with(Data::Str(s.clone()), self.label, self.node),
            Data::List(l) => Value::with(Data::List(l.clone()), self.label, self.node),
            Data::Dict(d) => Value::with(Data::Dict(d.clone()), self.label, self.node),
            _ => self.clone(),
        }
    }

    /// A value made from plan literals only.
    pub fn program(data: Data) -> Value {
        Value {
            data,
            label: Label::PROGRAM,
            node: NO_NODE,
        }
    }

    pub fn none() -> Value {
        Value::program(Data::None)
    }

    /// True when only plan literals decided this scalar (containers: see `full_label`).
    #[inline]
    pub fn is_plain(&self) -> bool {
        self.is_plain_reference() && !self.is_container()
    }

    /// True when the value itself (for a container, the reference to it) carries no label
    /// and no lineage; what a container holds is not looked at.
    #[inline(always)]
    pub fn is_plain_reference(&self) -> bool {
        self.label == Label::PROGRAM && self.node == NO_NODE
    }

    #[inline]
    pub fn is_container(&self) -> bool {
        matches!(
            self.data,
            Data::List(_)
                | Data::Tuple(_)
                | Data::Dict(_)
                | Data::Set(_)
                | Data::Instance(_)
                | Data::Iterator(_)
                | Data::Exception(_)
        )
    }

    /// A value with a label and node.
    pub fn with(data: Data, label: Label, node: NodeId) -> Value {
        Value { data, label, node }
    }
}

/// A shared, mutable list.
#[derive(Debug)]
pub struct ListObj {
    pub items: ListItems,
    /// Who decided the length and order.
    pub shape: Label,
    pub shape_node: NodeId,
    /// The first `fixed` items stand where `fixed_label` put them: appending moves none of
    /// them, so `xs[0]` of a list an untrusted loop appended to is still what the plan put
    /// there. Inserting or removing before them, sorting and reversing shrink it.
    pub fixed: usize,
    pub fixed_label: Label,
}

/// An immutable tuple.
#[derive(Debug)]
pub struct TupleObj {
    pub items: Vec<Value>,
    pub shape: Label,
    pub shape_node: NodeId,
    /// Its key, once it has been hashed: a tuple is immutable, so the key never changes, and
    /// a tuple shared many times over (`x = (x, x)` repeated) is then hashed once, not once
    /// per path to it.
    pub key: std::cell::OnceCell<HashKey>,
}

/// An insertion-ordered dict. The stored key value keeps its label.
#[derive(Debug)]
pub struct DictObj {
    pub map: crate::dictmap::DictMap,
    pub shape: Label,
    pub shape_node: NodeId,
}

/// An insertion-ordered set.
#[derive(Debug)]
pub struct SetObj {
    pub map: KeyMap<Value>,
    pub shape: Label,
    pub shape_node: NodeId,
    pub frozen: bool,
    /// The runs of entries that came from another set at once, for CPython's iteration
    /// order (see [`crate::set_order`]).
    pub merges: Vec<crate::set_order::Merge>,
}

impl SetObj {
    pub fn new(map: KeyMap<Value>, shape: Label, frozen: bool) -> SetObj {
        SetObj {
            map,
            shape,
            shape_node: NO_NODE,
            frozen,
            merges: Vec::new(),
        }
    }

    /// The indices of the entries in the order CPython iterates them; `None` for insertion
    /// order.
    pub fn cpython_order(&self) -> Option<Vec<usize>> {
        crate::set_order::cpython_order(&self.map, &self.merges)
    }

    /// The entries, in the order CPython iterates them.
    pub fn entries_in_order(&self) -> Vec<(&HashKey, &Value)> {
        match self.cpython_order() {
            Some(order) => order
                .iter()
                .filter_map(|&at| self.map.get_index(at))
                .collect(),
            None => self.map.iter().collect(),
        }
    }

    /// The items, in the order CPython iterates them.
    pub fn values_in_order(&self) -> Vec<Value> {
        self.entries_in_order()
            .into_iter()
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// How a run `start..end` of another set that came at once from this one (a copy, an
    /// update) is described.
    pub fn as_merge_source(&self, start: usize, end: usize) -> crate::set_order::Merge {
        let layout = crate::set_order::cpython_layout(&self.map, &self.merges);
        crate::set_order::Merge {
            start,
            end,
            source_len: self.map.len(),
            source_mask: layout.as_ref().map_or(0, |l| l.mask),
            source_slots: layout.map(|l| l.slots.into()),
        }
    }

    /// Puts the entries in the order CPython iterates them and records that they came at
    /// once from a set laid out as this one is now (a frozenset constant merged into a
    /// set display).
    pub fn settle_as_merged_copy(&mut self) {
        let merge = self.as_merge_source(0, self.map.len());
        self.settle_in_cpython_order();
        self.merges = vec![merge];
    }

    /// Puts the entries in the order CPython iterates them, as if added in that order.
    pub fn settle_in_cpython_order(&mut self) {
        let Some(order) = self.cpython_order() else {
            return;
        };
        let mut entries: Vec<Option<(HashKey, Value)>> = self.map.drain(..).map(Some).collect();
        for at in order {
            if let Some((k, v)) = entries.get_mut(at).and_then(Option::take) {
                self.map.insert(k, v);
            }
        }
        self.merges.clear();
    }

    /// Removes the entry at `index` (in insertion order).
    pub fn remove_index(&mut self, index: usize) -> Option<(HashKey, Value)> {
        let removed = self.map.shift_remove_index(index)?;
        for merge in &mut self.merges {
            if index < merge.start {
                merge.start -= 1;
            }
            if index < merge.end {
                merge.end -= 1;
            }
        }
        Some(removed)
    }
}

/// A `BaseModel` class defined in the plan, with its evaluated field defaults.
#[derive(Debug)]
pub struct ModelType {
    pub class: Rc<ModelClass>,
    pub defaults: Vec<Option<Value>>,
}

/// An instance of a `BaseModel` data class from the plan.
#[derive(Debug)]
pub struct Instance {
    pub class: Rc<ModelType>,
    pub fields: IndexMap<Rc<str>, Value>,
    pub shape: Label,
    pub shape_node: NodeId,
}

/// A function defined in the plan (a `def` or a `lambda`), with its captured cells.
#[derive(Debug)]
pub struct Function {
    pub code: Rc<FunctionCode>,
    pub defaults: Vec<Value>,
    pub closure: Vec<Cell>,
}

/// A variable captured by a nested function.
pub type Cell = Rc<RefCell<Option<Value>>>;

/// A single-pass iterator (what generator expressions, `zip`, `enumerate`, `reversed`,
/// `map`, `filter`, `iter` return). A lazy one computes each item at its `next`, as CPython
/// (`lazy`); the others hand out `items` from `pos` on (dict views, slices).
#[derive(Debug)]
pub struct IterObj {
    pub items: Vec<Value>,
    pub pos: usize,
    pub kind: &'static str,
    /// Who decided how many items it gives and which: the sources' shapes, every filter's
    /// verdict so far, and the contexts and references it was advanced under.
    pub shape: Label,
    pub shape_node: NodeId,
    /// Where the next items come from, for a lazy iterator; `None` once it is exhausted.
    pub lazy: Option<Lazy>,
    /// A lazy iterator whose advance is running (its state is taken out meanwhile).
    pub running: bool,
    /// Which iterator of the run this is: its repr shows it where CPython shows an
    /// address, so that a run repeats exactly.
    pub serial: u64,
}

impl IterObj {
    /// The dict this object is a view of (`d.keys()` and its kin), if it is one.
    pub fn viewed_dict(&self) -> Option<&Value> {
        match &self.lazy {
            Some(Lazy::View { dict }) => Some(dict),
            _ => None,
        }
    }
}

/// The state of a lazy iterator.
#[derive(Debug)]
pub enum Lazy {
    /// `d.keys()`, `d.values()`, `d.items()` (the iterator's kind says which): not an
    /// iterator but a live view, read from the dict afresh at each use, as CPython's.
    View {
        dict: Value,
    },
    /// `iter(list)`: reads the list at each step, so it sees items appended meanwhile.
    List {
        list: Value,
        next: usize,
    },
    /// `reversed(list)`: from the end, live as CPython's (stops if the list shrank past it).
    ReversedList {
        list: Value,
        next: usize,
    },
    /// `iter(range(...))`.
    Range {
        range: Value,
        next: i64,
    },
    /// `map(func, *sources)`; `text` names the call for the derivations of its results.
    Map {
        func: Value,
        sources: Vec<Value>,
        text: std::sync::Arc<str>,
    },
    /// `filter(func, source)`; `func` None keeps the truthy items.
    Filter {
        func: Value,
        source: Value,
        text: std::sync::Arc<str>,
    },
    Zip {
        sources: Vec<Value>,
        strict: bool,
    },
    /// `enumerate(source, start)`: the next index is `base + count` (`base` once the index
    /// passes 64 bits); `start` labels every index, which it decided.
    Enumerate {
        source: Value,
        count: i64,
        base: Option<Box<BigInt>>,
        start: Label,
    },
    Generator(Box<GenState>),
}

/// A running generator expression: its frame, and the iterators of the `for` clauses it is
/// inside of (the first clause's first).
#[derive(Debug)]
pub struct GenState {
    pub code: Rc<crate::syntax::ir::GenCode>,
    pub frame: crate::eval::Frame,
    pub levels: Vec<Value>,
}

impl Lazy {
    /// Every value the state holds (for walks and for dropping).
    pub fn values(&self) -> Vec<&Value> {
        match self {
            Lazy::List { list, .. } | Lazy::ReversedList { list, .. } => vec![list],
            Lazy::View { dict } => vec![dict],
            Lazy::Range { range, .. } => vec![range],
            Lazy::Map { func, sources, .. } => std::iter::once(func).chain(sources).collect(),
            Lazy::Filter { func, source, .. } => vec![func, source],
            Lazy::Zip { sources, .. } => sources.iter().collect(),
            Lazy::Enumerate { source, .. } => vec![source],
            Lazy::Generator(g) => g
                .levels
                .iter()
                .chain(g.frame.locals.iter().flatten())
                .collect(),
        }
    }

    pub(crate) fn into_values(self) -> Vec<Value> {
        match self {
            Lazy::List { list, .. } | Lazy::ReversedList { list, .. } => vec![list],
            Lazy::View { dict } => vec![dict],
            Lazy::Range { range, .. } => vec![range],
            Lazy::Map { func, sources, .. } => std::iter::once(func).chain(sources).collect(),
            Lazy::Filter { func, source, .. } => vec![func, source],
            Lazy::Zip { sources, .. } => sources,
            Lazy::Enumerate { source, .. } => vec![source],
            Lazy::Generator(mut g) => {
                let mut out = std::mem::take(&mut g.levels);
                out.extend(g.frame.locals.drain(..).flatten());
                let own_cells = g.frame.cells.drain(..);
                let captured = g.frame.closure.drain(..);
                out.extend(
                    own_cells
                        .chain(captured)
                        .filter(|c| Rc::strong_count(c) == 1)
                        .filter_map(|c| c.borrow_mut().take()),
                );
                out
            }
        }
    }
}

/// `range(start, stop, step)`; iterated lazily. Bounds of any size, as CPython's: those that
/// fit in 64 bits (nearly every range a plan makes) are kept as `i64` and computed in `i128`,
/// which cannot overflow; others in `wide`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    wide: Option<Box<[BigInt; 3]>>,
}

impl RangeObj {
    pub fn new(start: i64, stop: i64, step: i64) -> RangeObj {
        RangeObj {
            start,
            stop,
            step,
            wide: None,
        }
    }

    /// A range of big-int bounds; a narrow one when they all fit.
    pub fn of_big(start: BigInt, stop: BigInt, step: BigInt) -> RangeObj {
        use num_traits::ToPrimitive;
        match (start.to_i64(), stop.to_i64(), step.to_i64()) {
            (Some(a), Some(b), Some(c)) => RangeObj::new(a, b, c),
            _ => RangeObj {
                start: 0,
                stop: 0,
                step: 1,
                wide: Some(Box::new([start, stop, step])),
            },
        }
    }

    /// Whether its bounds fit in 64 bits (then so does every item: they lie between them).
    pub fn is_narrow(&self) -> bool {
        self.wide.is_none()
    }

    /// Its start, stop and step.
    pub fn bounds(&self) -> [BigInt; 3] {
        match &self.wide {
            Some(w) => (**w).clone(),
            None => [self.start.into(), self.stop.into(), self.step.into()],
        }
    }

    /// How many items it has.
    pub fn len_big(&self) -> BigInt {
        match &self.wide {
            None => BigInt::from(self.len_narrow()),
            Some(w) => {
                let [start, stop, step] = &**w;
                let zero = BigInt::from(0);
                let one = BigInt::from(1);
                if *step > zero && start < stop {
                    (stop - start - &one) / step + one
                } else if *step < zero && start > stop {
                    (start - stop - &one) / (-step) + one
                } else {
                    zero
                }
            }
        }
    }

    fn len_narrow(&self) -> i128 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    }

    /// How many items it has, or `None` beyond what an index can reach (`len()` then raises
    /// OverflowError, as CPython's).
    pub fn len_checked(&self) -> Option<i64> {
        match &self.wide {
            None => i64::try_from(self.len_narrow()).ok(),
            Some(_) => num_traits::ToPrimitive::to_i64(&self.len_big()),
        }
    }

    /// How many items it has, at most `i64::MAX` (for loops, which the step limit ends first).
    pub fn len(&self) -> i64 {
        self.len_checked().unwrap_or(i64::MAX)
    }

    pub fn is_empty(&self) -> bool {
        match &self.wide {
            None => self.len_narrow() == 0,
            Some(_) => self.len_big() == BigInt::from(0),
        }
    }

    /// The item at `index` (0 <= index < len).
    pub fn get(&self, index: i64) -> Data {
        match &self.wide {
            None => {
                let v = self.start as i128 + index as i128 * self.step as i128;
                match i64::try_from(v) {
                    Ok(v) => Data::Int(v),
                    Err(_) => crate::ops::int_data(BigInt::from(v)),
                }
            }
            Some(_) => self.get_big(&BigInt::from(index)),
        }
    }

    /// The item at `index` (0 <= index < len), for an index of any size.
    pub fn get_big(&self, index: &BigInt) -> Data {
        let [start, _, step] = self.bounds();
        crate::ops::int_data(start + index * step)
    }

    /// Whether the int `x` is one of its items.
    pub fn contains(&self, x: &BigInt) -> bool {
        let [start, stop, step] = self.bounds();
        let zero = BigInt::from(0);
        let inside = if step > zero {
            *x >= start && *x < stop
        } else {
            *x <= start && *x > stop
        };
        inside && num_integer::Integer::mod_floor(&(x - &start), &step) == zero
    }

    /// Whether two ranges give the same items (`==`, as CPython compares ranges).
    pub fn same_items(&self, other: &RangeObj) -> bool {
        let (n, m) = (self.len_big(), other.len_big());
        if n != m {
            return false;
        }
        let ([a, _, s], [b, _, t]) = (self.bounds(), other.bounds());
        n == BigInt::from(0) || (a == b && (n == BigInt::from(1) || s == t))
    }

    /// `range(1, 5)`, `range(0, 9, 2)`.
    pub fn repr(&self) -> String {
        let [start, stop, step] = self.bounds();
        if step == BigInt::from(1) {
            format!("range({start}, {stop})")
        } else {
            format!("range({start}, {stop}, {step})")
        }
    }
}

/// A raised exception.
#[derive(Debug)]
pub struct ExcObj {
    /// The builtin class, or the nearest builtin ancestor of `class`.
    pub kind: ExcKind,
    /// The plan's own exception class, when it is one.
    pub class: Option<Rc<ExcClass>>,
    /// The message (or the single argument), with its label.
    pub args: Vec<Value>,
}

impl ExcObj {
    pub fn new(kind: ExcKind, args: Vec<Value>) -> ExcObj {
        ExcObj {
            kind,
            class: None,
            args,
        }
    }

    /// The class name, as `type(e).__name__` gives it.
    pub fn type_name(&self) -> &str {
        match &self.class {
            Some(c) => &c.name,
            None => self.kind.name(),
        }
    }

    /// Whether this exception is an instance of `class` (the plan's own class).
    pub fn is_instance_of(&self, class: &Rc<ExcClass>) -> bool {
        let mut at = self.class.clone();
        while let Some(c) = at {
            if Rc::ptr_eq(&c, class) {
                return true;
            }
            at = match &c.parent {
                ExcParent::Class(p) => Some(p.clone()),
                ExcParent::Builtin(_) => None,
            };
        }
        false
    }
}

/// An exception class the plan defined: `class NotFound(LookupError): pass`.
#[derive(Debug)]
pub struct ExcClass {
    pub name: Rc<str>,
    pub parent: ExcParent,
}

#[derive(Debug)]
pub enum ExcParent {
    Builtin(ExcKind),
    Class(Rc<ExcClass>),
}

impl ExcClass {
    /// The nearest builtin ancestor: what `except` and `isinstance` with a builtin class test.
    pub fn builtin_kind(&self) -> ExcKind {
        match &self.parent {
            ExcParent::Builtin(k) => *k,
            ExcParent::Class(c) => c.builtin_kind(),
        }
    }
}

/// A method bound to its receiver, as in `f = lst.append`.
#[derive(Debug)]
pub struct BoundMethod {
    pub receiver: Value,
    pub name: Rc<str>,
}

/// The builtin types, usable as values (`isinstance(x, int)`, `str(x)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TypeKind {
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Function,
    BuiltinFunction,
    Type,
    Iterator,
    BaseModel,
    Exception(ExcKind),
}

impl TypeKind {
    pub fn name(self) -> &'static str {
        match self {
            TypeKind::NoneType => "NoneType",
            TypeKind::Bool => "bool",
            TypeKind::Int => "int",
            TypeKind::Float => "float",
            TypeKind::Str => "str",
            TypeKind::List => "list",
            TypeKind::Tuple => "tuple",
            TypeKind::Dict => "dict",
            TypeKind::Set => "set",
            TypeKind::FrozenSet => "frozenset",
            TypeKind::Range => "range",
            TypeKind::Function => "function",
            TypeKind::BuiltinFunction => "builtin_function_or_method",
            TypeKind::Type => "type",
            TypeKind::Iterator => "iterator",
            TypeKind::BaseModel => "BaseModel",
            TypeKind::Exception(kind) => kind.name(),
        }
    }
}

macro_rules! exception_kinds {
    ($($kind:ident => $parent:expr),* $(,)?) => {
        /// The builtin exception classes, with Python's hierarchy.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ExcKind { $($kind),* }

        impl ExcKind {
            /// Every exception class, in declaration order (bases before their subclasses).
            pub const ALL: &'static [ExcKind] = &[$(ExcKind::$kind),*];

            pub fn name(self) -> &'static str {
                match self { $(ExcKind::$kind => stringify!($kind)),* }
            }

            /// The direct base class (`None` for BaseException).
            pub fn parent(self) -> Option<ExcKind> {
                match self { $(ExcKind::$kind => $parent),* }
            }

            pub fn from_name(name: &str) -> Option<ExcKind> {
                match name { $(stringify!($kind) => Some(ExcKind::$kind),)* _ => None }
            }
        }
    };
}

exception_kinds! {
    BaseException => None,
    Exception => Some(ExcKind::BaseException),
    ArithmeticError => Some(ExcKind::Exception),
    ZeroDivisionError => Some(ExcKind::ArithmeticError),
    OverflowError => Some(ExcKind::ArithmeticError),
    LookupError => Some(ExcKind::Exception),
    KeyError => Some(ExcKind::LookupError),
    IndexError => Some(ExcKind::LookupError),
    ValueError => Some(ExcKind::Exception),
    TypeError => Some(ExcKind::Exception),
    NameError => Some(ExcKind::Exception),
    UnboundLocalError => Some(ExcKind::NameError),
    AttributeError => Some(ExcKind::Exception),
    RuntimeError => Some(ExcKind::Exception),
    RecursionError => Some(ExcKind::RuntimeError),
    NotImplementedError => Some(ExcKind::RuntimeError),
    AssertionError => Some(ExcKind::Exception),
    StopIteration => Some(ExcKind::Exception),
    ToolError => Some(ExcKind::Exception),
    OSError => Some(ExcKind::Exception),
    TimeoutError => Some(ExcKind::OSError),
    ConnectionError => Some(ExcKind::OSError),
    FileNotFoundError => Some(ExcKind::OSError),
    PermissionError => Some(ExcKind::OSError),
    UnicodeError => Some(ExcKind::ValueError),
    ValidationError => Some(ExcKind::ValueError),
}

impl ExcKind {
    /// Whether `self` is `other` or a subclass of it.
    pub fn is_subclass_of(self, other: ExcKind) -> bool {
        let mut at = Some(self);
        while let Some(kind) = at {
            if kind == other {
                return true;
            }
            at = kind.parent();
        }
        false
    }
}

/// The payload of a value.
///
/// Its tag is a whole word and every payload starts at the second (`repr(C, u64)`), so that
/// a `Data` is two words, each written and read whole. With Rust's layout (a tag byte, a
/// bool or a small enum right after it) a copy of a `Data` just written (a clone, a result
/// returned through memory) read bytes 1-8 as one word, across two stores, which the
/// processor cannot forward: a stall of ~12 cycles at most value moves (dict_records -11%
/// wall time, a record-reading loop -19%).
#[repr(C, u64)]
#[derive(Clone, Debug)]
pub enum Data {
    None,
    Bool(bool),
    Int(i64),
    /// Only for ints outside i64; always normalised back to `Int` when they fit.
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(PyStr),
    List(Rc<RefCell<ListObj>>),
    Tuple(Rc<TupleObj>),
    Dict(Rc<RefCell<DictObj>>),
    Set(Rc<RefCell<SetObj>>),
    Range(Rc<RangeObj>),
    Function(Rc<Function>),
    Builtin(crate::builtins::Builtin),
    Method(Rc<BoundMethod>),
    Type(TypeKind),
    Model(Rc<ModelType>),
    Instance(Rc<RefCell<Instance>>),
    Exception(Rc<ExcObj>),
    Iterator(Rc<RefCell<IterObj>>),
    /// A tool the host offers, by name.
    Tool(PyStr),
    /// An exception class the plan defined.
    ExcClass(Rc<ExcClass>),
    /// Held only by a variable that a region not run could have bound (strict mode): reading
    /// it raises NameError (or UnboundLocalError) under the label of that region's context,
    /// so whether the name is bound does not leak which way the region went.
    Unbound,
}

impl Data {
    /// What `callable()` says of it.
    pub fn is_callable(&self) -> bool {
        matches!(
            self,
            Data::Function(_)
                | Data::Builtin(_)
                | Data::Method(_)
                | Data::Type(_)
                | Data::Model(_)
                | Data::ExcClass(_)
                | Data::Tool(_)
        )
    }

    /// Whether a `for` loop can go over it (a type error otherwise, before any item).
    pub fn is_iterable(&self) -> bool {
        matches!(
            self,
            Data::List(_)
                | Data::Tuple(_)
                | Data::Dict(_)
                | Data::Set(_)
                | Data::Range(_)
                | Data::Str(_)
                | Data::Iterator(_)
        )
    }

    /// The address of the shared object behind a heap value (its identity, for walks that
    /// visit each object once); `None` for values held inline.
    pub fn heap_address(&self) -> Option<usize> {
        Some(match self {
            Data::List(l) => Rc::as_ptr(l) as *const () as usize,
            Data::Dict(d) => Rc::as_ptr(d) as *const () as usize,
            Data::Set(s) => Rc::as_ptr(s) as *const () as usize,
            Data::Instance(i) => Rc::as_ptr(i) as *const () as usize,
            Data::Tuple(t) => Rc::as_ptr(t) as *const () as usize,
            Data::Iterator(i) => Rc::as_ptr(i) as *const () as usize,
            Data::Exception(e) => Rc::as_ptr(e) as *const () as usize,
            Data::Function(f) => Rc::as_ptr(f) as *const () as usize,
            Data::Method(m) => Rc::as_ptr(m) as *const () as usize,
            _ => return None,
        })
    }

    /// How many items iterating over it gives, when that is known without iterating (a
    /// string's would mean counting its characters).
    pub fn known_len(&self) -> Option<usize> {
        Some(match self {
            Data::List(l) => l.borrow().items.len(),
            Data::Tuple(t) => t.items.len(),
            Data::Dict(d) => d.borrow().map.len(),
            Data::Set(s) => s.borrow().map.len(),
            Data::Range(r) => usize::try_from(r.len_checked()?).ok()?,
            _ => return None,
        })
    }

    pub fn str(text: &str) -> Data {
        Data::Str(PyStr::from(text))
    }

    pub fn type_kind(&self) -> TypeKind {
        match self {
            Data::None | Data::Unbound => TypeKind::NoneType,
            Data::ExcClass(_) => TypeKind::Type,
            Data::Bool(_) => TypeKind::Bool,
            Data::Int(_) | Data::BigInt(_) => TypeKind::Int,
            Data::Float(_) => TypeKind::Float,
            Data::Str(_) => TypeKind::Str,
            Data::List(_) => TypeKind::List,
            Data::Tuple(_) => TypeKind::Tuple,
            Data::Dict(_) => TypeKind::Dict,
            Data::Set(s) => {
                if s.borrow().frozen {
                    TypeKind::FrozenSet
                } else {
                    TypeKind::Set
                }
            }
            Data::Range(_) => TypeKind::Range,
            Data::Function(_) => TypeKind::Function,
            Data::Builtin(_) | Data::Method(_) | Data::Tool(_) => TypeKind::BuiltinFunction,
            Data::Type(_) | Data::Model(_) => TypeKind::Type,
            Data::Instance(_) => TypeKind::BaseModel,
            Data::Exception(e) => TypeKind::Exception(e.kind),
            Data::Iterator(_) => TypeKind::Iterator,
        }
    }

    /// The Python type name, as in error messages (`'int' object is not iterable`).
    pub fn type_name(&self) -> String {
        match self {
            Data::Instance(inst) => inst.borrow().class.class.name.to_string(),
            Data::Iterator(it) => it.borrow().kind.to_string(),
            Data::Method(_) => "builtin_function_or_method".into(),
            Data::Exception(e) => e.type_name().to_string(),
            _ => self.type_kind().name().to_string(),
        }
    }
}

/// A hashable projection of a value, used as a dict or set key. Equal Python values map to
/// equal keys (`1`, `1.0` and `True` are one key).
#[derive(Clone, Debug, Eq)]
pub enum HashKey {
    None,
    Int(i64),
    BigInt(Rc<BigInt>),
    /// A float that is not integral, by its bits (NaN never equals itself in Python; as a key
    /// we compare bits, which is what CPython does for the same NaN object).
    Float(u64),
    Str(PyStr),
    Tuple(Rc<TupleKey>),
    Type(TypeKind),
    FrozenSet(Rc<[HashKey]>),
}

impl std::hash::Hash for HashKey {
    /// What `#[derive(Hash)]` would do (the kind, then the content), but a string or an int
    /// by its content alone: keys equal under `eq` below have equal content, so they hash
    /// alike.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        match self {
            // Its hash alone (no kind): string and int keys are the most common, and one
            // hashing like a key of another kind only costs an `eq` that says no.
            HashKey::Str(s) => return state.write_u64(s.key_hash()),
            HashKey::Int(i) => return state.write_u64(*i as u64),
            _ => {}
        }
        std::mem::discriminant(self).hash(state);
        match self {
            HashKey::None => {}
            HashKey::Int(_) => {} // hashed above, alone
            HashKey::BigInt(b) => b.hash(state),
            HashKey::Float(f) => f.hash(state),
            HashKey::Str(_) => {} // hashed above, by its cached hash
            HashKey::Tuple(t) => t.digest.hash(state),
            HashKey::Type(t) => t.hash(state),
            HashKey::FrozenSet(f) => f.hash(state),
        }
    }
}

impl PartialEq for HashKey {
    #[inline]
    fn eq(&self, other: &HashKey) -> bool {
        match (self, other) {
            // The same string object (a literal or a value passed around) is equal without
            // comparing its bytes.
            (HashKey::Str(a), HashKey::Str(b)) => a == b,
            (HashKey::Int(a), HashKey::Int(b)) => a == b,
            (HashKey::None, HashKey::None) => true,
            (HashKey::BigInt(a), HashKey::BigInt(b)) => a == b,
            (HashKey::Float(a), HashKey::Float(b)) => a == b,
            (HashKey::Tuple(a), HashKey::Tuple(b)) => Rc::ptr_eq(a, b) || a == b,
            (HashKey::Type(a), HashKey::Type(b)) => a == b,
            (HashKey::FrozenSet(a), HashKey::FrozenSet(b)) => a == b,
            // Different kinds (listed one by one so that a new kind must be added above).
            (
                HashKey::None
                | HashKey::Int(_)
                | HashKey::BigInt(_)
                | HashKey::Float(_)
                | HashKey::Str(_)
                | HashKey::Tuple(_)
                | HashKey::Type(_)
                | HashKey::FrozenSet(_),
                _,
            ) => false,
        }
    }
}

/// A string looked up in a [`KeyMap`] as it is, without making a [`HashKey`] of it (no
/// reference count taken and dropped): hashed and compared as `HashKey::Str` is.
pub struct StrKey<'a>(pub &'a PyStr);

impl std::hash::Hash for StrKey<'_> {
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.0.key_hash());
    }
}

impl indexmap::Equivalent<HashKey> for StrKey<'_> {
    #[inline]
    fn equivalent(&self, key: &HashKey) -> bool {
        matches!(key, HashKey::Str(s) if s == self.0)
    }
}

/// The hash of a string as a dict or set key (cached in each [`PyStr`]): its bytes through
/// the maps' keyed hash.
pub fn str_key_hash(text: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut state = KeyHashing::default().build_hasher();
    state.write(text.as_bytes());
    state.finish()
}

/// The key of a tuple: its items' keys, with a digest of them computed once (so that hashing
/// a key nested many levels deep, or shared many times over, costs one step per level) and
/// how deep it nests (so that hashing past the recursion limit raises `RecursionError`).
#[derive(Debug)]
pub struct TupleKey {
    pub items: Box<[HashKey]>,
    pub digest: u64,
    pub depth: u32,
}

impl PartialEq for TupleKey {
    fn eq(&self, other: &TupleKey) -> bool {
        self.digest == other.digest && self.items == other.items
    }
}

impl Eq for TupleKey {}

impl TupleKey {
    pub fn new(items: Vec<HashKey>) -> TupleKey {
        use std::hash::{BuildHasher, Hash, Hasher};
        // Keyed like the maps, so that plan data cannot be chosen to collide on purpose.
        let mut state = KeyHashing::default().build_hasher();
        items.len().hash(&mut state);
        for item in &items {
            item.hash(&mut state);
            // Ends each item, so that `("ab", "c")` and `("a", "bc")` differ.
            state.write_u8(0xff);
        }
        let depth = items
            .iter()
            .map(|k| match k {
                HashKey::Tuple(t) => t.depth,
                _ => 0,
            })
            .max()
            .unwrap_or(0)
            + 1;
        TupleKey {
            items: items.into_boxed_slice(),
            digest: state.finish(),
            depth,
        }
    }
}

/// What one entry of a set's map costs, about: the key, the item, the hash and the index
/// (for the memory check before a large set is built).
pub const SET_ENTRY_BYTES: u64 = 96;
/// The same for a dict, on the high side: the stored key and value and the index slots.
pub const DICT_ENTRY_BYTES: u64 = 128;

/// The maps behind dicts and sets, in insertion order.
pub type KeyMap<V> = IndexMap<HashKey, V, KeyHashing>;

/// An empty [`KeyMap`] with room for `n` entries.
pub fn key_map<V>(n: usize) -> KeyMap<V> {
    IndexMap::with_capacity_and_hasher(n, KeyHashing::default())
}

thread_local! {
    /// This thread's hashing keys, drawn once from the operating system's randomness (as
    /// std's own `RandomState` is).
    static KEY_SEEDS: (u64, u64) = {
        use std::hash::BuildHasher;
        let random = std::collections::hash_map::RandomState::new();
        (random.hash_one(1u64), random.hash_one(2u64) | 1)
    };
}

/// Builds the hasher of dict and set keys: a keyed multiply-and-fold hash. std's SipHash cost
/// more than the rest of a lookup on the short keys plans use; this one keeps a secret key per
/// thread, so plan data (a tool's output) still cannot be chosen to collide on purpose
/// without knowing it. Which hash is used is invisible to plans: dicts and sets keep
/// insertion order.
#[derive(Clone, Copy, Debug)]
pub struct KeyHashing {
    seed: u64,
    multiplier: u64,
}

impl Default for KeyHashing {
    #[inline]
    fn default() -> Self {
        let (seed, multiplier) = KEY_SEEDS.with(|k| *k);
        KeyHashing { seed, multiplier }
    }
}

impl std::hash::BuildHasher for KeyHashing {
    type Hasher = KeyHasher;

    #[inline]
    fn build_hasher(&self) -> KeyHasher {
        KeyHasher {
            state: self.seed,
            multiplier: self.multiplier,
        }
    }
}

/// See [`KeyHashing`].
pub struct KeyHasher {
    state: u64,
    multiplier: u64,
}

/// The full 128-bit product folded to 64 bits: every input bit reaches high and low bits.
#[inline]
fn fold_mul(a: u64, b: u64) -> u64 {
    let full = (a as u128).wrapping_mul(b as u128);
    (full as u64) ^ ((full >> 64) as u64)
}

impl std::hash::Hasher for KeyHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut state = self.state;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            state = fold_mul(state ^ u64::from_le_bytes(word), self.multiplier);
        }
        let rest = chunks.remainder();
        let mut word = [0u8; 8];
        // `chunks_exact(8)` leaves fewer than 8 bytes.
        for (w, b) in word.iter_mut().zip(rest) {
            *w = *b;
        }
        // The length goes in with the last word, so "a" and "a\0" differ.
        let last = u64::from_le_bytes(word) ^ ((bytes.len() as u64) << 56);
        self.state = fold_mul(state ^ last, self.multiplier.rotate_left(32));
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.write_u64(i as u64);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.state = fold_mul(self.state ^ i, self.multiplier);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        fold_mul(self.state, self.multiplier ^ 0x9e37_79b9_7f4a_7c15)
    }
}

// ---------------------------------------------------------------------------------------------
// Dropping nested values without recursion

thread_local! {
    /// Values whose drop was put off by an outer drop (see `drop_later`).
    static DROP_QUEUE: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    static DROPPING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether dropping `v` drops what a container holds (it is the last reference to one).
#[inline]
fn owns_contents(v: &Value) -> bool {
    match &v.data {
        Data::List(r) => Rc::strong_count(r) == 1,
        Data::Tuple(r) => Rc::strong_count(r) == 1,
        Data::Dict(r) => Rc::strong_count(r) == 1,
        Data::Set(r) => Rc::strong_count(r) == 1,
        Data::Instance(r) => Rc::strong_count(r) == 1,
        Data::Iterator(r) => Rc::strong_count(r) == 1,
        Data::Exception(r) => Rc::strong_count(r) == 1,
        Data::Function(r) => Rc::strong_count(r) == 1,
        Data::Method(r) => Rc::strong_count(r) == 1,
        _ => false,
    }
}

/// Drops `values`, the contents of a container being dropped. Containers among them are
/// dropped one after another by the outermost such call rather than inside each other, so
/// that a list nested a million deep is freed in a loop instead of a million nested calls,
/// which would overflow the stack.
fn drop_later(values: impl Iterator<Item = Value>) {
    for v in values {
        if owns_contents(&v) {
            DROP_QUEUE.with(|q| q.borrow_mut().push(v));
        } else {
            // Not while the queue is borrowed: this may drop a container too (a model's
            // defaults), which comes back here.
            drop(v);
        }
    }
    if DROPPING.with(|d| d.replace(true)) {
        return;
    }
    while let Some(v) = DROP_QUEUE.with(|q| q.borrow_mut().pop()) {
        drop(v);
    }
    DROPPING.with(|d| d.set(false));
}

impl Drop for ListObj {
    fn drop(&mut self) {
        if self.items.labeled_part().iter().any(owns_contents) {
            drop_later(self.items.take_values().into_iter());
        }
    }
}

impl Drop for TupleObj {
    fn drop(&mut self) {
        if self.items.iter().any(owns_contents) {
            drop_later(self.items.drain(..));
        }
    }
}

impl Drop for IterObj {
    fn drop(&mut self) {
        // A chain of generators, each over the last, is freed in a loop too.
        let state = self.lazy.take().map(Lazy::into_values).unwrap_or_default();
        if self.items.iter().chain(&state).any(owns_contents) {
            drop_later(self.items.drain(..).chain(state));
        }
    }
}

impl Drop for DictObj {
    fn drop(&mut self) {
        if self
            .map
            .values()
            .any(|(k, v)| owns_contents(k) || owns_contents(v))
        {
            drop_later(self.map.drain(..).flat_map(|(k, v)| [k, v]));
        }
    }
}

impl Drop for SetObj {
    fn drop(&mut self) {
        if self.map.values().any(owns_contents) {
            drop_later(self.map.drain(..).map(|(_, v)| v));
        }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        if self.fields.values().any(owns_contents) {
            drop_later(self.fields.drain(..).map(|(_, v)| v));
        }
    }
}

impl Drop for ExcObj {
    fn drop(&mut self) {
        if self.args.iter().any(owns_contents) {
            drop_later(self.args.drain(..));
        }
    }
}

impl Drop for BoundMethod {
    fn drop(&mut self) {
        if owns_contents(&self.receiver) {
            let receiver = std::mem::replace(&mut self.receiver, Value::none());
            drop_later(std::iter::once(receiver));
        }
    }
}

impl Drop for Function {
    fn drop(&mut self) {
        // A closure's cells hold values too (a chain of functions, each capturing the last).
        let captured = self
            .closure
            .iter()
            .filter(|c| Rc::strong_count(c) == 1)
            .filter_map(|c| c.borrow_mut().take());
        let captured: Vec<Value> = captured.collect();
        if !captured.is_empty() || self.defaults.iter().any(owns_contents) {
            drop_later(captured.into_iter().chain(self.defaults.drain(..)));
        }
    }
}

/// The containers a walk of a nested value is inside of (to stop at a cycle, as Python's
/// `[...]`): a stack, looked up by a hash set once it is deep, so that a walk of a value
/// nested `n` deep costs `n` lookups, not `n²` steps.
#[derive(Default, Debug)]
pub struct Path {
    stack: Vec<usize>,
    deep: std::collections::HashSet<usize>,
}

/// How many containers a path scans before it keeps a hash set of the rest.
const SHALLOW_PATH: usize = 32;

impl Path {
    #[inline]
    pub fn contains(&self, ptr: usize) -> bool {
        let shallow = self.stack.get(..SHALLOW_PATH).unwrap_or(&self.stack);
        shallow.contains(&ptr) || (self.stack.len() > SHALLOW_PATH && self.deep.contains(&ptr))
    }

    #[inline]
    pub fn push(&mut self, ptr: usize) {
        if self.stack.len() >= SHALLOW_PATH {
            self.deep.insert(ptr);
        }
        self.stack.push(ptr);
    }

    #[inline]
    pub fn pop(&mut self) {
        if let Some(ptr) = self.stack.pop() {
            if self.stack.len() >= SHALLOW_PATH {
                self.deep.remove(&ptr);
            }
        }
    }

    pub fn clear(&mut self) {
        self.stack.clear();
        self.deep.clear();
    }
}
