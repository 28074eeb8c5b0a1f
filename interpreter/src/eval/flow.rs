//! Strict mode's control-flow labels at run time (docs/labels.md): the context a branch runs
//! under, what a `try` body computed so far, and relabeling what the code not taken could have
//! changed.

use super::{Context, Frame, Machine};
use crate::error::Unwind;
use crate::syntax::ir::{DictItem, Effects, Expr, ExprKind, FPart, Var};
use crate::value::*;
use bactrian_provenance::{Label, NodeId};
use std::collections::HashSet;

impl Machine<'_> {
    /// Restores the context saved before a branch. Whatever the `try` bodies around this
    /// point have computed stays in it: any of it could have raised, so the code after it
    /// runs only because it did not.
    #[inline]
    pub fn restore(&mut self, saved: Context) {
        self.ctx = saved;
        if self.try_pc != Label::PROGRAM {
            self.ctx.label = self.labels.join(self.ctx.label, self.try_pc);
        }
    }

    /// Items of a list from `from` on moved (an insertion, a removal, a sort): the fixed
    /// prefix ends there, and what it keeps now also depends on `label`, the context and
    /// the reference.
    pub fn moved_items(&mut self, list: &Value, from: usize, label: Label) {
        if let Data::List(l) = &list.data {
            let ctx = if self.strict {
                self.ctx.label
            } else {
                Label::PROGRAM
            };
            let mut l = l.borrow_mut();
            l.fixed = l.fixed.min(from);
            let mut fl = self.labels.join(l.fixed_label, label);
            fl = self.labels.join(fl, ctx);
            l.fixed_label = self.labels.join(fl, list.label);
        }
    }

    /// An iterator advances: a change of it, decided by the context and the reference.
    pub fn advanced(&mut self, it: &std::cell::RefCell<IterObj>, reference: Label) {
        let ctx = if self.strict {
            self.ctx.label
        } else {
            Label::PROGRAM
        };
        let moved = self.labels.join(ctx, reference);
        if moved != Label::PROGRAM {
            let mut it = it.borrow_mut();
            it.shape = self.labels.join(it.shape, moved);
        }
    }

    /// A container is about to change through `receiver`, the value of `expr`. When labeled
    /// data chose which object that is (`[a, b][i].append(x)`, `(a if c else b)[k] = v`),
    /// every object the expression could have chosen gets the label too, as a branch not
    /// taken would: the one left untouched must not tell which was chosen. A receiver read
    /// from a variable is relabeled itself (see docs/labels.md on what that leaves).
    pub fn chosen_receiver(&mut self, expr: &Expr, receiver: &Value, frame: &Frame) {
        if !self.strict || receiver.label == Label::PROGRAM {
            return;
        }
        if matches!(expr.kind, ExprKind::Name(_)) {
            return;
        }
        let mut vars = Vec::new();
        names_in_expr(expr, &mut vars);
        let ctx = Context {
            label: receiver.label,
            node: receiver.node,
        };
        let mut seen = HashSet::new();
        for var in vars {
            if let Some(v) = self.peek(var, frame) {
                self.taint_reachable(&v, ctx, &mut seen, false);
            }
        }
    }

    /// Joins `label` into the presence of every entry of a dict: a store whose key depends
    /// on it may have replaced any of them.
    pub fn raise_presence(&mut self, dict: &Value, label: Label) {
        if label == Label::PROGRAM {
            return;
        }
        if let Data::Dict(d) = &dict.data {
            for (k, _) in d.borrow_mut().map.values_mut() {
                k.label = self.labels.join(k.label, label);
            }
        }
    }

    /// Leaves a conditionally evaluated expression (the arms of `x if c else y`, the operands
    /// of `and`/`or` after the first, a comprehension's element and filters): what it could
    /// have changed carries the context it ran under, then the context is restored.
    pub fn leave_expr(&mut self, saved: Context, effects: Option<&Effects>, frame: &mut Frame) {
        self.leave_expr_decided(saved, effects, Label::PROGRAM, frame);
    }

    /// `leave_expr` for an expression whose skipped parts were skipped because of a value
    /// labeled `decided` (the operand that stopped an `and`/`or`): what they would have
    /// changed carries it even when the context already did (after a branch that left
    /// early), so an unchanged context is no reason to skip them.
    pub fn leave_expr_decided(
        &mut self,
        saved: Context,
        effects: Option<&Effects>,
        decided: Label,
        frame: &mut Frame,
    ) {
        if self.strict && decided != Label::PROGRAM {
            self.ctx.label = self.labels.join(self.ctx.label, decided);
        }
        if self.ctx != saved || (self.strict && decided != Label::PROGRAM) {
            if let Some(effects) = effects {
                let ctx = self.ctx;
                self.apply_effects(effects, ctx, frame);
            }
        }
        self.restore(saved);
    }

    /// The items of a comprehension looked at so far decide whether the next is (`any`,
    /// `all`): their labels stay in the context after each item.
    pub fn carry_into_context(&mut self) {
        if self.comp_carry != Label::PROGRAM {
            self.ctx.label = self.labels.join(self.ctx.label, self.comp_carry);
        }
    }

    /// The source text of the current position, for condition nodes made inside builtins.
    pub fn pos_text(&self) -> std::sync::Arc<str> {
        std::sync::Arc::from(format!("line {}", self.pos.line))
    }

    /// Inside a `try` (strict mode), the operands of an operation that may raise: whether the
    /// rest of the body runs depends on them. Reads only the reference's and the shape's
    /// labels (an operation that depends on the elements derives its result from them, and
    /// the derivation notes them).
    #[inline(always)]
    pub fn note_operands(&mut self, operands: &[&Value]) {
        if self.try_labels.is_empty() {
            return;
        }
        self.note_operands_in_try(operands);
    }

    #[inline(never)]
    fn note_operands_in_try(&mut self, operands: &[&Value]) {
        for v in operands {
            let l = self.shape_label(v);
            if l != Label::PROGRAM {
                self.note_in_try(l);
            }
        }
    }

    /// An exception raised by an operation on `operands` depends on them (their types,
    /// lengths, keys and values may all decide it, and its message may quote them).
    #[cold]
    pub fn failed_on(&mut self, unwind: Unwind, operands: &[&Value]) -> Unwind {
        match unwind {
            Unwind::Exc(mut e) => {
                for v in operands {
                    let l = self.full_label(v);
                    e.label = self.labels.join(e.label, l);
                }
                Unwind::Exc(e)
            }
            other => other,
        }
    }

    /// An exception leaving a statement that ran under `ctx` also depends on it.
    #[cold]
    pub fn raised_under(&mut self, unwind: Unwind, ctx: Label) -> Unwind {
        match unwind {
            Unwind::Exc(mut e) if ctx != Label::PROGRAM => {
                e.label = self.labels.join(e.label, ctx);
                Unwind::Exc(e)
            }
            other => other,
        }
    }

    /// Gives everything a region could have changed the label `ctx` (strict mode, after a
    /// branch on labeled data): variables it may rebind; everything reachable from the
    /// variables through which it may mutate; the iterators it may advance.
    pub fn apply_effects(&mut self, effects: &Effects, ctx: Context, frame: &mut Frame) {
        if ctx.label == Label::PROGRAM && ctx.node == NO_NODE {
            return;
        }
        for name in &effects.assigned {
            let Some(mut v) = self.peek(name.var, frame) else {
                let unbound = Value {
                    data: Data::Unbound,
                    label: ctx.label,
                    node: ctx.node,
                };
                self.store_raw(name.var, unbound, frame);
                continue;
            };
            {
                let joined = self.join(v.label, ctx.label);
                if joined != v.label || ctx.node != NO_NODE {
                    v.label = joined;
                    if ctx.node != NO_NODE && v.node != ctx.node {
                        let data: Vec<NodeId> = if v.node == NO_NODE {
                            vec![]
                        } else {
                            vec![v.node]
                        };
                        v.node = self.graph.add(
                            bactrian_provenance::NodeKind::assign(name.name.to_string()),
                            self.pos.line,
                            &data,
                            &[ctx.node],
                        );
                    }
                    self.store_raw(name.var, v, frame);
                }
            }
        }
        // Lists the region only appends to: their length changes, no item moves.
        for name in &effects.grown {
            if let Some(v) = self.peek(name.var, frame) {
                self.taint_shape(&v, ctx.label, ctx.node);
            }
        }
        for (name, field) in &effects.fields {
            if let Some(Value {
                data: Data::Instance(inst),
                ..
            }) = self.peek(name.var, frame)
            {
                if let Some(v) = inst.borrow_mut().fields.get_mut(field) {
                    v.label = self.labels.join(v.label, ctx.label);
                }
            }
        }
        let mut seen = HashSet::new();
        for name in &effects.mutated {
            if let Some(v) = self.peek(name.var, frame) {
                self.taint_reachable(&v, ctx, &mut seen, false);
            }
        }
        if self.iterators_made > 0 {
            let mut seen = HashSet::new();
            for name in &effects.consumed {
                if let Some(v) = self.peek(name.var, frame) {
                    self.taint_reachable(&v, ctx, &mut seen, true);
                }
            }
        }
    }

    /// What a call of `callee` on `args` could change, when it did not happen in this run
    /// but may have in another (a callback of `sorted`, `map`, ... over items whose number
    /// depends on labeled data). Nothing for builtins and pure functions.
    pub fn apply_call_effects(&mut self, callee: &Value, args: &[&Value], ctx: Context) {
        if ctx.label == Label::PROGRAM && ctx.node == NO_NODE {
            return;
        }
        let pure = super::callee_is_pure(callee);
        let mut seen = HashSet::new();
        let only_iterators = pure;
        if only_iterators && self.iterators_made == 0 {
            return;
        }
        self.taint_reachable(callee, ctx, &mut seen, only_iterators);
        for a in args {
            self.taint_reachable(a, ctx, &mut seen, only_iterators);
        }
    }

    /// Runs `body`, which calls `callback` once per item of `over` (`map`, `filter`,
    /// `sorted`/`min`/`max` with `key=`, `list.sort`): each call happens because the items
    /// exist, and this callable was chosen; so the calls run under the shapes of `over` and
    /// the callable's label, and what calls that another run makes (more items) could change
    /// is relabeled afterwards.
    pub fn with_callback<T>(
        &mut self,
        callback: &Value,
        over: &[&Value],
        body: impl FnOnce(&mut Self) -> crate::error::Eval<T>,
    ) -> crate::error::Eval<T> {
        if !self.strict {
            return body(self);
        }
        let mut decided = self.full_label(callback);
        let mut node = callback.node;
        for v in over {
            let l = self.shape_label(v);
            decided = self.labels.join(decided, l);
            if node == NO_NODE {
                node = self.shape_node(v);
            }
        }
        if decided == Label::PROGRAM && node == NO_NODE {
            return body(self);
        }
        let text = self.pos_text();
        let saved = self.enter(decided, node, &text);
        let result = body(self);
        let ctx = self.ctx;
        self.apply_call_effects(callback, over, ctx);
        self.restore(saved);
        result
    }

    /// Joins `ctx` into every object reachable from `root` that a plan could change: the
    /// shapes of lists, dicts, sets and iterators, each dict entry's presence (its key's
    /// label), each model field, the variables functions captured; through function values
    /// also the module variables they read. With `only_iterators`, only iterators change.
    /// A loop over a work list, each object visited once.
    pub fn taint_reachable(
        &mut self,
        root: &Value,
        ctx: Context,
        seen: &mut HashSet<usize>,
        only_iterators: bool,
    ) {
        let label = ctx.label;
        // Each object with whether only its iterators change (an iterator whose advance runs
        // plan code with effects changes what that code reaches). Objects are at least
        // 2-aligned: the low bit of the key tells the two walks apart.
        let mut todo: Vec<(Data, bool)> = vec![(root.data.clone(), only_iterators)];
        while let Some((data, only_iterators)) = todo.pop() {
            let Some(ptr) = data.heap_address() else {
                continue;
            };
            if seen.contains(&ptr) || !seen.insert(ptr | only_iterators as usize) {
                continue;
            }
            let push = |todo: &mut Vec<(Data, bool)>, v: &Value| {
                if v.is_container() || matches!(v.data, Data::Function(_) | Data::Method(_)) {
                    todo.push((v.data.clone(), only_iterators));
                }
            };
            match &data {
                Data::List(l) => {
                    let mut l = l.borrow_mut();
                    if !only_iterators {
                        l.shape = self.labels.join(l.shape, label);
                        l.fixed_label = self.labels.join(l.fixed_label, label);
                        keep_node(&mut l.shape_node, ctx.node);
                    }
                    l.items
                        .labeled_part()
                        .iter()
                        .for_each(|v| push(&mut todo, v));
                }
                Data::Tuple(t) => t.items.iter().for_each(|v| push(&mut todo, v)),
                Data::Dict(d) => {
                    let mut d = d.borrow_mut();
                    if !only_iterators {
                        d.shape = self.labels.join(d.shape, label);
                        keep_node(&mut d.shape_node, ctx.node);
                    }
                    for (k, v) in d.map.values_mut() {
                        if !only_iterators {
                            k.label = self.labels.join(k.label, label);
                        }
                        push(&mut todo, v);
                        push(&mut todo, k);
                    }
                }
                Data::Set(s) => {
                    let mut s = s.borrow_mut();
                    if !only_iterators {
                        s.shape = self.labels.join(s.shape, label);
                        keep_node(&mut s.shape_node, ctx.node);
                    }
                    s.map.values().for_each(|v| push(&mut todo, v));
                }
                Data::Instance(i) => {
                    let mut i = i.borrow_mut();
                    if !only_iterators {
                        i.shape = self.labels.join(i.shape, label);
                    }
                    for v in i.fields.values_mut() {
                        if !only_iterators {
                            v.label = self.labels.join(v.label, label);
                        }
                        push(&mut todo, v);
                    }
                }
                Data::Iterator(i) => {
                    let mut i = i.borrow_mut();
                    i.shape = self.labels.join(i.shape, label);
                    keep_node(&mut i.shape_node, ctx.node);
                    i.items.iter().for_each(|v| push(&mut todo, v));
                    if let Some(lazy) = &i.lazy {
                        // Advancing it advances its sources and runs its code: with effects,
                        // that code changes what it reaches.
                        let deep = only_iterators && Self::advance_is_pure(lazy);
                        for v in lazy.values() {
                            if v.is_container()
                                || matches!(v.data, Data::Function(_) | Data::Method(_))
                            {
                                todo.push((v.data.clone(), deep));
                            }
                        }
                        if let Lazy::Generator(g) = lazy {
                            let cells = g.frame.cells.iter().chain(&g.frame.closure);
                            for cell in cells {
                                if let Some(v) = cell.borrow().as_ref() {
                                    if v.is_container()
                                        || matches!(v.data, Data::Function(_) | Data::Method(_))
                                    {
                                        todo.push((v.data.clone(), deep));
                                    }
                                }
                            }
                            for g in &g.code.globals_read {
                                if let Some(Some(v)) = self.globals.get(*g as usize) {
                                    todo.push((v.data.clone(), deep));
                                }
                            }
                        }
                    }
                }
                Data::Exception(e) => e.args.iter().for_each(|v| push(&mut todo, v)),
                Data::Function(f) => {
                    for cell in &f.closure {
                        let mut cell = cell.borrow_mut();
                        if let Some(v) = cell.as_mut() {
                            if !only_iterators {
                                v.label = self.labels.join(v.label, label);
                            }
                            push(&mut todo, v);
                        }
                    }
                    f.defaults.iter().for_each(|v| push(&mut todo, v));
                    for g in &f.code.globals_read {
                        if let Some(Some(v)) = self.globals.get(*g as usize) {
                            push(&mut todo, v);
                        }
                    }
                }
                Data::Method(m) => push(&mut todo, &m.receiver),
                _ => {}
            }
        }
    }
}

