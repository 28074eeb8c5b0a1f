//! Methods of `set` and `frozenset`.

use super::*;

/// The methods a frozenset lacks.
pub(super) const MUTATING_METHODS: &[&str] = &[
    "add",
    "discard",
    "remove",
    "pop",
    "clear",
    "update",
    "intersection_update",
    "difference_update",
    "symmetric_difference_update",
];

impl Machine<'_> {
    pub(super) fn set_method(
        &mut self,
        recv: &Value,
        name: &str,
        args: &[Value],
        _kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let Data::Set(set) = &recv.data else {
            return err(ExcKind::TypeError, "not a set");
        };
        let set = set.clone();
        let frozen = set.borrow().frozen;
        if frozen && MUTATING_METHODS.contains(&name) {
            return Err(exception(
                ExcKind::AttributeError,
                format!("'frozenset' object has no attribute '{name}'"),
                Label::PROGRAM,
            ));
        }
        match name {
            "add" => {
                let [arg] = leading(args)?;
                let key = self.hash_key(arg)?;
                self.check_growth(set.borrow().map.len() + 1, 1)?;
                let v = self.under_context(arg.clone());
                set.borrow_mut().map.entry(key).or_insert(v);
                // Whether the set grew depends on the value.
                let l = arg.label;
                self.taint_shape(recv, l, arg.node);
                self.mutated(recv);
                Ok(Value::none())
            }
            "discard" | "remove" => {
                let [arg] = leading(args)?;
                let key = self.hash_key(arg)?;
                let removed = {
                    let mut s = set.borrow_mut();
                    let at = s.map.get_index_of(&key);
                    at.and_then(|at| s.remove_index(at)).is_some()
                };
                let l = self.full_label(arg);
                self.taint_shape(recv, l, arg.node);
                self.mutated(recv);
                if !removed && name == "remove" {
                    return Err(crate::error::key_error(arg, l));
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
                    self.set_method(
                        &result,
                        "update",
                        std::slice::from_ref(other),
                        Vec::new(),
                        text,
                    )?;
                }
                if let Data::Set(r) = &result.data {
                    r.borrow_mut().frozen = frozen;
                }
                Ok(result)
            }
            "union" | "intersection" | "difference" | "symmetric_difference" => {
                let mut acc = recv.clone();
                for other in args {
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
                for other in args {
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
                let [arg] = leading(args)?;
                let items = self.collect_items(arg)?;
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
                Ok(self.derive(Data::Bool(r), &[recv, arg], text))
            }
            _ => Err(exception(
                ExcKind::AttributeError,
                format!("'set' object has no attribute '{name}'"),
                Label::PROGRAM,
            )),
        }
    }
}
