//! Lazy iteration with CPython's protocol: generator expressions, `map`, `filter`, `zip`,
//! `enumerate`, `reversed` and `iter` compute each item at its `next`.
//!
//! Labels (docs/labels.md): advancing an iterator joins the consumer's context and the
//! reference into its shape; the code an advance runs (a generator's element, filters and
//! inner iterables, `map`'s function, `filter`'s predicate) runs under that shape, which also
//! holds everything that decided the items before (the sources' shapes, every verdict of a
//! filter); what decided this item joins the shape too, and the item carries the shape.

use super::{Context, Frame, Machine};
use crate::error::{exception, Eval, Unwind};
use crate::syntax::ir::{Capture, GenCode};
use crate::value::*;
use bactrian_provenance::Label;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

impl Machine<'_> {
    pub fn new_lazy(&mut self, lazy: Lazy, kind: &'static str, shape: Label, node: u32) -> Value {
        self.iterators_made += 1;
        Value::program(Data::Iterator(crate::cycles::Tracked::track(IterObj {
            items: Vec::new(),
            pos: 0,
            kind,
            shape,
            shape_node: node,
            lazy: Some(lazy),
            running: false,
            serial: self.iterators_made,
        })))
    }

    fn not_an_iterator(&mut self, v: &Value) -> Unwind {
        self.type_error(
            format!("'{}' object is not an iterator", v.data.type_name()),
            &[v],
        )
    }

    /// The items a dict view shows now (`None` when `it` is not a view): the keys, the values
    /// or `(key, value)` tuples of the dict as it is at this moment. Their labels are the
    /// caller's (`collect_items` joins the view's live shape).
    pub(crate) fn view_items(&mut self, it: &Rc<RefCell<IterObj>>) -> Option<Vec<Value>> {
        let (dict, kind) = {
            let it = it.borrow();
            (it.viewed_dict()?.clone(), it.kind)
        };
        let Data::Dict(d) = &dict.data else {
            return Some(Vec::new());
        };
        let pairs: Vec<(Value, Value)> = d.borrow().map.values().cloned().collect();
        Some(match kind {
            "dict_keys" => pairs.into_iter().map(|(k, _)| k).collect(),
            "dict_values" => pairs.into_iter().map(|(_, v)| v).collect(),
            _ => pairs
                .into_iter()
                .map(|(k, v)| self.new_tuple(vec![k, v], Label::PROGRAM, NO_NODE))
                .collect(),
        })
    }

    /// `iter(v)`: an iterator is its own; a list and a range are read lazily (a list
    /// iterator sees items appended meanwhile), the others from a copy of their items.
    pub fn iter_of(&mut self, v: &Value) -> Eval<Value> {
        let kind = match &v.data {
            Data::Iterator(it) => match it.borrow().kind {
                // A view is not an iterator: iterating it makes one over what it shows now.
                "dict_keys" => "dict_keyiterator",
                "dict_values" => "dict_valueiterator",
                "dict_items" => "dict_itemiterator",
                _ => return Ok(v.clone()),
            },
            Data::List(_) => "list_iterator",
            Data::Range(_) => "range_iterator",
            Data::Tuple(_) => "tuple_iterator",
            Data::Str(_) => "str_ascii_iterator",
            Data::Dict(_) => "dict_keyiterator",
            Data::Set(_) => "set_iterator",
            other => {
                return Err(self.type_error(
                    format!("'{}' object is not iterable", other.type_name()),
                    &[v],
                ))
            }
        };
        let shape = self.shape_label(v);
        let node = self.shape_node(v);
        let lazy = match &v.data {
            Data::List(_) => Lazy::List {
                list: v.clone(),
                next: 0,
            },
            Data::Range(_) => Lazy::Range {
                range: v.clone(),
                next: 0,
            },
            _ => {
                let items = self.collect_items(v)?;
                return Ok(self.new_iter(items, kind, shape, node));
            }
        };
        Ok(self.new_lazy(lazy, kind, shape, node))
    }

    /// A generator expression: its first iterable is already evaluated (`first`); the rest
    /// runs at each `next`, in a frame of its own whose free variables are the enclosing
    /// frame's cells (late binding, as CPython).
    pub fn make_generator(
        &mut self,
        first: &Value,
        code: &Rc<GenCode>,
        frame: &Frame,
    ) -> Eval<Value> {
        let source = self.iter_of(first)?;
        let closure = code
            .captures
            .iter()
            .map(|c| match c {
                // The compiler made every cell a capture names.
                Capture::ParentCell(i) => frame.cells.get(*i as usize).cloned(),
                Capture::ParentFree(i) => frame.closure.get(*i as usize).cloned(),
            })
            .map(|c| c.unwrap_or_else(crate::cycles::new_cell))
            .collect();
        let own = Frame::new(code.locals, code.cells, closure, Rc::from("<genexpr>"));
        // It exists, and will compute its items, because the code around it ran.
        let ctx = if self.strict { self.ctx } else { Context::NONE };
        let shape = self.shape_label(first);
        let shape = self.labels.join(shape, ctx.label);
        let node = self.shape_node(first);
        let state = GenState {
            code: code.clone(),
            frame: own,
            levels: vec![source],
        };
        Ok(self.new_lazy(
            Lazy::Generator(Box::new(state)),
            "generator",
            shape,
            if node == NO_NODE { ctx.node } else { node },
        ))
    }

    /// Advances an iterator by one item; `None` once it is exhausted. The item carries the
    /// iterator's shape after the advance (docs/labels.md, `next`).
    pub fn next_of(&mut self, iterator: &Value) -> Eval<Option<Value>> {
        let Data::Iterator(it) = &iterator.data else {
            return Err(self.not_an_iterator(iterator));
        };
        if it.borrow().viewed_dict().is_some() {
            return Err(self.not_an_iterator(iterator));
        }
        self.advanced(it, iterator.label);
        let mut lazy = {
            let mut obj = it.borrow_mut();
            if obj.running {
                drop(obj);
                return Err(exception(
                    ExcKind::ValueError,
                    "generator already executing".to_string(),
                    iterator.label,
                ));
            }
            match obj.lazy.take() {
                Some(lazy) => {
                    obj.running = true;
                    lazy
                }
                None => {
                    let item = obj.items.get(obj.pos).cloned();
                    if item.is_some() {
                        obj.pos += 1;
                    }
                    let shape = obj.shape;
                    drop(obj);
                    return Ok(item.map(|mut v| {
                        v.label = self.labels.join(v.label, shape);
                        v
                    }));
                }
            }
        };
        let (shape, node) = {
            let obj = it.borrow();
            (obj.shape, obj.shape_node)
        };
        let consumer = self.ctx;
        let saved = if self.strict && (shape != Label::PROGRAM || node != NO_NODE) {
            let text = self.pos_text();
            self.enter(shape, node, &text)
        } else {
            consumer
        };
        let mut decided = shape;
        let stepped = if self.depth >= self.limits.max_recursion || self.stack_exhausted() {
            Err(exception(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while calling a Python object".to_string(),
                shape,
            ))
        } else {
            self.depth += 1;
            let r = self.lazy_step(&mut lazy, &mut decided, consumer);
            self.depth -= 1;
            r
        };
        self.restore(saved);
        let keep = match &stepped {
            Ok(Some(_)) => true,
            Ok(None) => false,
            // A generator that raised is finished; `map` and the others go on with the next
            // item, as CPython's.
            Err(_) => !matches!(lazy, Lazy::Generator(_)),
        };
        let shape = {
            let mut obj = it.borrow_mut();
            obj.running = false;
            obj.shape = self.labels.join(obj.shape, decided);
            if keep {
                obj.lazy = Some(lazy);
            }
            obj.shape
        };
        match stepped {
            Ok(item) => Ok(item.map(|mut v| {
                v.label = self.labels.join(v.label, shape);
                v
            })),
            Err(u) => Err(self.raised_under(u, shape)),
        }
    }

    /// `label` decided what an advance does next: it joins what the advance decided and, in
    /// strict mode, the context of the rest of the advance.
    fn decide(&mut self, decided: &mut Label, label: Label) {
        if label == Label::PROGRAM {
            return;
        }
        *decided = self.labels.join(*decided, label);
        if self.strict {
            self.ctx.label = self.labels.join(self.ctx.label, label);
        }
    }

    fn lazy_step(
        &mut self,
        lazy: &mut Lazy,
        decided: &mut Label,
        consumer: Context,
    ) -> Eval<Option<Value>> {
        match lazy {
            // `next_of` refuses views before stepping.
            Lazy::View { .. } => Ok(None),
            Lazy::List { list, next } => {
                let Data::List(l) = &list.data else {
                    return Ok(None);
                };
                let item = l.borrow().items.get(*next);
                let shape = self.shape_label(list);
                self.decide(decided, shape);
                if item.is_some() {
                    *next += 1;
                }
                Ok(item)
            }
            Lazy::ReversedList { list, next } => {
                let Data::List(l) = &list.data else {
                    return Ok(None);
                };
                let l = l.borrow();
                let item = match next.checked_sub(1) {
                    Some(i) => l.items.get(i),
                    _ => None,
                };
                drop(l);
                let shape = self.shape_label(list);
                self.decide(decided, shape);
                *next = if item.is_some() { *next - 1 } else { 0 };
                Ok(item)
            }
            Lazy::Range { range, next } => {
                let Data::Range(r) = &range.data else {
                    return Ok(None);
                };
                let label = range.label;
                self.decide(decided, label);
                if *next >= r.len() {
                    return Ok(None);
                }
                let item = Value::with(r.get(*next), range.label, range.node);
                *next += 1;
                Ok(Some(item))
            }
            Lazy::Enumerate {
                source,
                count,
                base,
                start,
            } => {
                let item = self.next_of(source)?;
                let shape = self.shape_label(source);
                self.decide(decided, shape);
                let Some(item) = item else {
                    return Ok(None);
                };
                // The count says how many items came before: the source's shape decided it.
                let node = self.shape_node(source);
                let data = match base.as_deref() {
                    None => Data::Int(*count),
                    Some(b) => crate::ops::int_data(b + *count),
                };
                let label = self.labels.join(shape, *start);
                let index = Value::with(data, label, node);
                match count.checked_add(1) {
                    Some(next) => *count = next,
                    None => {
                        // Past 64 bits: the count moves into the base.
                        let past = base.as_deref().cloned().unwrap_or_default()
                            + num_bigint::BigInt::from(*count)
                            + 1;
                        *base = Some(Box::new(past));
                        *count = 0;
                    }
                }
                Ok(Some(self.new_tuple(
                    vec![index, item],
                    Label::PROGRAM,
                    NO_NODE,
                )))
            }
            Lazy::Zip { sources, strict } => self.zip_step(sources, *strict, decided),
            Lazy::Map {
                func,
                sources,
                text,
            } => {
                let Some(row) = self.pull_row(sources, false, decided)? else {
                    self.would_have_called(func, *decided);
                    return Ok(None);
                };
                let func = func.clone();
                let text = text.clone();
                let over: Vec<&Value> = sources.iter().collect();
                let v = self.with_callback(&func, &over, |m| {
                    m.call_value(&func, row, Vec::new(), &text)
                })?;
                Ok(Some(v))
            }
            Lazy::Filter { func, source, text } => loop {
                self.tick()?;
                let item = self.next_of(source)?;
                let shape = self.shape_label(source);
                self.decide(decided, shape);
                let Some(item) = item else {
                    self.would_have_called(func, *decided);
                    return Ok(None);
                };
                let verdict = if matches!(func.data, Data::None) {
                    item.clone()
                } else {
                    let func = func.clone();
                    let text = text.clone();
                    let arg = item.clone();
                    let source = source.clone();
                    self.with_callback(&func, &[&source], |m| {
                        m.call_value(&func, vec![arg], Vec::new(), &text)
                    })?
                };
                let verdict_label = self.full_label(&verdict);
                self.decide(decided, verdict_label);
                if crate::ops::truthy(&verdict.data) {
                    return Ok(Some(item));
                }
            },
            Lazy::Generator(state) => self.generator_step(state, decided, consumer),
        }
    }

    /// One step of `zip`: a tuple of one item from each source.
    fn zip_step(
        &mut self,
        sources: &[Value],
        strict: bool,
        decided: &mut Label,
    ) -> Eval<Option<Value>> {
        match self.pull_row(sources, strict, decided)? {
            Some(row) if !sources.is_empty() => {
                Ok(Some(self.new_tuple(row, Label::PROGRAM, NO_NODE)))
            }
            _ => Ok(None),
        }
    }

    /// One item from each source, pulled left to right (`zip` and `map`); `None` at the first
    /// exhausted one (with `strict=True`, CPython's errors when they differ in length).
    fn pull_row(
        &mut self,
        sources: &[Value],
        strict: bool,
        decided: &mut Label,
    ) -> Eval<Option<Vec<Value>>> {
        let mut row = Vec::with_capacity(sources.len());
        for (i, source) in sources.iter().enumerate() {
            let item = self.next_of(source)?;
            let shape = self.shape_label(source);
            self.decide(decided, shape);
            match item {
                Some(v) => row.push(v),
                None => {
                    if strict {
                        self.zip_strict_end(sources, i, decided)?;
                        return Ok(None);
                    }
                    // The sources after it are not advanced: another run, with this one
                    // longer, would have.
                    let rest: Vec<Value> = sources.get(i + 1..).unwrap_or_default().to_vec();
                    self.might_have_advanced(&rest, *decided);
                    return Ok(None);
                }
            }
        }
        Ok(Some(row))
    }

    /// `zip(..., strict=True)` found source `i` exhausted: the others must be too.
    fn zip_strict_end(&mut self, sources: &[Value], i: usize, decided: &mut Label) -> Eval<()> {
        let plural = |i: usize| {
            if i == 1 {
                "argument 1".to_string()
            } else {
                format!("arguments 1-{i}")
            }
        };
        if i > 0 {
            let message = format!("zip() argument {} is shorter than {}", i + 1, plural(i));
            return Err(exception(ExcKind::ValueError, message, *decided));
        }
        for (j, source) in sources.iter().enumerate().skip(1) {
            let item = self.next_of(source)?;
            let shape = self.shape_label(source);
            self.decide(decided, shape);
            if item.is_some() {
                let message = format!("zip() argument {} is longer than {}", j + 1, plural(j));
                return Err(exception(ExcKind::ValueError, message, *decided));
            }
        }
        Ok(())
    }

    /// One step of a generator expression; what the step could change in another run (the
    /// element and filters on other items) is relabeled with what decided it.
    fn generator_step(
        &mut self,
        state: &mut GenState,
        decided: &mut Label,
        consumer: Context,
    ) -> Eval<Option<Value>> {
        let code = state.code.clone();
        let result = self.generator_advance(&code, state, decided);
        if self.strict && self.ctx != consumer {
            let ctx = self.ctx;
            self.apply_effects(&code.effects, ctx, &mut state.frame);
        }
        match result {
            Err(Unwind::Exc(e)) if e.exc.kind == ExcKind::StopIteration => Err(exception(
                ExcKind::RuntimeError,
                "generator raised StopIteration".to_string(),
                e.label,
            )),
            other => other,
        }
    }

    fn generator_advance(
        &mut self,
        code: &GenCode,
        state: &mut GenState,
        decided: &mut Label,
    ) -> Eval<Option<Value>> {
        loop {
            let Some(source) = state.levels.last().cloned() else {
                return Ok(None);
            };
            let level = state.levels.len() - 1;
            let item = self.next_of(&source)?;
            let shape = self.shape_label(&source);
            self.decide(decided, shape);
            let Some(item) = item else {
                state.levels.pop();
                continue;
            };
            self.tick()?;
            let Some(clause) = code.generators.get(level) else {
                return Ok(None);
            };
            self.assign(&clause.target, item, &mut state.frame)?;
            let mut passed = true;
            for cond in &clause.ifs {
                let c = self.expr(cond, &mut state.frame)?;
                let verdict = self.full_label(&c);
                self.decide(decided, verdict);
                if !self.truthy(&c)? {
                    passed = false;
                    break;
                }
            }
            if !passed {
                continue;
            }
            if let Some(inner) = code.generators.get(level + 1) {
                let v = self.expr(&inner.iter, &mut state.frame)?;
                let it = self.iter_of(&v)?;
                state.levels.push(it);
                continue;
            }
            return self.expr(&code.elt, &mut state.frame).map(Some);
        }
    }

    /// These iterators were not advanced, but would have been in a run where `label`
    /// differed: what advancing them could change carries it.
    pub fn might_have_advanced(&mut self, iterators: &[Value], label: Label) {
        if !self.strict || label == Label::PROGRAM || iterators.is_empty() {
            return;
        }
        let ctx = Context {
            label: self.labels.join(self.ctx.label, label),
            node: self.ctx.node,
        };
        let mut seen = HashSet::new();
        for it in iterators {
            self.taint_reachable(it, ctx, &mut seen, true);
        }
    }

    /// A `map` or `filter` whose sources ran out where `decided` said: in a run where they
    /// held more items, `func` would have run on them, so what it can change carries
    /// `decided` (the calls that did run were under it already).
    fn would_have_called(&mut self, func: &Value, decided: Label) {
        if !self.strict || decided == Label::PROGRAM || callee_is_pure(func) {
            return;
        }
        let ctx = Context {
            label: self.labels.join(self.ctx.label, decided),
            node: self.ctx.node,
        };
        self.taint_reachable(func, ctx, &mut HashSet::new(), false);
    }

    /// Whether advancing this iterator changes nothing but iterators.
    pub fn advance_is_pure(lazy: &Lazy) -> bool {
        match lazy {
            Lazy::Map { func, .. } | Lazy::Filter { func, .. } => callee_is_pure(func),
            Lazy::Generator(g) => g.code.pure,
            _ => true,
        }
    }
}

/// Whether calling `callee` changes nothing its caller can see.
pub fn callee_is_pure(callee: &Value) -> bool {
    match &callee.data {
        Data::Function(f) => f.code.pure,
        Data::Builtin(_)
        | Data::Type(_)
        | Data::Model(_)
        | Data::Tool(_)
        | Data::None
        | Data::Unbound => true,
        Data::Method(m) => {
            !crate::syntax::MUTATING_METHODS.contains(&&*m.name) && m.name.as_ref() != "sort"
        }
        _ => false,
    }
}
