//! Expressions, subscripts, attributes, iteration and comprehensions.

use super::{Frame, Machine};
use crate::builtins::Builtin;
use crate::dictmap::KeyIndex;
use crate::error::{err, exception, Eval, Unwind};
use crate::ops;
use crate::syntax::ir::*;
use crate::value::*;
use bactrian_provenance::{Label, NodeId};
use num_bigint::BigInt;
use std::rc::Rc;
use std::sync::Arc;

/// What a comprehension has produced so far: its elements, its key-value pairs (a dict's),
/// or its set.
#[derive(Default)]
struct Produced {
    items: ListItems,
    pairs: Vec<(Value, Value)>,
    /// A set comprehension's set, each element added when it is made (as CPython's
    /// `SET_ADD`), and the labels of the elements added: which of them collapsed into one
    /// depends on their values.
    set: Option<(KeyMap<Value>, Label)>,
    /// A set's elements or a dict's keys: each is hashed when it is made, as CPython adds
    /// it then (an unhashable one fails before the next element is computed).
    hashed: bool,
}

/// The largest f-string buffer kept for the next f-string (a larger one is freed).
const FSTRING_SCRATCH_MAX: usize = 64 << 10;

/// How many argument vectors the machine keeps for method calls (one per call nested in
/// another's arguments).
const ARG_POOL: usize = 16;

/// A set value holding `map`, its shape labeled `shape`.
fn set_value(map: KeyMap<Value>, shape: Label, frozen: bool) -> Value {
    Value::program(Data::Set(crate::cycles::Tracked::track(SetObj::new(
        map, shape, frozen,
    ))))
}

/// A method call's operands: its receiver, then `args`.
fn receiver_and<'v>(receiver: &'v Value, args: &'v [Value]) -> Vec<&'v Value> {
    std::iter::once(receiver).chain(args).collect()
}

/// Keeps `v` among the inputs a result derives from, unless it is plain (a value made from
/// plan literals alone, which `Machine::derive` ignores).
#[inline(always)]
fn keep_input(inputs: &mut Vec<Value>, v: Value) {
    if v.is_plain() {
        v.discard();
    } else {
        inputs.push(v);
    }
}

/// `container[key]` read without label work, when nothing labeled decides it: the reference
/// and the key are plain, and so is the place read (a list's fixed prefix or its shape, a
/// tuple's shape, the stored key of a dict's entry). What [`Machine::get_item`] gives then,
/// which decides everything else (labels, errors, other types): `None`.
#[inline(always)]
fn plain_item(container: &Value, key: &Value) -> Option<Value> {
    // The container's reference is checked by the two below.
    if !key.is_plain_reference() {
        return None;
    }
    match (&container.data, &key.data) {
        (_, Data::Int(k)) => plain_item_at(container, *k),
        (Data::Dict(_), Data::Str(s)) => plain_entry(container, s),
        _ => None,
    }
}

/// `plain_item` of a list or tuple and a plain int key.
#[inline(always)]
fn plain_item_at(container: &Value, k: i64) -> Option<Value> {
    /// `k` as a position among `len` items, Python's negative indices included.
    fn position(k: i64, len: usize) -> Option<usize> {
        let i = if k < 0 { k.checked_add(len as i64)? } else { k };
        usize::try_from(i).ok().filter(|i| *i < len)
    }
    if !container.is_plain_reference() {
        return None;
    }
    match &container.data {
        Data::List(l) => {
            let l = l.borrow();
            let i = position(k, l.items.len())?;
            let place = if k >= 0 && i < l.fixed {
                l.fixed_label
            } else {
                l.shape
            };
            (place == Label::PROGRAM).then(|| l.items.get(i))?
        }
        Data::Tuple(t) => {
            let i = position(k, t.items.len())?;
            (t.shape == Label::PROGRAM).then(|| t.items.get(i).map(Value::copied))?
        }
        _ => None,
    }
}

/// The value a bound variable `e` holds, borrowed where it is (`None`: not a variable, or
/// not bound).
#[inline(always)]
fn bound_variable<'a>(
    globals: &'a [Option<Value>],
    e: &Expr,
    frame: &'a Frame,
) -> Option<&'a Value> {
    let ExprKind::Name(n) = &e.kind else {
        return None;
    };
    let slot = match n.var {
        Var::Local(i) => frame.locals.get(i as usize),
        Var::Global(i) => globals.get(i as usize),
        _ => None,
    };
    slot?.as_ref().filter(|v| !matches!(v.data, Data::Unbound))
}

/// `plain_item` of a dict and a plain string key.
#[inline(always)]
fn plain_entry(container: &Value, key: &PyStr) -> Option<Value> {
    let Data::Dict(d) = &container.data else {
        return None;
    };
    if !container.is_plain_reference() {
        return None;
    }
    let d = d.borrow();
    let (stored, v) = d.map.get_index(d.map.index_of_str(key)?)?;
    (stored.label == Label::PROGRAM).then(|| v.copied())
}

impl<'h> Machine<'h> {
    /// `expr` for an operand: a bound variable or a small literal without the recursive call
    /// (the same value `expr` gives), anything else through `expr`.
    #[inline(always)]
    pub(crate) fn operand(&mut self, e: &Expr, frame: &mut Frame) -> Eval<Value> {
        match &e.kind {
            ExprKind::Name(_) => {
                if let Some(v) = bound_variable(&self.globals, e, frame) {
                    let v = v.copied();
                    if v.label != Label::PROGRAM && !self.try_labels.is_empty() {
                        // Bound here, perhaps unbound in another run: the read could have
                        // raised NameError, decided by the binding's label.
                        self.note_in_try(v.label);
                    }
                    return Ok(v);
                }
            }
            ExprKind::Const(Const::Int(i)) => return Ok(Value::program(Data::Int(*i))),
            ExprKind::Const(Const::Str(s)) => return Ok(Value::program(Data::Str(s.clone()))),
            _ => {}
        }
        self.expr(e, frame)
    }

    /// `a < b` (one comparison, `e`): two numbers compared in place, anything else by
    /// `compare_rest`. Inlined into `expr` and into `test`.
    #[inline(always)]
    fn compare_one(
        &mut self,
        e: &Expr,
        left: &Expr,
        chain: &[(CmpOp, Expr)],
        frame: &mut Frame,
    ) -> Eval<Value> {
        let l = self.operand(left, frame)?;
        let Some((op, right)) = chain.first() else {
            return Ok(l); // not reached: the callers check for one comparison
        };
        if let ExprKind::Const(Const::Int(k)) = right.kind {
            if let Some(v) = ops::plain_compare_literal(*op, &l, k) {
                self.pos = e.pos;
                return Ok(v);
            }
        }
        let r = self.operand(right, frame)?;
        self.pos = e.pos;
        if let Some(v) = ops::plain_compare(*op, &l, &r) {
            l.discard();
            r.discard();
            return Ok(v);
        }
        self.compare_rest(*op, l, r, &e.text)
    }

    #[inline(never)]
    fn compare_rest(&mut self, op: CmpOp, l: Value, r: Value, text: &Arc<str>) -> Eval<Value> {
        if let CmpOp::Is | CmpOp::IsNot = op {
            // Identity never raises, and says nothing of what a container holds.
            let same = ops::identical(&l.data, &r.data);
            let result =
                self.derive_from_references(Data::Bool(same == (op == CmpOp::Is)), &[&l, &r], text);
            l.discard();
            r.discard();
            return Ok(result);
        }
        self.note_operands(&[&l, &r]);
        let ok = ops::compare(self, op, &l, &r).map_err(|u| self.failed_on(u, &[&l, &r]))?;
        let result = self.derive(Data::Bool(ok), &[&l, &r], text);
        l.discard();
        r.discard();
        Ok(result)
    }

    /// The value of a test (`if`, `while`, a comprehension's filter): mostly one comparison,
    /// evaluated here without a call of `expr`.
    #[inline(always)]
    pub(crate) fn test(&mut self, test: &Expr, frame: &mut Frame) -> Eval<Value> {
        match &test.kind {
            ExprKind::Compare { left, ops: chain } if chain.len() == 1 => {
                self.compare_one(test, left, chain, frame)
            }
            _ => self.expr(test, frame),
        }
    }

