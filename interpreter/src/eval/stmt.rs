//! Statements.

use super::{Context, Frame, Machine};
use crate::error::{attach, err, exception, Eval, PyErr, Unwind};
use crate::ops;
use crate::syntax::ir::*;
use crate::value::*;
use bactrian_provenance::Label;

use std::rc::Rc;

impl Machine<'_> {
    pub fn block(&mut self, stmts: &[Stmt], frame: &mut Frame) -> Eval<()> {
        for stmt in stmts {
            self.stmt(stmt, frame)?;
        }
        Ok(())
    }

    fn stmt(&mut self, stmt: &Stmt, frame: &mut Frame) -> Eval<()> {
        self.tick()?;
        self.pos = stmt.pos;
        if self.tracing {
            self.trace.push(stmt.pos.line);
        }
        // An exception raised here also tells that this statement ran: it carries the
        // context the statement ran under.
        let ctx = self.ctx.label;
        match self.exec(stmt, frame) {
            Err(u @ Unwind::Exc(_)) => {
                let u = attach(u, stmt.pos, &frame.function);
                Err(self.raised_under(u, ctx))
            }
            // `return`, `break`, `continue` and fatal stops pass through as they are.
            other => other,
        }
    }

    fn exec(&mut self, stmt: &Stmt, frame: &mut Frame) -> Eval<()> {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.expr(e, frame)?;
            }
            StmtKind::Assign { targets, value } => {
                let v = self.expr(value, frame)?;
                match targets.as_slice() {
                    // `x = v`: the value itself, not a copy of it, stored in place.
                    [Target::Var(name)] => self.store(name.var, v, frame),
                    [target] => self.assign(target, v, frame)?,
                    _ => {
                        for t in targets {
                            self.assign(t, v.clone(), frame)?;
                        }
                    }
                }
            }
            StmtKind::AugAssign { target, op, value } => {
                self.aug_assign(target, *op, value, frame)?
            }
            StmtKind::If {
                test,
                body,
                orelse,
                effects,
            } => {
                let cond = self.test(test, frame)?;
                let (truth, saved) = match cond.data {
                    // A plain bool (a comparison of literals' values) changes no context.
                    Data::Bool(b) if cond.label == Label::PROGRAM && cond.node == NO_NODE => {
                        (b, self.ctx)
                    }
                    _ => {
                        let truth = self.truthy(&cond)?;
                        let label = self.full_label(&cond);
                        (truth, self.enter(label, cond.node, &test.text))
                    }
                };
                let result = if truth {
                    self.block(body, frame)
                } else {
                    self.block(orelse, frame)
                };
                self.leave(saved, effects, frame);
                result?;
            }
            StmtKind::While {
                test,
                body,
                orelse,
                effects,
            } => self.while_loop(test, body, orelse, effects, frame)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                effects,
            } => self.for_loop(target, iter, body, orelse, effects, frame)?,
            StmtKind::Break => return Err(Unwind::Break),
            StmtKind::Continue => return Err(Unwind::Continue),
            StmtKind::Pass => {}
            StmtKind::Return(value) => {
                let v = match value {
                    Some(e) => self.operand(e, frame)?,
                    None => Value::none(),
                };
                self.returned = self.under_context(v);
                return Err(Unwind::Return);
            }
            StmtKind::Raise { exc, cause } => {
                return Err(self.raise(exc.as_ref(), cause.as_ref(), frame))
            }
            StmtKind::ExceptionClass { target, name, base } => {
                let base_value = self.expr(base, frame)?;
                let parent = match &base_value.data {
                    Data::Type(TypeKind::Exception(k)) => ExcParent::Builtin(*k),
                    Data::ExcClass(c) => ExcParent::Class(c.clone()),
                    _ => {
                        return Err(self.type_error(
                            format!(
                                "class {name} may only derive from an exception class, not {}",
                                base_value.data.type_name()
                            ),
                            &[&base_value],
                        ))
                    }
                };
                let class = Rc::new(ExcClass {
                    name: name.clone(),
                    parent,
                });
                let value = Value::with(Data::ExcClass(class), base_value.label, base_value.node);
                self.store(*target, value, frame);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                effects,
            } => self.try_stmt(body, handlers, orelse, finalbody, effects, frame)?,
            StmtKind::Def {
                target,
                code,
                defaults,
            } => {
                let f = self.make_function(code, defaults, frame)?;
                self.store(*target, f, frame);
            }
            StmtKind::Class {
                target,
                class,
                defaults,
            } => {
                let mut values = Vec::with_capacity(defaults.len());
                for d in defaults {
                    values.push(match d {
                        Some(e) => Some(self.expr(e, frame)?),
                        None => None,
                    });
                }
                let model = Value::program(Data::Model(Rc::new(ModelType {
                    class: class.clone(),
                    defaults: values,
                })));
                self.store(*target, model, frame);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    if let Target::Subscript { obj, index } = t {
                        let container = self.expr(obj, frame)?;
                        let key = self.expr(index, frame)?;
                        self.note_operands(&[&container, &key]);
                        self.chosen_receiver(obj, &container, frame);
                        self.del_item(&container, &key)
                            .map_err(|u| self.failed_on(u, &[&container, &key]))?;
                    }
                }
            }
            StmtKind::Assert { test, msg } => {
                let cond = self.expr(test, frame)?;
                if !self.truthy(&cond)? {
                    let label = self.full_label(&cond);
                    let (text, label) = match msg {
                        Some(m) => {
                            let m = self.expr(m, frame)?;
                            let l = self.full_label(&m);
                            let l = self.join(l, label);
                            (self.str_of(&m)?, l)
                        }
                        None => (String::new(), label),
                    };
                    return Err(exception(ExcKind::AssertionError, text, label));
                }
            }
        }
        Ok(())
    }

    /// Leaves a branch: restores the context and, in strict mode, gives everything the
    /// statement could have assigned or mutated the label of the condition, whether or not
    /// it ran. If the branch could leave early, the rest of the function stays under the
    /// condition.
    fn leave(&mut self, saved: Context, effects: &Effects, frame: &mut Frame) {
        self.leave_with(saved, effects, effects.exits_early, frame)
    }

    /// Like `leave`, for loops: a `break` or `continue` only decides the loop itself, so the
    /// context stays tainted afterwards only if the body may leave the function.
    fn leave_loop(&mut self, saved: Context, effects: &Effects, frame: &mut Frame) {
        self.leave_with(saved, effects, effects.escapes, frame)
    }

    fn leave_with(&mut self, saved: Context, effects: &Effects, sticky: bool, frame: &mut Frame) {
        let inner = self.ctx;
        if inner == saved {
            return;
        }
        self.apply_effects(effects, inner, frame);
        if !sticky {
            self.restore(saved);
        }
    }

    fn while_loop(
        &mut self,
        test: &Expr,
        body: &Block,
        orelse: &Block,
        effects: &Effects,
        frame: &mut Frame,
    ) -> Eval<()> {
        let saved = self.ctx;
        let result = (|| -> Eval<bool> {
            loop {
                self.tick()?;
                let cond = self.test(test, frame)?;
                let truth = self.truthy(&cond)?;
                if self.strict {
                    let label = self.full_label(&cond);
                    // Every test decides whether the loop goes on: keep them all.
                    self.enter(label, cond.node, &test.text);
                }
                if !truth {
                    return Ok(false);
                }
                match self.block(body, frame) {
                    Ok(()) | Err(Unwind::Continue) => {}
                    Err(Unwind::Break) => return Ok(true),
                    Err(e) => return Err(e),
                }
            }
        })();
        let broke = match result {
            Ok(b) => b,
            Err(e) => {
                self.leave_loop(saved, effects, frame);
                return Err(e);
            }
        };
        let r = if broke {
            Ok(())
        } else {
            self.block(orelse, frame)
        };
        self.leave_loop(saved, effects, frame);
        r
    }

    fn for_loop(
        &mut self,
        target: &Target,
        iter: &Expr,
        body: &Block,
        orelse: &Block,
        effects: &Effects,
        frame: &mut Frame,
    ) -> Eval<()> {
        let iterable = self.expr(iter, frame)?;
        let shape = self.shape_label(&iterable);
        let shape_node = self.shape_node(&iterable);
        let saved = self.enter(shape, shape_node, &iter.text);
        let result = self.iterate_inline(&iterable, &mut |m, item| {
            m.tick()?;
            match target {
                // `for x in ...`: what `assign` does for a name, without the call.
                Target::Var(name) => m.store(name.var, item, frame),
                target => m.assign(target, item, frame)?,
            }
            match m.block(body, frame) {
                Ok(()) | Err(Unwind::Continue) => Ok(true),
                Err(Unwind::Break) => Ok(false),
                Err(e) => Err(e),
            }
        });
        let r = match result {
            Ok(true) => self.block(orelse, frame),
            Ok(false) => Ok(()),
            Err(e) => Err(e),
        };
        self.leave_loop(saved, effects, frame);
        r
    }

    fn try_stmt(
        &mut self,
        body: &Block,
        handlers: &[Handler],
        orelse: &Block,
        finalbody: &Block,
        effects: &Effects,
        frame: &mut Frame,
    ) -> Eval<()> {
        let saved = self.ctx;
        // In strict mode every `try` is tracked, `finally`-only ones too (a `finally` that
        // breaks, continues or returns swallows the exception).
        let tracked = self.strict;
        if tracked {
            self.try_labels.push(Label::PROGRAM);
        }
        let mut outcome = match self.block(body, frame) {
            Ok(()) => self.block(orelse, frame),
            Err(Unwind::Exc(e)) => self.handle(*e, handlers, effects, frame),
            Err(other) => Err(other),
        };
        let decided = if tracked {
            let acc = self.try_labels.pop().unwrap_or(Label::PROGRAM);
            let rest = std::mem::take(&mut self.try_labels);
            self.try_pc = self.labels.join_all(rest.iter().copied());
            self.try_labels = rest;
            // An enclosing `try` depends on everything this one did.
            self.note_in_try(acc);
            acc
        } else {
            Label::PROGRAM
        };
        let inner = self.ctx;
        if inner != saved || decided != Label::PROGRAM {
            // Whether the body ran to its end or a handler ran instead was decided by what
            // the body computed: everything either could change carries it.
            let label = self.join(inner.label, decided);
            self.apply_effects(
                effects,
                Context {
                    label,
                    node: inner.node,
                },
                frame,
            );
        }
        // The code after the statement (and `finally`, which runs on every way out) runs
        // either way, unless the body or a handler can leave by `return`, `break` or
        // `continue`.
        if !effects.leaves_without_raising {
            self.restore(saved);
        }
        if !finalbody.is_empty() && !matches!(outcome, Err(Unwind::Fatal(_))) {
            // `finally` runs on every way out but a fatal stop (a limit, a policy denial: the
            // run is over), then the original outcome continues unless the finally block
            // itself left.
            // A `return` waiting to leave keeps its value through the block's own calls.
            let returning = matches!(outcome, Err(Unwind::Return))
                .then(|| std::mem::replace(&mut self.returned, Value::none()));
            match self.block(finalbody, frame) {
                Ok(()) => {
                    if let Some(v) = returning {
                        self.returned = v;
                    }
                }
                // The block's own exit replaces the `return` (and its own `return` has put
                // its value in place).
                Err(e) => outcome = Err(e),
            }
        }
        outcome
    }

    fn handle(
        &mut self,
        e: PyErr,
        handlers: &[Handler],
        effects: &Effects,
        frame: &mut Frame,
    ) -> Eval<()> {
        for h in handlers {
            let matches = match &h.types {
                None => true,
                Some(t) => {
                    let types = self.expr(t, frame)?;
                    self.exception_matches(&e.exc.clone(), &types)?
                }
            };
            if !matches {
                continue;
            }
            // The handler runs because the exception happened: in strict mode its body is
            // decided by whatever the exception depended on.
            let _ = effects;
            self.enter(e.label, NO_NODE, &std::sync::Arc::from("except"));
            if let Some(name) = &h.name {
                let value = Value {
                    data: Data::Exception(e.exc.clone()),
                    label: e.label,
                    node: NO_NODE,
                };
                self.store(name.var, value, frame);
            }
            self.handling.push(e.clone());
            let result = self.block(&h.body, frame);
            self.handling.pop();
            // `except E as err` unbinds `err` when the handler ends, however it ends.
            if let Some(name) = &h.name {
                self.unbind(name.var, frame);
            }
            return match result {
                // A bare `raise` inside the handler re-raises the one being handled.
                Err(Unwind::Exc(mut inner))
                    if inner.traceback.is_empty() && Rc::ptr_eq(&inner.exc, &e.exc) =>
                {
                    inner.traceback = e.traceback.clone();
                    Err(Unwind::Exc(inner))
                }
                other => other,
            };
        }
        Err(Unwind::Exc(Box::new(e)))
    }

    fn exception_matches(&mut self, exc: &ExcObj, types: &Value) -> Eval<bool> {
        match &types.data {
            Data::Type(TypeKind::Exception(k)) => Ok(exc.kind.is_subclass_of(*k)),
            Data::ExcClass(c) => Ok(exc.is_instance_of(c)),
            Data::Tuple(t) => {
                for item in t.items.clone() {
                    if self.exception_matches(exc, &item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => err(
                ExcKind::TypeError,
                "catching classes that do not inherit from BaseException is not allowed",
            ),
        }
    }

    fn raise(&mut self, exc: Option<&Expr>, cause: Option<&Expr>, frame: &mut Frame) -> Unwind {
        let Some(e) = exc else {
            return match self.handling.last() {
                Some(current) => Unwind::Exc(Box::new(current.clone())),
                None => exception(
                    ExcKind::RuntimeError,
                    "No active exception to reraise",
                    Label::PROGRAM,
                ),
            };
        };
        let value = match self.expr(e, frame) {
            Ok(v) => v,
            Err(u) => return u,
        };
        // The cause is only chained for the traceback, which a plan cannot read; it must
        // still be an exception (or None), as CPython checks.
        if let Some(cause) = cause {
            match self.expr(cause, frame) {
                Ok(Value {
                    data:
                        Data::None
                        | Data::Exception(_)
                        | Data::ExcClass(_)
                        | Data::Type(TypeKind::Exception(_)),
                    ..
                }) => {}
                Ok(other) => {
                    return self.type_error(
                        "exception causes must derive from BaseException".to_string(),
                        &[&other],
                    )
                }
                Err(u) => return u,
            }
        }
        let value = self.under_context(value);
        let label = self.full_label(&value);
        match &value.data {
            Data::Exception(obj) => Unwind::Exc(Box::new(PyErr {
                exc: obj.clone(),
                label,
                traceback: Vec::new(),
            })),
            Data::Type(TypeKind::Exception(kind)) => Unwind::Exc(Box::new(PyErr {
                exc: Rc::new(ExcObj::new(*kind, Vec::new())),
                label,
                traceback: Vec::new(),
            })),
            Data::ExcClass(class) => Unwind::Exc(Box::new(PyErr {
                exc: Rc::new(ExcObj {
                    kind: class.builtin_kind(),
                    class: Some(class.clone()),
                    args: Vec::new(),
                }),
                label,
                traceback: Vec::new(),
            })),
            _ => exception(
                ExcKind::TypeError,
                "exceptions must derive from BaseException",
                Label::PROGRAM,
            ),
        }
    }

    /// Binds a value to an assignment target.
    pub fn assign(&mut self, target: &Target, value: Value, frame: &mut Frame) -> Eval<()> {
        match target {
            Target::Var(name) => {
                self.store(name.var, value, frame);
                Ok(())
            }
            Target::Subscript { obj, index } => {
                let container = self.operand(obj, frame)?;
                let key = self.operand(index, frame)?;
                self.note_operands(&[&container, &key]);
                self.chosen_receiver(obj, &container, frame);
                let value = self.under_context(value);
                self.set_item(&container, &key, value)
                    .map_err(|u| self.failed_on(u, &[&container, &key]))
            }
            Target::Attr { obj, attr } => {
                let target = self.expr(obj, frame)?;
                self.note_operands(&[&target]);
                self.chosen_receiver(obj, &target, frame);
                let value = self.under_context(value);
                self.set_attr(&target, attr, value)
                    .map_err(|u| self.failed_on(u, &[&target]))
            }
            Target::Unpack { items, star, .. } => {
                self.note_operands(&[&value]);
                let parts = self
                    .unpack(&value, items.len(), *star)
                    .map_err(|u| self.failed_on(u, &[&value]))?;
                for (t, v) in items.iter().zip(parts) {
                    self.assign(t, v, frame)?;
                }
                Ok(())
            }
        }
    }

    /// Splits a value for `a, b = v` or `a, *b = v`; each part carries v's shape label.
    fn unpack(&mut self, value: &Value, n: usize, star: Option<usize>) -> Eval<Vec<Value>> {
        if !value.data.is_iterable() {
            return Err(self.type_error(
                format!(
                    "cannot unpack non-iterable {} object",
                    value.data.type_name()
                ),
                &[value],
            ));
        }
        let items = self.collect_items(value)?;
        let shape = self.shape_label(value);
        let shape_node = self.shape_node(value);
        let parts: Vec<Value> = match star {
            None => {
                if items.len() != n {
                    let msg = if items.len() > n {
                        format!("too many values to unpack (expected {n})")
                    } else {
                        format!(
                            "not enough values to unpack (expected {n}, got {})",
                            items.len()
                        )
                    };
                    return Err(exception(ExcKind::ValueError, msg, shape));
                }
                items
            }
            Some(s) => {
                if items.len() < n - 1 {
                    return Err(exception(
                        ExcKind::ValueError,
                        format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            n - 1,
                            items.len()
                        ),
                        shape,
                    ));
                }
                let after = n - 1 - s;
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(s);
                let list = self.new_list(middle, Label::PROGRAM, NO_NODE);
                items.push(list);
                items.extend(tail);
                items
            }
        };
        Ok(parts
            .into_iter()
            .map(|mut v| {
                v.label = self.join(v.label, shape);
                if shape_node != NO_NODE && v.node == NO_NODE {
                    v.node = shape_node;
                }
                v
            })
            .collect())
    }

    fn aug_assign(
        &mut self,
        target: &Target,
        op: BinOp,
        value: &Expr,
        frame: &mut Frame,
    ) -> Eval<()> {
        match target {
            Target::Var(name) => {
                let current = self.load(name.var, &name.name, frame)?;
                let rhs = self.operand(value, frame)?;
                let result = match ops::plain_binary(op, &current, &rhs, self.limits.max_int_bits) {
                    Some(v) => v,
                    None => self.inplace(op, current, &rhs, &value.text)?,
                };
                self.store(name.var, result, frame);
                Ok(())
            }
            Target::Subscript { obj, index } => {
                let container = self.operand(obj, frame)?;
                let key = self.operand(index, frame)?;
                self.chosen_receiver(obj, &container, frame);
                let current = self.get_item(&container, &key, &value.text)?;
                let rhs = self.operand(value, frame)?;
                let result = self.inplace(op, current, &rhs, &value.text)?;
                let result = self.under_context(result);
                self.set_item(&container, &key, result)
            }
            Target::Attr { obj, attr } => {
                let target = self.expr(obj, frame)?;
                self.chosen_receiver(obj, &target, frame);
                let current = self.get_attr(&target, attr, &value.text)?;
                let rhs = self.expr(value, frame)?;
                let result = self.inplace(op, current, &rhs, &value.text)?;
                let result = self.under_context(result);
                self.set_attr(&target, attr, result)
            }
            Target::Unpack { pos, .. } => {
                let _ = pos;
                err(
                    ExcKind::TypeError,
                    "illegal expression for augmented assignment",
                )
            }
        }
    }

    /// `x op= y`: lists extend in place (as in Python); everything else rebinds.
    fn inplace(
        &mut self,
        op: BinOp,
        current: Value,
        rhs: &Value,
        text: &std::sync::Arc<str>,
    ) -> Eval<Value> {
        if let (BinOp::Add, Data::List(list)) = (op, &current.data) {
            let items = self.collect_items(rhs)?;
            let new_len = list.borrow().items.len() + items.len();
            self.check_growth(new_len, items.len())?;
            let rhs_shape = self.shape_label(rhs);
            let rhs_node = self.shape_node(rhs);
            list.borrow_mut().items.extend(items);
            self.taint_shape(&current, rhs_shape, rhs_node);
            // As `extend`: the context, and the reference that chose this list.
            self.mutated(&current);
            return Ok(current);
        }
        if let Some(method) = self.inplace_method(op, &current, rhs)? {
            self.call_method(
                &current,
                &Rc::from(method),
                std::slice::from_ref(rhs),
                Vec::new(),
                text,
            )?;
            return Ok(current);
        }
        if let (BinOp::Mul, Data::List(list)) = (op, &current.data) {
            // `xs *= n` repeats the list in place: every alias sees it.
            let repeated = ops::binary(self, op, &current, rhs, text)?;
            if let Data::List(new) = &repeated.data {
                let items = std::mem::take(&mut new.borrow_mut().items);
                list.borrow_mut().items = items;
            }
            let ctx = self.ctx;
            self.taint_shape(&current, rhs.label, rhs.node);
            if self.strict {
                self.taint_shape(&current, ctx.label, ctx.node);
            }
            return Ok(current);
        }
        ops::binary(self, op, &current, rhs, text).map_err(|e| inplace_operator_named(e, op))
    }

    /// The method `d |= x` and `s op= t` run on their left operand: they change it in place
    /// (CPython's `dict.__ior__` and `set.__ior__`...), so every alias sees the change. A set
    /// only takes another set; a frozenset is immutable and rebinds instead.
    fn inplace_method(
        &mut self,
        op: BinOp,
        current: &Value,
        rhs: &Value,
    ) -> Eval<Option<&'static str>> {
        match (&current.data, op) {
            (Data::Dict(_), BinOp::BitOr) => Ok(Some("update")),
            (Data::Set(set), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor)
                if !set.borrow().frozen =>
            {
                if !matches!(rhs.data, Data::Set(_)) {
                    return Err(self.type_error(
                        format!(
                            "unsupported operand type(s) for {}=: 'set' and '{}'",
                            op.symbol(),
                            rhs.data.type_name()
                        ),
                        &[],
                    ));
                }
                Ok(Some(match op {
                    BinOp::BitOr => "update",
                    BinOp::BitAnd => "intersection_update",
                    BinOp::Sub => "difference_update",
                    _ => "symmetric_difference_update",
                }))
            }
            _ => Ok(None),
        }
    }

    pub(crate) fn dict_from_pairs(&mut self, mut pairs: Vec<(Value, Value)>) -> Eval<Value> {
        if pairs.len() > 64 {
            self.check_memory(pairs.len() as u64 * DICT_ENTRY_BYTES)?;
        }
        let mut shape = Label::PROGRAM;
        // An entry stays as written unless a later key equals it: its presence also depends
        // on every later key. With only plan-labelled keys (a record literal) every such
        // join is the program label: no table of them is needed.
        let later = if pairs.iter().all(|(k, _)| k.label == Label::PROGRAM) {
            Vec::new()
        } else {
            // `later[i]`: the join of the labels of keys `i..` (built from the end).
            let mut later = vec![Label::PROGRAM];
            let mut acc = Label::PROGRAM;
            for (k, _) in pairs.iter().rev() {
                acc = self.join(acc, k.label);
                later.push(acc);
            }
            later.reverse();
            later
        };
        // Each key, in order: hashable (the first that is not raises), and labelled with its
        // presence. An equal key already there stays (as in Python); only its value and its
        // label change (`DictMap::from_pairs`).
        for (i, (k, _)) in pairs.iter_mut().enumerate() {
            // A number, a string, a bool or None always hashes: only other keys are tried.
            if !matches!(
                k.data,
                Data::Int(_) | Data::Str(_) | Data::Float(_) | Data::Bool(_) | Data::None
            ) {
                self.hash_key(k)?;
            }
            shape = self.join(shape, k.label);
            let after = later.get(i + 1).copied().unwrap_or(Label::PROGRAM);
            k.label = self.join(k.label, after);
        }
        let map = crate::dictmap::DictMap::from_pairs(pairs);
        self.check_len(map.len())?;
        Ok(Value::program(Data::Dict(crate::cycles::Tracked::track(
            DictObj {
                map,
                shape,
                shape_node: NO_NODE,
            },
        ))))
    }
}

/// `x op= y` failing for its operand types names the augmented operator, as CPython does
/// (`unsupported operand type(s) for +=: 'int' and 'str'`).
fn inplace_operator_named(mut unwind: crate::error::Unwind, op: BinOp) -> crate::error::Unwind {
    if let crate::error::Unwind::Exc(err) = &mut unwind {
        let plain = format!("unsupported operand type(s) for {}:", op.symbol());
        let augmented = if op == BinOp::Pow { "**" } else { op.symbol() };
        if let Some(exc) = std::rc::Rc::get_mut(&mut err.exc) {
            if let Some(Data::Str(msg)) = exc.args.first().map(|a| &a.data) {
                if let Some(rest) = msg.strip_prefix(plain.as_str()) {
                    let named = format!("unsupported operand type(s) for {augmented}=:{rest}");
                    if let Some(first) = exc.args.first_mut() {
                        first.data = Data::str(&named);
                    }
                }
            }
        }
    }
    unwind
}
