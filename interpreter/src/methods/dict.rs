//! Methods of `dict`.

use super::*;

impl Machine<'_> {
    pub(super) fn dict_method(
        &mut self,
        recv: &Value,
        name: &str,
        args: &[Value],
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
                let [arg] = leading(args)?;
                let d = dict.borrow();
                let found = self
                    .find_key(&d.map, arg)?
                    .and_then(|i| d.map.get_index(i))
                    .map(|(k, v)| (k.label, v.clone()));
                drop(d);
                // A key that is there was decided by its last store; a missing one by the
                // whole shape.
                let kl = self.full_label(arg);
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
                Ok(self.element(v, access, &[recv.node, arg.node, shape_node], text))
            }
            "keys" | "values" | "items" => {
                let kind = match name {
                    "keys" => "dict_keys",
                    "values" => "dict_values",
                    _ => "dict_items",
                };
                // A live view: it reads the dict at each use (`Machine::view_items`).
                let view = Lazy::View { dict: recv.clone() };
                Ok(self.new_lazy(view, kind, shape, shape_node))
            }
            "pop" => {
                let [key_arg] = leading(args)?;
                let key = self.hash_key(key_arg)?;
                let removed = dict.borrow_mut().map.shift_remove(&key);
                let kl = self.full_label(key_arg);
                // The key may have been any of the entries: which ones are left depends on it.
                self.raise_presence(recv, kl);
                self.taint_shape(recv, kl, key_arg.node);
                self.mutated(recv);
                let access = self.labels.join(shape, kl);
                match (removed, args.get(1)) {
                    (Some((_, v)), _) => Ok(self.element(v, access, &[], text)),
                    (None, Some(d)) => Ok(self.element(d.clone(), access, &[], text)),
                    (None, None) => Err(crate::error::key_error(key_arg, access)),
                }
            }
            "popitem" => {
                let last = dict.borrow_mut().map.pop();
                self.mutated(recv);
                match last {
                    Some((k, v)) => Ok(self.new_tuple(vec![k, v], shape, shape_node)),
                    None => Err(exception(
                        ExcKind::KeyError,
                        "popitem(): dictionary is empty",
                        shape,
                    )),
                }
            }
            "setdefault" => {
                let [arg] = leading(args)?;
                let key = self.hash_key(arg)?;
                let existing = dict.borrow().map.get(&key).map(|(_, v)| v.clone());
                let kl = self.full_label(arg);
                let access = self.labels.join(shape, kl);
                match existing {
                    Some(v) => Ok(self.element(v, access, &[], text)),
                    None => {
                        self.check_growth(dict.borrow().map.len() + 1, 1)?;
                        let v =
                            self.under_context(args.get(1).cloned().unwrap_or_else(Value::none));
                        let mut stored = arg.clone();
                        let ctx = if self.strict {
                            self.ctx.label
                        } else {
                            Label::PROGRAM
                        };
                        stored.label = self.labels.join(kl, ctx);
                        stored.label = self.labels.join(stored.label, recv.label);
                        self.raise_presence(recv, kl);
                        dict.borrow_mut().map.push_new((stored, v.clone()));
                        self.taint_shape(recv, kl, arg.node);
                        self.mutated(recv);
                        Ok(v)
                    }
                }
            }
            "update" => {
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
                        pairs.push((Value::program(Data::Str(PyStr::from(&k))), v));
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
                    match dict.map.find(&hk) {
                        Some(at) => {
                            if let Some(entry) = dict.map.get_index_mut(at) {
                                entry.0.label = present;
                                entry.1 = v;
                            }
                        }
                        None => {
                            let mut k = k.clone();
                            k.label = present;
                            dict.map.push_new((k, v));
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
                Ok(Value::program(Data::Dict(crate::cycles::Tracked::track(
                    DictObj {
                        map,
                        shape: s,
                        shape_node: n,
                    },
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
}