    pub fn expr(&mut self, e: &Expr, frame: &mut Frame) -> Eval<Value> {
        match &e.kind {
            ExprKind::Const(Const::BigInt(b)) if b.bits() > self.limits.max_int_bits => {
                Err(crate::error::Unwind::limit(
                    "integer size",
                    format!(
                        "integer size limit exceeded: a literal of {} bits is larger than {}",
                        b.bits(),
                        self.limits.max_int_bits
                    ),
                ))
            }
            ExprKind::Const(c) => Ok(Value::program(match c {
                Const::None => Data::None,
                Const::Bool(b) => Data::Bool(*b),
                Const::Int(i) => Data::Int(*i),
                Const::BigInt(b) => Data::BigInt(b.clone()),
                Const::Float(f) => Data::Float(*f),
                Const::Str(s) => Data::Str(s.clone()),
            })),
            ExprKind::Name(n) => {
                // The common case, a bound local or global, without the call.
                let slot = match n.var {
                    Var::Local(i) => frame.locals.get(i as usize),
                    Var::Global(i) => self.globals.get(i as usize),
                    _ => None,
                };
                if let Some(Some(v)) = slot {
                    if !matches!(v.data, Data::Unbound) {
                        let v = v.copied();
                        if v.label != Label::PROGRAM && !self.try_labels.is_empty() {
                            // Bound here, perhaps unbound in another run: the read could
                            // have raised NameError, decided by the binding's label.
                            self.note_in_try(v.label);
                        }
                        return Ok(v);
                    }
                }
                self.load(n.var, &n.name, frame)
            }
            ExprKind::Builtin(b) => Ok(Value::program(Data::Builtin(*b))),
            ExprKind::Type(t) => Ok(Value::program(Data::Type(*t))),
            ExprKind::Tool(name) => Ok(Value::program(Data::Tool(name.clone()))),
            ExprKind::BinOp { op, left, right } => {
                let l = self.operand(left, frame)?;
                if let ExprKind::Const(Const::Int(k)) = right.kind {
                    let bits = self.limits.max_int_bits;
                    if let Some(v) = ops::plain_binary_literal(*op, &l, k, bits) {
                        self.pos = e.pos;
                        return Ok(v);
                    }
                }
                let r = self.operand(right, frame)?;
                self.pos = e.pos;
                if let Some(v) = ops::plain_binary(*op, &l, &r, self.limits.max_int_bits) {
                    // Numbers: no out-of-line destructor call for them.
                    l.discard();
                    r.discard();
                    return Ok(v);
                }
                self.note_operands(&[&l, &r]);
                let result = ops::binary(self, *op, &l, &r, &e.text)
                    .map_err(|u| self.failed_on(u, &[&l, &r]));
                l.discard();
                r.discard();
                result
            }
            ExprKind::Unary { op, operand } => {
                let v = self.operand(operand, frame)?;
                self.note_operands(&[&v]);
                let result = self
                    .unary(*op, &v, &e.text)
                    .map_err(|u| self.failed_on(u, &[&v]));
                v.discard();
                result
            }
            ExprKind::And(values, effects) | ExprKind::Or(values, effects) => {
                let is_and = matches!(e.kind, ExprKind::And(..));
                self.bool_op(is_and, values, effects.as_deref(), frame, &e.text)
            }
            ExprKind::Compare { left, ops: chain } if chain.len() == 1 => {
                self.compare_one(e, left, chain, frame)
            }
            ExprKind::Compare { left, ops: chain } => {
                let mut l = self.expr(left, frame)?;
                let mut inputs = vec![];
                for (op, right) in chain {
                    let r = self.expr(right, frame)?;
                    self.pos = e.pos;
                    self.note_operands(&[&l, &r]);
                    let ok = ops::compare(self, *op, &l, &r)
                        .map_err(|u| self.failed_on(u, &[&l, &r]))?;
                    inputs.push(l);
                    if !ok {
                        inputs.push(r);
                        let refs: Vec<&Value> = inputs.iter().collect();
                        return Ok(self.derive(Data::Bool(false), &refs, &e.text));
                    }
                    l = r;
                }
                inputs.push(l);
                let refs: Vec<&Value> = inputs.iter().collect();
                Ok(self.derive(Data::Bool(true), &refs, &e.text))
            }
            ExprKind::Call { func, args, kwargs } => {
                if let (ExprKind::Builtin(Builtin::Len), [arg], []) =
                    (&func.kind, args.as_slice(), kwargs.as_slice())
                {
                    if !arg.starred {
                        // `len(x)`, the builtin itself: what `call_args`, `call_chosen` and
                        // `call_value` do for it (the argument, then the step), without the
                        // argument list.
                        let v = self.operand(&arg.expr, frame)?;
                        self.pos = e.pos;
                        self.tick()?;
                        self.note_operands(&[&v]);
                        return self
                            .len_of(&v, &e.text)
                            .map_err(|u| self.failed_on(u, &[&v]));
                    }
                }
                if let (ExprKind::Builtin(b), []) = (&func.kind, kwargs.as_slice()) {
                    if self.try_labels.is_empty() && args.iter().all(|a| !a.starred) {
                        return self.call_builtin_plainly(e, *b, args, frame);
                    }
                }
                let f = self.operand(func, frame)?;
                if let Data::Function(function) = &f.data {
                    if f.label == Label::PROGRAM
                        && f.node == NO_NODE
                        && kwargs.is_empty()
                        && args.iter().all(|a| !a.starred)
                        && Self::binds_plainly(&function.code, args.len())
                    {
                        return self.call_plain(function, args, frame, e.pos);
                    }
                }
                let (pos, kw) =
                    self.call_args(args, kwargs, frame, &|| super::call::callee_name(&f))?;
                let spread = std::mem::replace(&mut self.call_spread, Label::PROGRAM);
                self.pos = e.pos;
                if !self.try_labels.is_empty() {
                    let mut all: Vec<&Value> = vec![&f];
                    all.extend(pos.iter());
                    all.extend(kw.iter().map(|(_, v)| v));
                    self.note_operands(&all);
                }
                // Kept for the labels of a failure; plain literals add nothing.
                let inputs: Vec<Value> = if matches!(f.data, Data::Function(_)) {
                    Vec::new()
                } else {
                    pos.iter()
                        .chain(kw.iter().map(|(_, v)| v))
                        .filter(|v| !v.is_plain())
                        .cloned()
                        .collect()
                };
                if spread == Label::PROGRAM {
                    return self.call_chosen(&f, pos, kw, &e.text).map_err(|u| {
                        let refs: Vec<&Value> = inputs.iter().collect();
                        self.failed_on(u, &refs)
                    });
                }
                // How many arguments came from `*xs`/`**d` decided the binding: the call
                // runs under their shapes, and its result (or failure) carries them.
                let spread = Value::with(Data::None, spread, NO_NODE);
                self.with_callback(&f, &[&spread], |m| m.call_chosen(&f, pos, kw, &e.text))
                    .map(|mut v| {
                        v.label = self.labels.join(v.label, spread.label);
                        v
                    })
                    .map_err(|u| {
                        let mut refs: Vec<&Value> = inputs.iter().collect();
                        refs.push(&spread);
                        self.failed_on(u, &refs)
                    })
            }
            ExprKind::MethodCall {
                obj,
                name,
                slots,
                args,
                kwargs,
            } => {
                let receiver = self.operand(obj, frame)?;
                if kwargs.is_empty() {
                    if let Some(result) =
                        self.common_method(e, &receiver, name, *slots, args, frame)
                    {
                        return result;
                    }
                }
                // CPython looks the method up before it evaluates the arguments.
                let known = match &receiver.data {
                    Data::Bool(_) => Some(crate::methods::has_method(&Data::Int(0), name)),
                    Data::None
                    | Data::Int(_)
                    | Data::BigInt(_)
                    | Data::Float(_)
                    | Data::Str(_)
                    | Data::List(_)
                    | Data::Dict(_)
                    | Data::Set(_)
                    | Data::Tuple(_) => Some(slots.has_method(&receiver.data, name)),
                    _ => None,
                };
                if known == Some(false) {
                    // The receiver's type decided that it has no such method.
                    self.get_attr(&receiver, name, &e.text)
                        .map_err(|u| self.failed_on(u, &[&receiver]))?;
                }
                // The positional arguments go into a vector kept from an earlier call (the
                // methods only borrow them), so that a call allocates none.
                let mut pos = self.arg_pool.pop().unwrap_or_default();
                let kw = self.call_args_into(&mut pos, args, kwargs, frame, &|| {
                    format!("{}.{name}", receiver.data.type_name())
                })?;
                self.pos = e.pos;
                if receiver.label != Label::PROGRAM
                    && crate::syntax::MUTATING_METHODS.contains(&&**name)
                {
                    self.chosen_receiver(obj, &receiver, frame);
                }
                // The arguments give the labels of a failure (plain literals add nothing).
                // The positional ones are read from `pos` when a failure comes (the method
                // only borrows them), so a call that succeeds copies none; the keyword ones,
                // which the method takes, are kept aside first when there are any.
                let kw_inputs: Vec<Value> = if kw.is_empty() {
                    Vec::new()
                } else {
                    kw.iter()
                        .map(|(_, v)| v)
                        .filter(|v| !v.is_plain())
                        .cloned()
                        .collect()
                };
                let inputs_of = |pos: &[Value], kw_inputs: &[Value]| -> Vec<Value> {
                    pos.iter()
                        .filter(|v| !v.is_plain())
                        .chain(kw_inputs)
                        .cloned()
                        .collect()
                };
                if !self.try_labels.is_empty() {
                    let inputs = inputs_of(&pos, &kw_inputs);
                    self.note_operands(&receiver_and(&receiver, &inputs));
                }
                let result = self
                    .call_method_at(&receiver, name, *slots, &pos, kw, &e.text)
                    .map_err(|u| {
                        let inputs = inputs_of(&pos, &kw_inputs);
                        self.failed_on(u, &receiver_and(&receiver, &inputs))
                    });
                pos.clear();
                if self.arg_pool.len() < ARG_POOL {
                    self.arg_pool.push(pos);
                }
                result
            }
            ExprKind::Attr { obj, name } => {
                let v = self.operand(obj, frame)?;
                self.note_operands(&[&v]);
                self.get_attr(&v, name, &e.text)
                    .map_err(|u| self.failed_on(u, &[&v]))
            }
            ExprKind::Subscript { obj, index } => {
                // A variable's item at a literal index or key (`parts[1]`, `r["id"]`) read
                // where the variable is: a copy of the container made on the stack and read
                // back whole waits for its stores (a store-forwarding stall) and costs two
                // reference-count writes. Outside a `try` there are no operands to note.
                if self.try_labels.is_empty() {
                    if let Some(container) = bound_variable(&self.globals, obj, frame) {
                        let item = match &index.kind {
                            ExprKind::Const(Const::Int(k)) => plain_item_at(container, *k),
                            ExprKind::Const(Const::Str(k)) => plain_entry(container, k),
                            _ => None,
                        };
                        if let Some(item) = item {
                            self.pos = e.pos;
                            return Ok(item);
                        }
                    }
                }
                let container = self.operand(obj, frame)?;
                match &index.kind {
                    ExprKind::Slice { lower, upper, step } => {
                        return self.slice_literal(e, &container, [lower, upper, step], frame);
                    }
                    // `r["key"]`: the literal key looked up as it is, without a copy of it.
                    ExprKind::Const(Const::Str(k)) => {
                        if let Some(v) = plain_entry(&container, k) {
                            self.pos = e.pos;
                            self.note_operands(&[&container]);
                            return Ok(v);
                        }
                    }
                    _ => {}
                }
                let key = self.operand(index, frame)?;
                self.pos = e.pos;
                self.note_operands(&[&container, &key]);
                if let Some(v) = plain_item(&container, &key) {
                    return Ok(v);
                }
                self.get_item(&container, &key, &e.text)
                    .map_err(|u| self.failed_on(u, &[&container, &key]))
            }
            ExprKind::Slice { lower, upper, step } => {
                // Only reached inside a subscript: a slice object is a tuple tagged by kind.
                let mut parts = Vec::with_capacity(3);
                for p in [lower, upper, step] {
                    parts.push(match p {
                        Some(p) => self.expr(p, frame)?,
                        None => Value::none(),
                    });
                }
                Ok(self.new_slice(parts))
            }
            ExprKind::List(elts) => {
                let items = self.elements(elts, frame)?;
                let ctx = if self.strict {
                    self.ctx
                } else {
                    super::Context::NONE
                };
                Ok(self.new_list(items, ctx.label, ctx.node))
            }
            ExprKind::Tuple(elts) => {
                let items = self.elements(elts, frame)?;
                let ctx = if self.strict {
                    self.ctx
                } else {
                    super::Context::NONE
                };
                Ok(self.new_tuple(items, ctx.label, ctx.node))
            }
            ExprKind::Set(elts) => self.set_display(elts, frame),
            ExprKind::Dict(items) => {
                let mut pairs = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        DictItem::Pair(k, v) => {
                            let k = self.operand(k, frame)?;
                            let v = self.operand(v, frame)?;
                            pairs.push((k, v));
                        }
                        DictItem::Splat(m) => {
                            let m = self.expr(m, frame)?;
                            self.note_operands(&[&m]);
                            let Data::Dict(d) = &m.data else {
                                let u = self.type_error(
                                    format!("'{}' object is not a mapping", m.data.type_name()),
                                    &[&m],
                                );
                                return Err(self.failed_on(u, &[&m]));
                            };
                            let shape = self.shape_label(&m);
                            for (k, v) in d.borrow().map.values() {
                                let mut k = k.clone();
                                k.label = self.labels.join(k.label, shape);
                                pairs.push((k, v.clone()));
                            }
                        }
                    }
                }
                self.dict_from_pairs(pairs)
            }
            ExprKind::Comp {
                kind,
                elt,
                value,
                generators,
                effects,
            } => self.comprehension(
                *kind,
                elt,
                value.as_deref(),
                generators,
                effects.as_deref(),
                frame,
            ),
            ExprKind::Walrus { target, value } => {
                let v = self.expr(value, frame)?;
                self.store(target.var, v.clone(), frame);
                Ok(v)
            }
            ExprKind::GenExpr { first, code } => {
                let first = self.expr(first, frame)?;
                self.note_operands(&[&first]);
                self.make_generator(&first, code, frame)
                    .map_err(|u| self.failed_on(u, &[&first]))
            }
            ExprKind::IfExp {
                test,
                body,
                orelse,
                effects,
            } => {
                let cond = self.expr(test, frame)?;
                let truth = self.truthy(&cond)?;
                // A call in the branch taken happens because of the test.
                let cond_label = self.full_label(&cond);
                let saved = self.enter(cond_label, cond.node, &test.text);
                let v = if truth {
                    self.expr(body, frame)
                } else {
                    self.expr(orelse, frame)
                };
                self.leave_expr(saved, effects.as_deref(), frame);
                let v = v?;
                // Which branch was taken depends on the test.
                if self.strict {
                    let label = self.full_label(&cond);
                    let mut v = v;
                    if label != Label::PROGRAM || cond.node != NO_NODE {
                        v.label = self.labels.join(v.label, label);
                        v.node = self
                            .derive_with(Data::None, v.label, &[v.node, cond.node], &e.text)
                            .node;
                    }
                    Ok(v)
                } else {
                    Ok(v)
                }
            }
            ExprKind::Lambda { code, defaults } => self.make_function(code, defaults, frame),
            ExprKind::FString(parts) => {
                let mut inputs = Vec::new();
                let mut out = std::mem::take(&mut self.fstring_scratch);
                out.clear();
                let written = self.fstring_into(parts, frame, &mut inputs, &mut out);
                let s = written.map(|()| PyStr::from(out.as_str()));
                if out.capacity() <= FSTRING_SCRATCH_MAX {
                    self.fstring_scratch = out;
                }
                let refs: Vec<&Value> = inputs.iter().collect();
                Ok(self.derive(Data::Str(s?), &refs, &e.text))
            }
        }
    }

    /// `b(args)` for a builtin the plan names, with positional arguments only, outside any
    /// `try`: what the general call does (the arguments, a step, the builtin; a failure
    /// labeled by the labeled arguments), without the callee value, a keyword vector and the
    /// bookkeeping of a callable chosen by data.
    #[inline(never)]
    fn call_builtin_plainly(
        &mut self,
        e: &Expr,
        b: Builtin,
        args: &[Elt],
        frame: &mut Frame,
    ) -> Eval<Value> {
        let mut pos = Vec::with_capacity(args.len());
        for a in args {
            pos.push(self.operand(&a.expr, frame)?);
        }
        self.call_spread = Label::PROGRAM;
        self.pos = e.pos;
        let inputs: Vec<Value> = pos.iter().filter(|v| !v.is_plain()).cloned().collect();
        self.tick()?;
        self.call_builtin(b, pos, Vec::new(), &e.text).map_err(|u| {
            let refs: Vec<&Value> = inputs.iter().collect();
            self.failed_on(u, &refs)
        })
    }

    /// Calls `f`; when untrusted data chose which callable this is (`fns[i]()`), the call
    /// runs under that choice and its result carries it.
    fn call_chosen(
        &mut self,
        f: &Value,
        args: Vec<Value>,
        kwargs: super::Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let chosen = self.full_label(f);
        if chosen == Label::PROGRAM && f.node == NO_NODE {
            return self.call_value(f, args, kwargs, text);
        }
        let saved = self.enter(chosen, f.node, text);
        let result = self.call_value(f, args, kwargs, text);
        self.restore(saved);
        let mut v = result?;
        v.label = self.labels.join(v.label, chosen);
        if f.node != NO_NODE {
            v.node = self
                .derive_with(Data::None, v.label, &[v.node, f.node], text)
                .node;
        }
        Ok(v)
    }

    /// The text of an f-string in a string of its own (a format spec with fields of its
    /// own, `{x:>{width}}`); see `fstring_into`.
    fn fstring(
        &mut self,
        parts: &[FPart],
        frame: &mut Frame,
        inputs: &mut Vec<Value>,
    ) -> Eval<String> {
        let mut out = String::new();
        self.fstring_into(parts, frame, inputs, &mut out)?;
        Ok(out)
    }

    /// Writes an f-string's text into `out`; `inputs` gets the field values the result
    /// derives from (a plain one adds nothing to `derive`, so only the others are kept: most
    /// f-strings keep none, and allocate no vector for them).
    fn fstring_into(
        &mut self,
        parts: &[FPart],
        frame: &mut Frame,
        inputs: &mut Vec<Value>,
        out: &mut String,
    ) -> Eval<()> {
        for p in parts {
            match p {
                FPart::Lit(s) => out.push_str(s),
                FPart::Value {
                    expr,
                    conversion,
                    spec,
                } => {
                    let v = self.operand(expr, frame)?;
                    if conversion.is_none() && spec.is_none() {
                        // `{s}` and `{n}`: what `format(v, "")` gives, written straight
                        // into the result rather than into a string of its own.
                        let written = match &v.data {
                            Data::Str(s) => {
                                out.push_str(s);
                                true
                            }
                            Data::Int(i) => {
                                use std::fmt::Write;
                                // Writing into a String cannot fail.
                                let _ = write!(out, "{i}");
                                true
                            }
                            _ => false,
                        };
                        if written {
                            self.check_str_len(out.len())?;
                            keep_input(inputs, v);
                            continue;
                        }
                    }
                    let spec_text: std::borrow::Cow<str> = match spec.as_deref() {
                        // A literal spec (`{i:05d}`) as it is.
                        Some([FPart::Lit(s)]) => std::borrow::Cow::Borrowed(&**s),
                        Some(spec) => self.fstring(spec, frame, inputs)?.into(),
                        None => "".into(),
                    };
                    let text = match conversion {
                        Some(c @ ('r' | 'a')) => {
                            let mut r = self.repr(&v)?;
                            if *c == 'a' {
                                r = crate::format::ascii_escape(&r);
                            }
                            let rv = Value::program(Data::Str(PyStr::from(r)));
                            self.format_value(&rv, &spec_text)?
                        }
                        Some(_) => {
                            let s = self.str_of(&v)?;
                            let sv = Value::program(Data::Str(PyStr::from(s)));
                            self.format_value(&sv, &spec_text)?
                        }
                        None => self.format_value(&v, &spec_text)?,
                    };
                    self.check_str_len(out.len() + text.len())?;
                    out.push_str(&text);
                    keep_input(inputs, v);
                }
            }
        }
        Ok(())
    }

    #[inline(never)]
    fn bool_op(
        &mut self,
        is_and: bool,
        values: &[Expr],
        effects: Option<&Effects>,
        frame: &mut Frame,
        text: &Arc<str>,
    ) -> Eval<Value> {
        // The result is one of the operands, but which one depends on the ones tested before
        // it: in strict mode their labels ride along. A tested scalar's label is taken as it
        // is tested; a container's full label is read at the end (a later operand may change
        // what it holds); the nodes are kept in order. Nothing is allocated when every tested
        // operand is plain.
        let mut tested_any = false;
        let mut tested_label = Label::PROGRAM;
        let mut tested_nodes: Vec<NodeId> = Vec::new();
        let mut tested_containers: Vec<Value> = Vec::new();
        let mut last = Value::none();
        let saved = self.ctx;
        for (i, e) in values.iter().enumerate() {
            let v = match self.test(e, frame) {
                Ok(v) => v,
                Err(err) => {
                    self.leave_expr(saved, effects, frame);
                    return Err(err);
                }
            };
            let truth = match self.truthy(&v) {
                Ok(t) => t,
                Err(err) => {
                    self.leave_expr(saved, effects, frame);
                    return Err(err);
                }
            };
            let stop = if is_and { !truth } else { truth };
            if stop || i == values.len() - 1 {
                last = v;
                break;
            }
            // Whether the next operand runs at all depends on this one.
            let l = self.full_label(&v);
            self.enter(l, v.node, text);
            tested_any = true;
            if v.node != NO_NODE {
                tested_nodes.push(v.node);
            }
            if v.is_container() {
                tested_containers.push(v);
            } else {
                tested_label = self.labels.join(tested_label, l);
                v.discard();
            }
        }
        // The operands never evaluated were skipped because of the last one tested.
        let decided = if self.strict && effects.is_some() {
            self.full_label(&last)
        } else {
            Label::PROGRAM
        };
        self.leave_expr_decided(saved, effects, decided, frame);
        if !self.strict || !tested_any {
            return Ok(last);
        }
        let mut label = self.labels.join(last.label, tested_label);
        for t in &tested_containers {
            let l = self.full_label(t);
            label = self.labels.join(label, l);
        }
        if label == last.label && tested_nodes.is_empty() {
            return Ok(last);
        }
        let deps: Vec<NodeId> = std::iter::once(last.node).chain(tested_nodes).collect();
        let node = self.derive_with(Data::None, label, &deps, text).node;
        Ok(Value {
            data: last.data,
            label,
            node,
        })
    }

    fn unary(&mut self, op: UnaryOp, v: &Value, text: &Arc<str>) -> Eval<Value> {
        let data = match (op, &v.data) {
            (UnaryOp::Not, d) => Data::Bool(!self.truthy_data(d)?),
            (UnaryOp::Neg, Data::Int(i)) => match i.checked_neg() {
                Some(n) => Data::Int(n),
                None => ops::int_data(-num_bigint::BigInt::from(*i)),
            },
            (UnaryOp::Neg, Data::BigInt(b)) => ops::int_data(-(**b).clone()),
            (UnaryOp::Neg, Data::Bool(b)) => Data::Int(-(*b as i64)),
            (UnaryOp::Neg, Data::Float(f)) => Data::Float(-f),
            (UnaryOp::Pos, Data::Int(_) | Data::BigInt(_) | Data::Float(_)) => v.data.clone(),
            (UnaryOp::Pos, Data::Bool(b)) => Data::Int(*b as i64),
            (UnaryOp::Invert, Data::Int(i)) => Data::Int(!i),
            (UnaryOp::Invert, Data::Bool(b)) => Data::Int(!(*b as i64)),
            (UnaryOp::Invert, Data::BigInt(b)) => ops::int_data(-(**b).clone() - 1),
            (op, d) => {
                let sym = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Pos => "+",
                    _ => "~",
                };
                return Err(self.type_error(
                    format!("bad operand type for unary {sym}: '{}'", d.type_name()),
                    &[v],
                ));
            }
        };
        Ok(self.derive(data, &[v], text))
    }

    pub fn truthy(&mut self, v: &Value) -> Eval<bool> {
        self.truthy_data(&v.data)
    }

    fn truthy_data(&mut self, d: &Data) -> Eval<bool> {
        Ok(ops::truthy(d))
    }

    fn elements(&mut self, elts: &[Elt], frame: &mut Frame) -> Eval<Vec<Value>> {
        let mut items = Vec::with_capacity(elts.len());
        for elt in elts {
            let v = self.operand(&elt.expr, frame)?;
            if elt.starred {
                let shape = self.shape_label(&v);
                for mut item in self.collect_items(&v)? {
                    item.label = self.labels.join(item.label, shape);
                    items.push(item);
                }
            } else {
                items.push(v);
            }
        }
        self.check_len(items.len())?;
        Ok(items)
    }

    // ---- constructors ----

    pub fn new_list(
        &mut self,
        items: impl Into<ListItems>,
        shape: Label,
        shape_node: NodeId,
    ) -> Value {
        let items = items.into();
        let fixed = items.len();
        Value::program(Data::List(crate::cycles::Tracked::track(ListObj {
            items,
            shape,
            shape_node,
            fixed,
            fixed_label: shape,
        })))
    }

    pub fn new_tuple(&mut self, items: Vec<Value>, shape: Label, shape_node: NodeId) -> Value {
        Value::program(Data::Tuple(Rc::new(TupleObj {
            items,
            shape,
            shape_node,
            key: Default::default(),
        })))
    }

    pub fn new_tuple_plain(&self, items: Vec<Value>) -> Value {
        Value::program(Data::Tuple(Rc::new(TupleObj {
            items,
            shape: Label::PROGRAM,
            shape_node: NO_NODE,
            key: Default::default(),
        })))
    }

    pub fn new_set(&mut self, items: Vec<Value>, shape: Label, frozen: bool) -> Eval<Value> {
        if items.len() > 64 {
            self.check_memory(items.len() as u64 * SET_ENTRY_BYTES)?;
        }
        let mut map = key_map(items.len());
        let mut shape = shape;
        for v in items {
            self.add_to_new_set(&mut map, &mut shape, v)?;
        }
        Ok(set_value(map, shape, frozen))
    }

    /// Adds `v` to a set being made, as CPython's `set.add` (the first of equal elements
    /// stays); `shape` takes its label: which elements collapsed into one depends on their
    /// values.
    fn add_to_new_set(&mut self, map: &mut KeyMap<Value>, shape: &mut Label, v: Value) -> Eval<()> {
        let key = self.hash_key(&v)?;
        *shape = self.labels.join(*shape, v.label);
        map.entry(key).or_insert(v);
        Ok(())
    }

    /// A set made from a copy of `source`'s items (in CPython's order), as CPython's
    /// `set_merge` makes it: `set(s)`, `s.copy()`.
    pub fn new_set_copied(
        &mut self,
        source: &SetObj,
        items: Vec<Value>,
        shape: Label,
        frozen: bool,
    ) -> Eval<Value> {
        let set = self.new_set(items, shape, frozen)?;
        if let Data::Set(s) = &set.data {
            let mut s = s.borrow_mut();
            let merge = source.as_merge_source(0, s.map.len());
            s.merges = vec![merge];
        }
        Ok(set)
    }

    /// A set display. CPython compiles one of more than two constants to a frozenset
    /// constant (which its compiler builds, then builds again from its own iteration order
    /// when it merges equal constants) and merges that into the new set.
    fn set_display(&mut self, elts: &[Elt], frame: &mut Frame) -> Eval<Value> {
        let items = self.elements(elts, frame)?;
        let all_constants =
            elts.len() > 2 && elts.iter().all(|e| !e.starred && is_constant(&e.expr));
        let set = self.new_set(items, Label::PROGRAM, false)?;
        if all_constants {
            if let Data::Set(s) = &set.data {
                let mut s = s.borrow_mut();
                // The compiler's frozenset, then its rebuilt copy, then the merge.
                s.settle_in_cpython_order();
                s.settle_as_merged_copy();
            }
        }
        Ok(set)
    }

    fn new_slice(&mut self, parts: Vec<Value>) -> Value {
        let it = IterObj {
            items: parts,
            pos: 0,
            kind: "slice",
            shape: Label::PROGRAM,
            shape_node: NO_NODE,
            lazy: None,
            running: false,
            serial: 0,
        };
        Value::program(Data::Iterator(crate::cycles::Tracked::track(it)))
    }

    /// Where the key `v` is in `map`, if it is there; a string is looked up by its bytes.
    pub fn find_key<M: KeyIndex>(&mut self, map: &M, v: &Value) -> Eval<Option<usize>> {
        match &v.data {
            Data::Str(s) => Ok(map.index_of_str(s)),
            _ => {
                let key = self.hash_key(v)?;
                Ok(map.index_of(&key))
            }
        }
    }

    /// The key of `v`; its failure (unhashable, nested too deep) is decided by everything in it.
    pub fn hash_key(&mut self, v: &Value) -> Eval<HashKey> {
        match ops::hash_key(&v.data) {
            Ok(k) => Ok(k),
            Err(Unwind::Exc(e)) if e.exc.kind == ExcKind::RecursionError => {
                let label = self.full_label(v);
                Err(exception(
                    ExcKind::RecursionError,
                    crate::ops::HASH_TOO_DEEP,
                    label,
                ))
            }
            Err(_) => Err(ops::unhashable(self, v)),
        }
    }

    // ---- iteration ----

    /// Calls `f` on every item of an iterable, in order, until it returns `false`; returns
    /// whether the iteration ran to the end. Items carry the label of the reference to the
    /// iterable; the shape's label is the caller's business (the loop's context).
    pub fn iterate(
        &mut self,
        v: &Value,
        f: &mut dyn FnMut(&mut Self, Value) -> Eval<bool>,
    ) -> Eval<bool> {
        match &v.data {
            Data::List(l) => self.iterate_list(v, l, f),
            Data::Dict(_) | Data::Set(_) => self.iterate_table(v, v, None, f),
            Data::Range(r) if r.is_narrow() => self.iterate_narrow_range(v, r, f),
            Data::Range(r) => {
                let n = r.len();
                for i in 0..n {
                    let item = Value::with(r.get(i), v.label, v.node);
                    if !f(self, item)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            Data::Str(s) => {
                let s = s.clone();
                for c in s.chars() {
                    let item = Value::with(Data::Str(self.char_str(c)), v.label, v.node);
                    if !f(self, item)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            Data::Iterator(it) => {
                let view = {
                    let it = it.borrow();
                    it.viewed_dict().cloned().map(|dict| (dict, it.kind))
                };
                if let Some((dict, kind)) = view {
                    // A dict view is iterated afresh each time, live as the dict is.
                    return self.iterate_table(v, &dict, Some(kind), f);
                }
                loop {
                    let item = self.next_of(v);
                    // Whether there was a next item was decided by the shape as it is now
                    // (a filter's verdicts, a source's length).
                    if self.strict {
                        let shape = it.borrow().shape;
                        self.ctx.label = self.labels.join(self.ctx.label, shape);
                    }
                    let Some(item) = item? else {
                        return Ok(true);
                    };
                    if !f(self, item)? {
                        return Ok(false);
                    }
                }
            }
            _ => {
                let items = self.collect_items(v)?;
                for item in items {
                    if !f(self, item)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
        }
    }

    /// [`Machine::iterate`], with the loop over a list or a range of 64-bit bounds (the
    /// commonest iterables) made in the caller, so that `f` is called directly, not through
    /// a `dyn` pointer, and can be inlined into the loop: a comprehension's or a `for`
    /// statement's per-item work.
    #[inline(always)]
    pub fn iterate_inline<F: FnMut(&mut Self, Value) -> Eval<bool>>(
        &mut self,
        v: &Value,
        f: &mut F,
    ) -> Eval<bool> {
        match &v.data {
            Data::List(l) => self.iterate_list(v, l, f),
            Data::Range(r) if r.is_narrow() => self.iterate_narrow_range(v, r, f),
            Data::Dict(_) | Data::Set(_) => self.iterate_table(v, v, None, f),
            Data::Iterator(it) => {
                let view = {
                    let it = it.borrow();
                    it.viewed_dict().cloned().map(|dict| (dict, it.kind))
                };
                match view {
                    Some((dict, kind)) => self.iterate_table(v, &dict, Some(kind), f),
                    None => self.iterate(v, f),
                }
            }
            _ => self.iterate(v, f),
        }
    }

    /// `iterate` over a list. Live iteration, as Python: appends during the loop are seen.
    /// The list may change while the loop runs: which item comes next, and whether one
    /// does, is decided by its shape as it is then.
    #[inline(always)]
    fn iterate_list<F: FnMut(&mut Self, Value) -> Eval<bool> + ?Sized>(
        &mut self,
        v: &Value,
        l: &Rc<std::cell::RefCell<ListObj>>,
        f: &mut F,
    ) -> Eval<bool> {
        let outer = v.label;
        let mut i = 0;
        loop {
            let mut item = {
                let l = l.borrow();
                let shape = l.shape;
                if self.strict && shape != Label::PROGRAM {
                    self.ctx.label = self.labels.join(self.ctx.label, shape);
                }
                let Some(mut item) = l.items.get(i) else {
                    return Ok(true);
                };
                if shape != Label::PROGRAM {
                    item.label = self.labels.join(item.label, shape);
                }
                item
            };
            i += 1;
            // Items carry the label of the reference to the list.
            if outer != Label::PROGRAM {
                item.label = self.labels.join(item.label, outer);
            }
            if !f(self, item)? {
                return Ok(false);
            }
        }
    }

    /// `iterate` over a range of 64-bit bounds: `r.get(i)` for each i, counted up by the
    /// step (every item lies between the bounds; the step past the last one may wrap, and
    /// is not used).
    #[inline(always)]
    fn iterate_narrow_range<F: FnMut(&mut Self, Value) -> Eval<bool> + ?Sized>(
        &mut self,
        v: &Value,
        r: &RangeObj,
        f: &mut F,
    ) -> Eval<bool> {
        let (n, step) = (r.len(), r.step);
        let mut x = r.start;
        for _ in 0..n {
            let item = Value::with(Data::Int(x), v.label, v.node);
            if !f(self, item)? {
                return Ok(false);
            }
            x = x.wrapping_add(step);
        }
        Ok(true)
    }

    /// Iterates a dict or a set, live as CPython does: a change of size is a RuntimeError at
    /// the next step. `v` is what the plan iterates (the table itself or a view of it, whose
    /// shape decides each step); `view` says what a dict view yields (`None`: the keys).
    fn iterate_table<F: FnMut(&mut Self, Value) -> Eval<bool> + ?Sized>(
        &mut self,
        v: &Value,
        table: &Value,
        view: Option<&'static str>,
        f: &mut F,
    ) -> Eval<bool> {
        let size = |t: &Value| match &t.data {
            Data::Dict(d) => d.borrow().map.len(),
            Data::Set(s) => s.borrow().map.len(),
            _ => 0,
        };
        let start = size(table);
        // Where each step reads: CPython walks a set's hash table.
        let order = match &table.data {
            Data::Set(s) => s.borrow().cpython_order(),
            _ => None,
        };
        // What each step shows of a dict's entry, decided once.
        #[derive(Clone, Copy)]
        enum Shown {
            Keys,
            Values,
            Items,
        }
        let shown = match view {
            Some("dict_values") => Shown::Values,
            Some("dict_items") => Shown::Items,
            _ => Shown::Keys,
        };
        // A view's shape is its own and its dict's, live: `iterator_shape_label`, without
        // finding the dict again at each step.
        let view_of = match &v.data {
            Data::Iterator(it) => Some(it),
            _ => None,
        };
        let mut i = 0;
        loop {
            let shape = match view_of {
                Some(it) => {
                    let own = self.labels.join(v.label, it.borrow().shape);
                    let live = self.shape_label(table);
                    self.labels.join(own, live)
                }
                None => self.shape_label(v),
            };
            if self.strict && shape != Label::PROGRAM {
                self.ctx.label = self.labels.join(self.ctx.label, shape);
            }
            if size(table) != start {
                let message = if matches!(table.data, Data::Dict(_)) {
                    "dictionary changed size during iteration"
                } else {
                    "Set changed size during iteration"
                };
                return Err(exception(ExcKind::RuntimeError, message.to_string(), shape));
            }
            let at = match &order {
                Some(order) => order.get(i).copied().unwrap_or(usize::MAX),
                None => i,
            };
            let item = match &table.data {
                Data::Dict(d) => {
                    // Only what the view shows is copied out of the entry.
                    let d = d.borrow();
                    match (d.map.get_index(at), shown) {
                        (None, _) => None,
                        (Some((_, val)), Shown::Values) => Some(val.clone()),
                        (Some((k, val)), Shown::Items) => {
                            let pair = vec![k.clone(), val.clone()];
                            drop(d);
                            Some(self.new_tuple(pair, Label::PROGRAM, NO_NODE))
                        }
                        (Some((k, _)), _) => Some(k.clone()),
                    }
                }
                Data::Set(s) => s.borrow().map.get_index(at).map(|(_, k)| k.clone()),
                _ => None,
            };
            let Some(mut item) = item else {
                return Ok(true);
            };
            if shape != Label::PROGRAM {
                item.label = self.labels.join(item.label, shape);
            }
            i += 1;
            if !f(self, item)? {
                return Ok(false);
            }
        }
    }

    /// Every item of an iterable, in order (labels as in `iterate`).
    pub fn collect_items(&mut self, v: &Value) -> Eval<Vec<Value>> {
        let items = match &v.data {
            Data::List(l) => l.borrow().items.to_vec(),
            Data::Tuple(t) => t.items.clone(),
            Data::Dict(d) => d.borrow().map.values().map(|(k, _)| k.clone()).collect(),
            Data::Set(s) => s.borrow().values_in_order(),
            Data::Range(r) => {
                // CPython sizes the list first: a length beyond 64 bits does not convert.
                let Some(n) = r.len_checked() else {
                    let label = self.shape_label(v);
                    return Err(exception(
                        ExcKind::OverflowError,
                        "Python int too large to convert to C ssize_t",
                        label,
                    ));
                };
                self.check_len(usize::try_from(n).unwrap_or(usize::MAX))?;
                (0..n)
                    .map(|i| Value::with(r.get(i), v.label, v.node))
                    .collect()
            }
            Data::Str(s) => {
                self.check_len(s.len())?;
                s.chars()
                    .map(|c| Value::with(Data::Str(self.char_str(c)), v.label, v.node))
                    .collect()
            }
            Data::Iterator(it) => {
                if let Some(items) = self.view_items(it) {
                    // A dict view is read afresh each time.
                    self.advanced(it, v.label);
                    items
                } else {
                    let mut items = Vec::new();
                    while let Some(item) = self.next_of(v)? {
                        self.check_growth(items.len() + 1, 1)?;
                        items.push(item);
                    }
                    items
                }
            }
            Data::Instance(_) | Data::Model(_) => {
                return Err(self.type_error(
                    format!("'{}' object is not iterable", v.data.type_name()),
                    &[v],
                ))
            }
            other => {
                return Err(self.type_error(
                    format!("'{}' object is not iterable", other.type_name()),
                    &[v],
                ))
            }
        };
        // Which item comes where (and whether it is there) is decided by the shape.
        let outer = self.shape_label(v);
        if outer == Label::PROGRAM {
            return Ok(items);
        }
        Ok(items
            .into_iter()
            .map(|mut item| {
                item.label = self.labels.join(item.label, outer);
                item
            })
            .collect())
    }

    fn comprehension(
        &mut self,
        kind: CompKind,
        elt: &Expr,
        value: Option<&Expr>,
        generators: &[Generator],
        effects: Option<&Effects>,
        frame: &mut Frame,
    ) -> Eval<Value> {
        let mut out = Produced {
            hashed: !matches!(kind, CompKind::List),
            set: matches!(kind, CompKind::Set).then(|| (key_map(0), Label::PROGRAM)),
            ..Produced::default()
        };
        let (shape, shape_node) =
            self.comprehend(elt, value, generators, effects, frame, &mut out)?;
        Ok(match kind {
            CompKind::List => self.new_list(out.items, shape, shape_node),
            CompKind::Set => {
                let (set, collapsed) = out.set.unwrap_or_else(|| (key_map(0), Label::PROGRAM));
                set_value(set, self.labels.join(shape, collapsed), false)
            }
            CompKind::Dict => {
                let d = self.dict_from_pairs(out.pairs)?;
                self.taint_shape(&d, shape, shape_node);
                d
            }
        })
    }

    /// Runs the generators of a comprehension, collecting each element (and value, for
    /// dicts) into `out`; returns the shape label and node: every iterable's
    /// shape and every filter decided which elements exist.
    fn comprehend(
        &mut self,
        elt: &Expr,
        value: Option<&Expr>,
        generators: &[Generator],
        effects: Option<&Effects>,
        frame: &mut Frame,
        out: &mut Produced,
    ) -> Eval<(Label, NodeId)> {
        let saved = self.ctx;
        let carried = std::mem::replace(&mut self.comp_carry, Label::PROGRAM);
        let mut shape = Label::PROGRAM;
        let mut shape_nodes: Vec<NodeId> = Vec::new();
        let result = self.comp_level(
            0,
            elt,
            value,
            generators,
            frame,
            out,
            &mut shape,
            &mut shape_nodes,
        );
        // The element and filters ran once per item: what they would have changed for the
        // items another run has, or that a filter skipped, depends on the shapes, the
        // filters and (for `any`/`all`) the items already looked at.
        if self.strict {
            let decided = self.labels.join(shape, self.comp_carry);
            self.ctx.label = self.labels.join(self.ctx.label, decided);
        }
        self.comp_carry = carried;
        self.leave_expr(saved, effects, frame);
        result?;
        let shape_node = match shape_nodes[..] {
            [] => NO_NODE,
            [only] => only,
            _ => self.graph.add(
                bactrian_provenance::NodeKind::derive("comprehension"),
                self.pos.line,
                &shape_nodes,
                &[],
            ),
        };
        let shape = self.labels.join(shape, saved.label);
        Ok((shape, shape_node))
    }

    #[allow(clippy::too_many_arguments)]
    fn comp_level(
        &mut self,
        level: usize,
        elt: &Expr,
        value: Option<&Expr>,
        generators: &[Generator],
        frame: &mut Frame,
        out: &mut Produced,
        shape: &mut Label,
        shape_nodes: &mut Vec<NodeId>,
    ) -> Eval<bool> {
        let Some(g) = generators.get(level) else {
            // Only without a `for` clause, which a comprehension always has.
            if out.set.is_some() {
                return self.set_element(elt, frame, out);
            }
            return self.comp_element(elt, value, frame, out);
        };
        let iterable = self.expr(&g.iter, frame)?;
        if generators.len() == 1 && g.ifs.is_empty() {
            // One element per item: room for them all at once, rather than growing (and
            // copying into fresh pages) by doubling.
            self.presize(out, value.is_some(), &iterable);
        }
        let l = self.shape_label(&iterable);
        *shape = self.labels.join(*shape, l);
        let n = self.shape_node(&iterable);
        if n != NO_NODE && !shape_nodes.contains(&n) {
            shape_nodes.push(n);
        }
        // Every element is computed because the iterable had that many items.
        self.enter(l, n, &g.iter.text);
        // Two loops, so that the innermost one (where the elements are made) is a small
        // closure of its own, inlined into the iteration, without the recursive call.
        if level + 1 == generators.len() && out.set.is_some() {
            // A loop of its own for a set's elements, so that a list's (below) is compiled
            // as if sets did not exist: its speed hangs on how its result is returned.
            self.iterate_inline(&iterable, &mut |m, item| {
                let Some(before) = m.comp_item(g, item, frame, shape, shape_nodes)? else {
                    return Ok(true);
                };
                let go_on = m.set_element(elt, frame, out);
                m.restore(before);
                m.carry_into_context();
                go_on
            })
        } else if level + 1 == generators.len() {
            self.iterate_inline(&iterable, &mut |m, item| {
                let Some(before) = m.comp_item(g, item, frame, shape, shape_nodes)? else {
                    return Ok(true);
                };
                let go_on = m.comp_element(elt, value, frame, out);
                m.restore(before);
                m.carry_into_context();
                go_on
            })
        } else {
            self.iterate_inline(&iterable, &mut |m, item| {
                let Some(before) = m.comp_item(g, item, frame, shape, shape_nodes)? else {
                    return Ok(true);
                };
                let go_on = m.comp_level(
                    level + 1,
                    elt,
                    value,
                    generators,
                    frame,
                    out,
                    shape,
                    shape_nodes,
                );
                m.restore(before);
                m.carry_into_context();
                go_on
            })
        }
    }

    /// An item of a comprehension's `for` clause: binds its target and runs its `if`
    /// clauses. The context before the item when the filters let it through (what follows
    /// runs under them); `None` when one did not (the context is restored).
    #[inline(always)]
    fn comp_item(
        &mut self,
        g: &Generator,
        item: Value,
        frame: &mut Frame,
        shape: &mut Label,
        shape_nodes: &mut Vec<NodeId>,
    ) -> Eval<Option<super::Context>> {
        self.tick()?;
        let before = self.ctx;
        match &g.target {
            // `for x in ...`: what `assign` does for a name, without the call.
            Target::Var(name) => self.store(name.var, item, frame),
            target => self.assign(target, item, frame)?,
        }
        for cond in &g.ifs {
            let c = self.test(cond, frame)?;
            if let (Data::Bool(pass), true) = (&c.data, c.is_plain()) {
                // A plain test decides nothing labeled: no context to enter.
                if !*pass {
                    self.restore(before);
                    self.carry_into_context();
                    return Ok(None);
                }
                continue;
            }
            let cl = self.full_label(&c);
            *shape = self.labels.join(*shape, cl);
            if c.node != NO_NODE && !shape_nodes.contains(&c.node) && shape_nodes.len() < 8 {
                shape_nodes.push(c.node);
            }
            // What follows for this item runs because the filter let it through.
            self.enter(cl, c.node, &cond.text);
            if !self.truthy(&c)? {
                self.restore(before);
                self.carry_into_context();
                return Ok(None);
            }
        }
        Ok(Some(before))
    }

    /// One element of a comprehension (and its value, for a dict's), inside every `for`
    /// and `if` clause.
    #[inline(always)]
    fn comp_element(
        &mut self,
        elt: &Expr,
        value: Option<&Expr>,
        frame: &mut Frame,
        out: &mut Produced,
    ) -> Eval<bool> {
        // The element's step, counted without the limit check, which the next item's
        // `tick` (or the next statement's) makes: a step per item and one per element.
        self.steps += 1;
        let k = self.operand(elt, frame)?;
        let Some(value) = value else {
            // A list's element, pushed straight from the registers it came back in: with a
            // branch between, it was stored in three words and reloaded in two halves, a
            // store-forwarding stall on the hottest instruction of the loop.
            out.items.push(k);
            self.check_growth(out.items.len(), 1)?;
            return Ok(true);
        };
        let v = self.operand(value, frame)?;
        // A number, a string, a bool or None always hashes: only other keys are tried here.
        if out.hashed
            && !matches!(
                k.data,
                Data::Int(_) | Data::Str(_) | Data::Float(_) | Data::Bool(_) | Data::None
            )
        {
            self.hash_key(&k)?;
        }
        out.pairs.push((k, v));
        self.check_growth(out.pairs.len(), 1)?;
        Ok(true)
    }

    /// A set comprehension's element, made and added to its set (with its step, as
    /// `comp_element` counts one). Out of line: a list comprehension's element path stays as
    /// it was without sets (its code layout decides its speed more than its instructions).
    #[inline(never)]
    fn set_element(&mut self, elt: &Expr, frame: &mut Frame, out: &mut Produced) -> Eval<bool> {
        self.steps += 1;
        let k = self.operand(elt, frame)?;
        let Some((set, collapsed)) = &mut out.set else {
            return Ok(true);
        };
        self.add_to_new_set(set, collapsed, k)?;
        let len = set.len();
        self.check_growth(len, 1)?;
        Ok(true)
    }

    /// Makes room in `out` for as many elements as `source` has items, when that is known
    /// and within the limits (a longer comprehension stops at the limit anyway).
    fn presize(&self, out: &mut Produced, pairs: bool, source: &Value) {
        let Some(n) = source.data.known_len() else {
            return;
        };
        let budget = self.limits.max_alloc_bytes.saturating_sub(self.allocated) / 32;
        if n as u64 > self.limits.max_collection_len.min(budget) {
            return;
        }
        if out.set.is_some() {
            // A set grows as its distinct elements come (often far fewer than the items).
        } else if pairs {
            out.pairs.reserve_exact(n);
        } else {
            out.items.reserve_exact(n);
        }
    }

    // ---- containment ----

    /// `needle in haystack`.
    pub fn contains(&mut self, haystack: &Value, needle: &Value) -> Eval<bool> {
        match &haystack.data {
            Data::Str(s) => match &needle.data {
                Data::Str(n) => Ok(s.contains(&**n)),
                other => Err(self.type_error(
                    format!(
                        "'in <string>' requires string as left operand, not {}",
                        other.type_name()
                    ),
                    &[needle],
                )),
            },
            Data::Dict(d) => Ok(self.find_key(&d.borrow().map, needle)?.is_some()),
            Data::Set(s) => Ok(self.find_key(&s.borrow().map, needle)?.is_some()),
            Data::Range(r) => match &needle.data {
                Data::Int(i) => Ok(r.contains(&(*i).into())),
                Data::Bool(b) => Ok(r.contains(&(*b as i64).into())),
                Data::BigInt(b) => Ok(r.contains(b)),
                _ => {
                    let items = self.collect_items(haystack)?;
                    self.any_equal(&items, needle)
                }
            },
            Data::Iterator(it) if it.borrow().kind == "dict_keys" => {
                let dict = it.borrow().viewed_dict().cloned();
                match dict {
                    Some(dict) => self.contains(&dict, needle),
                    None => Ok(false),
                }
            }
            Data::Iterator(_) => {
                // Pulls items up to the first equal one, as CPython.
                let mut found = false;
                let saved = self.ctx;
                let pulled = self.iterate(haystack, &mut |m, item| {
                    found = m.any_equal(std::slice::from_ref(&item), needle)?;
                    Ok(!found)
                });
                self.restore(saved);
                pulled?;
                Ok(found)
            }
            Data::List(_) | Data::Tuple(_) => {
                // An int among packed ints: equal exactly when the same int.
                if let (Data::List(l), Data::Int(n)) = (&haystack.data, &needle.data) {
                    if let ListItems::PlainInts(ints) = &l.borrow().items {
                        return Ok(ints.contains(n));
                    }
                }
                let items = self.collect_items(haystack)?;
                self.any_equal(&items, needle)
            }
            other => Err(self.type_error(
                format!("argument of type '{}' is not iterable", other.type_name()),
                &[haystack],
            )),
        }
    }

    fn any_equal(&mut self, items: &[Value], needle: &Value) -> Eval<bool> {
        for item in items {
            if ops::identical(&item.data, &needle.data)
                || ops::equal(self, &item.data, &needle.data, 0)?
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    // ---- subscripts ----

    /// `container[key]`: the element's label joined with the container's shape and the key's
    /// label.
    pub fn get_item(&mut self, container: &Value, key: &Value, text: &Arc<str>) -> Eval<Value> {
        if let Data::Iterator(it) = &key.data {
            if it.borrow().kind == "slice" {
                return self.get_slice(container, key, text);
            }
        }
        let shape = self.shape_label(container);
        let key_label = self.full_label(key);
        let access = self.labels.join(shape, key_label);
        let element: Value = match &container.data {
            Data::List(_) | Data::Tuple(_) => {
                let len = match &container.data {
                    Data::List(l) => l.borrow().items.len(),
                    Data::Tuple(t) => t.items.len(),
                    _ => 0,
                };
                let what = if matches!(container.data, Data::List(_)) {
                    "list"
                } else {
                    "tuple"
                };
                let i = self.index(key, len, what, access)?;
                match &container.data {
                    Data::List(l) => {
                        let l = l.borrow();
                        // `index` checked `i` against the length just read.
                        let v = l.items.get(i).unwrap_or_else(Value::none);
                        // A non-negative index into the fixed prefix: there in every run that
                        // got here, where the plan put it.
                        if matches!(key.data, Data::Int(k) if k >= 0) && i < l.fixed {
                            let place = l.fixed_label;
                            drop(l);
                            let access = self.labels.join(place, key_label);
                            let access = self.labels.join(access, container.label);
                            return Ok(self.element(v, access, &[container.node, key.node], text));
                        }
                        v
                    }
                    Data::Tuple(t) => t.items.get(i).cloned().unwrap_or_else(Value::none),
                    _ => Value::none(),
                }
            }
            Data::Str(s) => {
                let count = crate::pystr::char_count(s);
                let i = self.index(key, count, "string", access)?;
                let c = if s.is_ascii() {
                    s.as_bytes().get(i).map(|&b| char::from(b))
                } else {
                    s.chars().nth(i)
                };
                let data = Data::Str(match c {
                    Some(c) => self.char_str(c),
                    None => PyStr::from(String::new()),
                });
                return Ok(self.derive(data, &[container, key], text));
            }
            Data::Range(r) => {
                let data = match (r.len_checked(), &key.data) {
                    (Some(n), Data::Int(_)) => {
                        let i = self.index(key, n as usize, "range object", access)?;
                        r.get(i as i64)
                    }
                    _ => self.range_item(r, key, access)?,
                };
                return Ok(self.derive(data, &[container, key], text));
            }
            Data::Dict(d) => {
                let d = d.borrow();
                // The stored key's label, not a copy of the key.
                let found = self
                    .find_key(&d.map, key)?
                    .and_then(|i| d.map.get_index(i))
                    .map(|(k, v)| (k.label, v.clone()));
                drop(d);
                match found {
                    // A key that is there: what decided that it is there (its last store),
                    // not the whole shape, decided this read.
                    Some((stored_label, v)) => {
                        let present = self.labels.join(stored_label, key_label);
                        let access = self.labels.join(present, container.label);
                        return Ok(self.element(v, access, &[container.node, key.node], text));
                    }
                    None => {
                        return Err(crate::error::key_error(key, access));
                    }
                }
            }
            Data::Type(_) | Data::Model(_) => {
                // `list[str]` in annotations-like positions: the type itself.
                return Ok(container.clone());
            }
            other => {
                return Err(self.type_error(
                    format!("'{}' object is not subscriptable", other.type_name()),
                    &[container],
                ))
            }
        };
        Ok(self.element(element, access, &[container.node, key.node], text))
    }

    /// An element taken out of a container: its own label joined with how it was reached.
    #[inline(always)]
    pub fn element(&mut self, v: Value, access: Label, deps: &[NodeId], text: &Arc<str>) -> Value {
        if access == Label::PROGRAM && deps.iter().all(|d| *d == NO_NODE) {
            return v;
        }
        self.labeled_element(v, access, deps, text)
    }

    /// `element` reached through a label or a node.
    #[inline(never)]
    fn labeled_element(
        &mut self,
        mut v: Value,
        access: Label,
        deps: &[NodeId],
        text: &Arc<str>,
    ) -> Value {
        v.label = self.labels.join(v.label, access);
        let mut all = vec![v.node];
        all.extend_from_slice(deps);
        if all.iter().any(|d| *d != NO_NODE) {
            v.node = self.derive_with(Data::None, v.label, &all, text).node;
        }
        v
    }

    /// Resolves an index against a length, with Python's negative indices.
    /// `r[i]` for an index or a range of any size (`range(2**64)[-1]`).
    fn range_item(&mut self, r: &RangeObj, key: &Value, label: Label) -> Eval<Data> {
        let Some(mut i) = big_index(key) else {
            // Not an int: the message every sequence gives.
            self.index(key, 0, "range object", label)?;
            return err(ExcKind::TypeError, "range indices must be integers");
        };
        let len = r.len_big();
        if i < BigInt::from(0) {
            i += &len;
        }
        if i < BigInt::from(0) || i >= len {
            return Err(exception(
                ExcKind::IndexError,
                "range object index out of range".to_string(),
                label,
            ));
        }
        Ok(r.get_big(&i))
    }

    /// `r[a:b:c]`: a range again, computed as CPython's `slice.indices` does, on ints of any
    /// size.
    fn range_slice(&mut self, r: &RangeObj, parts: &[Value]) -> Eval<RangeObj> {
        let mut bounds: Vec<Option<BigInt>> = Vec::with_capacity(3);
        for part in parts {
            match &part.data {
                Data::None => bounds.push(None),
                _ => {
                    match big_index(part) {
                        Some(b) => bounds.push(Some(b)),
                        None => return Err(self.type_error(
                            "slice indices must be integers or None or have an __index__ method"
                                .to_string(),
                            &[part],
                        )),
                    }
                }
            }
        }
        let mut bounds = bounds.into_iter();
        let (lo, hi, step) = (
            bounds.next().flatten(),
            bounds.next().flatten(),
            bounds.next().flatten(),
        );
        let zero = BigInt::from(0);
        let step = step.unwrap_or_else(|| BigInt::from(1));
        if step == zero {
            return err(ExcKind::ValueError, "slice step cannot be zero");
        }
        let len = r.len_big();
        let (lower, upper) = if step > zero {
            (zero.clone(), len.clone())
        } else {
            (BigInt::from(-1), &len - 1)
        };
        let clamp = |v: Option<BigInt>, default: &BigInt| -> BigInt {
            match v {
                None => default.clone(),
                Some(i) if i < zero => (i + &len).max(lower.clone()),
                Some(i) => i.min(upper.clone()),
            }
        };
        let (first_default, last_default) = if step > zero {
            (&lower, &upper)
        } else {
            (&upper, &lower)
        };
        let a = clamp(lo, first_default);
        let b = clamp(hi, last_default);
        let [start, _, r_step] = r.bounds();
        Ok(RangeObj::of_big(
            &start + a * &r_step,
            &start + b * &r_step,
            r_step * step,
        ))
    }

    fn index(&mut self, key: &Value, len: usize, what: &str, label: Label) -> Eval<usize> {
        let i = match &key.data {
            Data::Int(i) => *i,
            Data::Bool(b) => *b as i64,
            Data::BigInt(_) => {
                return Err(exception(
                    ExcKind::IndexError,
                    "cannot fit 'int' into an index-sized integer".to_string(),
                    label,
                ))
            }
            other => {
                let message = match what {
                    "string" => {
                        format!(
                            "string indices must be integers, not '{}'",
                            other.type_name()
                        )
                    }
                    _ => format!(
                        "{} indices must be integers or slices, not {}",
                        match what {
                            "range object" => "range",
                            "list assignment" => "list",
                            _ => what,
                        },
                        other.type_name()
                    ),
                };
                return Err(exception(ExcKind::TypeError, message, label));
            }
        };
        let idx = if i < 0 { i + len as i64 } else { i };
        if idx < 0 || idx >= len as i64 {
            return Err(exception(
                ExcKind::IndexError,
                format!("{what} index out of range"),
                label,
            ));
        }
        Ok(idx as usize)
    }

    fn slice_bounds(&mut self, key: &Value, len: i64) -> Eval<(i64, i64, i64)> {
        let parts = match &key.data {
            Data::Iterator(it) => it.borrow().items.clone(),
            _ => return err(ExcKind::TypeError, "bad slice"),
        };
        self.slice_bounds_of(&parts, len)
    }

    /// The start, stop and step of a slice of `parts` (lower, upper, step) over `len` items,
    /// as CPython's `slice.indices`.
    fn slice_bounds_of(&mut self, parts: &[Value], len: i64) -> Eval<(i64, i64, i64)> {
        let get = |m: &mut Self, v: &Value| -> Eval<Option<i64>> {
            match &v.data {
                Data::None => Ok(None),
                Data::Int(i) => Ok(Some(*i)),
                Data::Bool(b) => Ok(Some(*b as i64)),
                Data::BigInt(b) => Ok(Some(if num_traits::Signed::is_negative(&**b) {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                })),
                _ => Err(m.type_error(
                    "slice indices must be integers or None or have an __index__ method"
                        .to_string(),
                    &[v],
                )),
            }
        };
        let [lo, hi, step] = match parts {
            [lo, hi, step] => [lo, hi, step],
            _ => return err(ExcKind::TypeError, "bad slice"),
        };
        let step = get(self, step)?.unwrap_or(1);
        if step == 0 {
            return err(ExcKind::ValueError, "slice step cannot be zero");
        }
        let (lo_default, hi_default) = if step > 0 { (0, len) } else { (len - 1, -1) };
        let clamp = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(mut i) => {
                    if i < 0 {
                        i += len;
                        if i < 0 {
                            i = if step > 0 { 0 } else { -1 };
                        }
                    } else if i >= len {
                        i = if step > 0 { len } else { len - 1 };
                    }
                    i
                }
            }
        };
        let start = clamp(get(self, lo)?, lo_default);
        let stop = clamp(get(self, hi)?, hi_default);
        Ok((start, stop, step))
    }

    fn slice_indices(start: i64, stop: i64, step: i64) -> Vec<usize> {
        slice_walk(start, stop, step).collect()
    }

    fn get_slice(&mut self, container: &Value, key: &Value, text: &Arc<str>) -> Eval<Value> {
        let parts = match &key.data {
            Data::Iterator(it) => it.borrow().items.clone(),
            _ => return err(ExcKind::TypeError, "bad slice"),
        };
        self.get_slice_of(container, key, &parts, text)
    }

    /// `container[lower:upper:step]` written out in the plan: the bounds are evaluated as for
    /// a slice object, but none is made. What the object would have given `get_slice` (its
    /// full label: the bounds' full labels; no node of its own; a shape of no label) stands
    /// in a value of that label, so the result, its label and node, and any error are the
    /// same.
    fn slice_literal(
        &mut self,
        e: &Expr,
        container: &Value,
        bounds: [&Option<Box<Expr>>; 3],
        frame: &mut Frame,
    ) -> Eval<Value> {
        let mut parts: [Value; 3] = [Value::none(), Value::none(), Value::none()];
        for (slot, bound) in parts.iter_mut().zip(bounds) {
            if let Some(b) = bound {
                *slot = self.expr(b, frame)?;
            }
        }
        self.pos = e.pos;
        // The slice object's shape label is the plan's: only the container counts here.
        self.note_operands(&[container]);
        let mut label = Label::PROGRAM;
        for p in &parts {
            let l = self.full_label(p);
            label = self.labels.join(label, l);
        }
        let key = Value::with(Data::None, label, NO_NODE);
        self.get_slice_of(container, &key, &parts, &e.text)
            .map_err(|u| self.failed_on(u, &[container, &key]))
    }

    /// `container[key]` for a slice `key` of bounds `parts`.
    fn get_slice_of(
        &mut self,
        container: &Value,
        key: &Value,
        parts: &[Value],
        text: &Arc<str>,
    ) -> Eval<Value> {
        let shape = self.shape_label(container);
        let key_label = self.full_label(key);
        let access = self.labels.join(shape, key_label);
        let shape_node = self.shape_node(container);
        match &container.data {
            Data::List(_) | Data::Tuple(_) => {
                let len = match &container.data {
                    Data::List(l) => l.borrow().items.len(),
                    Data::Tuple(t) => t.items.len(),
                    _ => 0,
                };
                let (a, b, c) = self.slice_bounds_of(parts, len as i64)?;
                let picked: Vec<Value> = match &container.data {
                    Data::List(l) => {
                        let list = l.borrow();
                        slice_walk(a, b, c)
                            .filter_map(|i| list.items.get(i))
                            .collect()
                    }
                    Data::Tuple(t) => slice_walk(a, b, c)
                        .filter_map(|i| t.items.get(i).cloned())
                        .collect(),
                    _ => Vec::new(),
                };
                let node = if key.node != NO_NODE {
                    key.node
                } else {
                    shape_node
                };
                Ok(if matches!(container.data, Data::List(_)) {
                    self.new_list(picked, access, node)
                } else {
                    self.new_tuple(picked, access, node)
                })
            }
            Data::Str(s) => {
                let n_chars = if s.is_ascii() {
                    s.len()
                } else {
                    crate::pystr::char_count(s)
                };
                let (a, b, c) = self.slice_bounds_of(parts, n_chars as i64)?;
                if (a, c) == (0, 1) && b as usize >= n_chars {
                    // The whole string: the same string, as CPython gives (`s[:20]` of a
                    // shorter one, `s[:]`).
                    let whole = Data::Str(s.clone());
                    return Ok(self.derive(whole, &[container, key], text));
                }
                let out: String = if s.is_ascii() {
                    if c == 1 {
                        // Bounds in 0..=len: a run of bytes (none when b <= a).
                        s.get(a as usize..b.max(a) as usize)
                            .unwrap_or_default()
                            .to_string()
                    } else {
                        let bytes = s.as_bytes();
                        slice_walk(a, b, c)
                            .filter_map(|i| bytes.get(i).map(|&b| b as char))
                            .collect()
                    }
                } else {
                    let chars: Vec<char> = s.chars().collect();
                    slice_walk(a, b, c).filter_map(|i| chars.get(i)).collect()
                };
                Ok(self.derive(Data::Str(PyStr::from(out)), &[container, key], text))
            }
            Data::Range(r) => {
                let data = Data::Range(Rc::new(self.range_slice(r, parts)?));
                Ok(self.derive(data, &[container, key], text))
            }
            other => Err(self.type_error(
                format!("'{}' object is not subscriptable", other.type_name()),
                &[container],
            )),
        }
    }

    /// `container[key] = value`: the value keeps its label; the key's label and the context
    /// join the shape.
    pub fn set_item(&mut self, container: &Value, key: &Value, value: Value) -> Eval<()> {
        let key_label = self.full_label(key);
        let ctx = if self.strict {
            self.ctx
        } else {
            super::Context::NONE
        };
        match &container.data {
            Data::List(_) if Self::is_slice(key) => {
                self.set_slice(container, key, &value)?;
            }
            Data::List(l) => {
                let len = l.borrow().items.len();
                let i = self.index(key, len, "list assignment", key_label)?;
                {
                    let mut l = l.borrow_mut();
                    l.items.set(i, value);
                    l.fixed_label = self.labels.join(l.fixed_label, key_label);
                    l.fixed_label = self.labels.join(l.fixed_label, container.label);
                }
                // Which slot holds the value is decided by the index.
                self.taint_shape(container, key_label, key.node);
                self.taint_shape(container, container.label, container.node);
            }
            Data::Dict(d) => {
                let existing = self.find_key(&d.borrow().map, key)?;
                // After the store the key is there, decided by the key, the context and the
                // reference the dict was reached through: that is the entry's presence label
                // (kept on the stored key). A new key also changes the shape.
                let present = self.labels.join(key_label, ctx.label);
                let present = self.labels.join(present, container.label);
                // An untrusted key may be equal to any key already there (this relabels the
                // keys; their places stay).
                self.raise_presence(container, key_label);
                let mut dict = d.borrow_mut();
                let len = dict.map.len();
                let inserted = match existing.and_then(|i| dict.map.get_index_mut(i)) {
                    Some(entry) => {
                        entry.0.label = present;
                        entry.1 = value;
                        false
                    }
                    None => {
                        self.check_growth(len + 1, 1)?;
                        let mut stored = key.clone();
                        stored.label = present;
                        // `find_key` found the key hashable and not there.
                        dict.map.push_new((stored, value));
                        true
                    }
                };
                drop(dict);
                if inserted {
                    self.taint_shape(container, present, key.node);
                    self.taint_shape(container, ctx.label, ctx.node);
                }
                return Ok(());
            }
            other => {
                return Err(self.type_error(
                    format!(
                        "'{}' object does not support item assignment",
                        other.type_name()
                    ),
                    &[container],
                ))
            }
        }
        self.taint_shape(container, ctx.label, ctx.node);
        Ok(())
    }

    fn is_slice(key: &Value) -> bool {
        matches!(&key.data, Data::Iterator(it) if it.borrow().kind == "slice")
    }

    /// `xs[a:b] = items` (any length) and `xs[a:b:c] = items` (the same length as the slice).
    /// The items keep their labels; every item from the slice's start on may have moved, and
    /// the list's length now also depends on how many items came.
    fn set_slice(&mut self, container: &Value, key: &Value, value: &Value) -> Eval<()> {
        let Data::List(l) = &container.data else {
            return Ok(());
        };
        // The bounds are read first, then the items, as CPython does; only a value that
        // cannot be iterated at all is "can only assign an iterable".
        let len = l.borrow().items.len();
        let (start, stop, step) = self.slice_bounds(key, len as i64)?;
        if !value.data.is_iterable() {
            let message = if step == 1 {
                "can only assign an iterable"
            } else {
                "must assign iterable to extended slice"
            };
            return Err(self.type_error(message.into(), &[value]));
        }
        let items = self.collect_items(value)?;
        // Pulling the items (a generator) may have changed the list: bounds within it.
        let len = l.borrow().items.len();
        let start = start.clamp(0, len as i64);
        let stop = stop.clamp(-1, len as i64);
        let first = if step == 1 {
            let start = start as usize;
            let stop = (stop.max(start as i64) as usize).max(start);
            let new_len = len - (stop - start) + items.len();
            self.check_growth(new_len, items.len().saturating_sub(stop - start))?;
            l.borrow_mut().items.splice(start..stop, items);
            start
        } else {
            let idx = Self::slice_indices(start, stop, step);
            if idx.len() != items.len() {
                return err(
                    ExcKind::ValueError,
                    format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        items.len(),
                        idx.len()
                    ),
                );
            }
            let first = idx.iter().copied().min().unwrap_or(0);
            let mut list = l.borrow_mut();
            for (i, item) in idx.into_iter().zip(items) {
                list.items.set(i, item);
            }
            first
        };
        let (key_label, count_label) = (self.full_label(key), self.shape_label(value));
        let moved = self.labels.join(key_label, count_label);
        self.moved_items(container, first, moved);
        self.taint_shape(container, moved, key.node);
        self.taint_shape(container, container.label, container.node);
        Ok(())
    }

    pub fn del_item(&mut self, container: &Value, key: &Value) -> Eval<()> {
        let key_label = self.full_label(key);
        match &container.data {
            Data::List(l) => {
                if Self::is_slice(key) {
                    let len = l.borrow().items.len() as i64;
                    let (a, b, c) = self.slice_bounds(key, len)?;
                    let mut idx = Self::slice_indices(a, b, c);
                    idx.sort_unstable();
                    let mut l = l.borrow_mut();
                    l.fixed = l.fixed.min(idx.first().copied().unwrap_or(0));
                    for i in idx.into_iter().rev() {
                        l.items.remove(i);
                    }
                } else {
                    let len = l.borrow().items.len();
                    let i = self.index(key, len, "list assignment", key_label)?;
                    let mut l = l.borrow_mut();
                    l.items.remove(i);
                    l.fixed = l.fixed.min(i);
                    l.fixed_label = self.labels.join(l.fixed_label, key_label);
                }
            }
            Data::Dict(d) => {
                let hk = self.hash_key(key)?;
                if d.borrow_mut().map.shift_remove(&hk).is_none() {
                    return Err(crate::error::key_error(key, key_label));
                }
                // Which entries are left depends on the key.
                self.raise_presence(container, key_label);
            }
            other => {
                return Err(self.type_error(
                    format!(
                        "'{}' object does not support item deletion",
                        other.type_name()
                    ),
                    &[container],
                ))
            }
        }
        let ctx = if self.strict {
            self.ctx
        } else {
            super::Context::NONE
        };
        if let Data::List(l) = &container.data {
            let len = l.borrow().fixed;
            self.moved_items(container, len, key_label);
        }
        self.taint_shape(container, key_label, key.node);
        self.taint_shape(container, ctx.label, ctx.node);
        // The reference decided which container changed.
        self.taint_shape(container, container.label, container.node);
        Ok(())
    }

    // ---- attributes ----

    /// What `__name__` reads: the name of a class or a function.
    fn name_of(&self, data: &Data) -> Option<String> {
        Some(match data {
            Data::Type(t) => t.name().to_string(),
            Data::ExcClass(c) => c.name.to_string(),
            Data::Model(m) => m.class.name.to_string(),
            Data::Function(f) => f.code.name.to_string(),
            Data::Builtin(b) => b.name().to_string(),
            Data::Method(m) => m.name.to_string(),
            Data::Tool(name) => name.to_string(),
            _ => return None,
        })
    }

    pub fn get_attr(&mut self, v: &Value, name: &Rc<str>, text: &Arc<str>) -> Eval<Value> {
        match &v.data {
            Data::Instance(inst) => {
                // A model's fields are fixed by its class: reading one depends on the field
                // and the reference, not on the other fields.
                let found = inst.borrow().fields.get(name).cloned();
                match found {
                    Some(field) => Ok(self.element(field, v.label, &[v.node], text)),
                    // `c.model_dump` read without a call, as `c.model_dump()` calls it.
                    None if crate::methods::has_method(&v.data, name) => {
                        Ok(Value::program(Data::Method(Rc::new(BoundMethod {
                            receiver: v.clone(),
                            name: name.clone(),
                        }))))
                    }
                    None => Err(exception(
                        ExcKind::AttributeError,
                        format!("'{}' object has no attribute '{name}'", v.data.type_name()),
                        v.label,
                    )),
                }
            }
            _ if &**name == "__class__" => {
                let ty = Value::program(Data::Type(TypeKind::Type));
                self.call_value(&ty, vec![v.clone()], Vec::new(), text)
            }
            _ if &**name == "__name__" => match self.name_of(&v.data) {
                Some(n) => Ok(Value::with(Data::str(&n), v.label, v.node)),
                None => Err(exception(
                    ExcKind::AttributeError,
                    format!(
                        "'{}' object has no attribute '__name__'",
                        v.data.type_name()
                    ),
                    v.label,
                )),
            },
            Data::Exception(e) if &**name == "args" => {
                let items = e.args.clone();
                Ok(self.new_tuple(items, v.label, v.node))
            }
            Data::Type(t) if crate::methods::type_has_method(*t, name) => {
                Ok(Value::program(Data::Method(Rc::new(BoundMethod {
                    receiver: v.clone(),
                    name: name.clone(),
                }))))
            }
            _ => {
                if crate::methods::has_method(&v.data, name) {
                    return Ok(Value::with(
                        Data::Method(Rc::new(BoundMethod {
                            receiver: v.clone(),
                            name: name.clone(),
                        })),
                        Label::PROGRAM,
                        NO_NODE,
                    ));
                }
                let message = match &v.data {
                    Data::Type(t) => {
                        format!("type object '{}' has no attribute '{name}'", t.name())
                    }
                    other => format!("'{}' object has no attribute '{name}'", other.type_name()),
                };
                Err(exception(ExcKind::AttributeError, message, Label::PROGRAM))
            }
        }
    }

    /// `obj.attr = value` on a data-model instance; the context joins the shape.
    pub fn set_attr(&mut self, target: &Value, name: &Rc<str>, value: Value) -> Eval<()> {
        let Data::Instance(inst) = &target.data else {
            return Err(exception(
                ExcKind::AttributeError,
                format!(
                    "'{}' object attribute '{name}' is read-only",
                    target.data.type_name()
                ),
                Label::PROGRAM,
            ));
        };
        let value = {
            let ty = inst
                .borrow()
                .class
                .class
                .fields
                .iter()
                .find(|f| &f.name == name)
                .map(|f| f.ty.clone());
            match ty {
                Some(ty) => self.validate_field(&ty, value, name)?,
                None => {
                    return Err(exception(
                        ExcKind::ValueError,
                        format!(
                            "\"{}\" object has no field \"{name}\"",
                            target.data.type_name()
                        ),
                        Label::PROGRAM,
                    ))
                }
            }
        };
        // The value already carries the context (`assign`); the reference decided which
        // instance changed.
        let mut value = value;
        value.label = self.labels.join(value.label, target.label);
        inst.borrow_mut().fields.insert(name.clone(), value);
        Ok(())
    }
}

/// Whether CPython folds `e` to a constant at compile time (a literal, or a unary or binary
/// operator or a tuple of them).
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(_) => true,
        ExprKind::Unary { operand, .. } => is_constant(operand),
        ExprKind::BinOp { left, right, .. } => is_constant(left) && is_constant(right),
        ExprKind::Tuple(elts) => elts.iter().all(|e| !e.starred && is_constant(&e.expr)),
        _ => false,
    }
}

/// An int index of any size (`None` for anything else).
fn big_index(v: &Value) -> Option<BigInt> {
    match &v.data {
        Data::Int(i) => Some(BigInt::from(*i)),
        Data::Bool(b) => Some(BigInt::from(*b as i64)),
        Data::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// The indices `slice_indices` lists, one by one: from `start` by `step` while before `stop`
/// (bounds as `slice_bounds` gives them, `step` not 0).
fn slice_walk(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let count = if step > 0 && stop > start {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    (0..count).map(move |k| (start + k * step) as usize)
}