/// Keeps a container's shape node, or takes the condition's when it had none.
fn keep_node(shape_node: &mut NodeId, ctx_node: NodeId) {
    if *shape_node == NO_NODE {
        *shape_node = ctx_node;
    }
}

/// The variables an expression reads (what the objects it evaluates to can be reached from).
fn names_in_expr(e: &Expr, out: &mut Vec<Var>) {
    let mut go = |x: &Expr| names_in_expr(x, out);
    match &e.kind {
        ExprKind::Name(n) => {
            if !out.contains(&n.var) {
                out.push(n.var);
            }
        }
        ExprKind::Const(_) | ExprKind::Builtin(_) | ExprKind::Type(_) | ExprKind::Tool(_) => {}
        ExprKind::BinOp { left, right, .. } => {
            go(left);
            go(right);
        }
        ExprKind::Unary { operand, .. } => go(operand),
        ExprKind::And(values, _) | ExprKind::Or(values, _) => values.iter().for_each(go),
        ExprKind::Compare { left, ops } => {
            go(left);
            ops.iter().for_each(|(_, r)| go(r));
        }
        ExprKind::Call { func, args, kwargs } => {
            go(func);
            args.iter().for_each(|a| go(&a.expr));
            kwargs.iter().for_each(|k| go(&k.value));
        }
        ExprKind::MethodCall {
            obj, args, kwargs, ..
        } => {
            go(obj);
            args.iter().for_each(|a| go(&a.expr));
            kwargs.iter().for_each(|k| go(&k.value));
        }
        ExprKind::Attr { obj, .. } => go(obj),
        ExprKind::Subscript { obj, index } => {
            go(obj);
            go(index);
        }
        ExprKind::Slice { lower, upper, step } => {
            for p in [lower, upper, step].into_iter().flatten() {
                go(p);
            }
        }
        ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => {
            elts.iter().for_each(|a| go(&a.expr))
        }
        ExprKind::Dict(items) => {
            for item in items {
                match item {
                    DictItem::Pair(k, v) => {
                        go(k);
                        go(v);
                    }
                    DictItem::Splat(m) => go(m),
                }
            }
        }
        ExprKind::Comp {
            elt,
            value,
            generators,
            ..
        } => {
            go(elt);
            if let Some(v) = value {
                go(v);
            }
            for g in generators {
                go(&g.iter);
                g.ifs.iter().for_each(&mut go);
            }
        }
        ExprKind::Walrus { value, .. } => go(value),
        ExprKind::IfExp {
            test, body, orelse, ..
        } => {
            go(test);
            go(body);
            go(orelse);
        }
        // A lambda's body reaches its captured variables, which are the enclosing ones.
        ExprKind::Lambda { defaults, .. } => defaults.iter().for_each(go),
        ExprKind::GenExpr { first, .. } => go(first),
        ExprKind::FString(parts) => {
            for p in parts {
                if let FPart::Value { expr, .. } = p {
                    go(expr);
                }
            }
        }
    }
}
