//! Methods of `list` (and the searches tuples share).

use super::*;

impl Machine<'_> {
    pub(super) fn list_method(
        &mut self,
        recv: &Value,
        name: &str,
        args: &[Value],
        mut kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let Data::List(list) = &recv.data else {
            return err(ExcKind::TypeError, "not a list");
        };
        let list = list.clone();
        match name {
            "append" => {
                let [arg] = leading(args)?;
                self.check_growth(list.borrow().items.len() + 1, 1)?;
                let v = self.under_context(arg.clone());
                list.borrow_mut().items.push(v);
                self.mutated(recv);
                Ok(Value::none())
            }
            "extend" => {
                let [arg] = leading(args)?;
                let items = self.collect_items(arg)?;
                self.check_growth(list.borrow().items.len() + items.len(), items.len())?;
                let shape = self.shape_label(arg);
                let node = self.shape_node(arg);
                list.borrow_mut().items.extend(items);
                // How many items arrived is decided by the source's shape.
                self.taint_shape(recv, shape, node);
                self.mutated(recv);
                Ok(Value::none())
            }
            "insert" => {
                let [index, item] = leading(args)?;
                let len = list.borrow().items.len() as i64;
                let i = self.int_unless_absent(args.first())?.unwrap_or(0);
                let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
                self.check_growth(len as usize + 1, 1)?;
                let v = self.under_context(item.clone());
                list.borrow_mut().items.insert(i, v);
                let il = self.full_label(index);
                self.moved_items(recv, i, il);
                let il = index.label;
                self.taint_shape(recv, il, index.node);
                self.mutated(recv);
                Ok(Value::none())
            }
            "pop" => {
                let len = list.borrow().items.len() as i64;
                if len == 0 {
                    return err(ExcKind::IndexError, "pop from empty list");
                }
                let i = self.int_unless_absent(args.first())?.unwrap_or(-1);
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
                let [arg] = leading(args)?;
                let items = list.borrow().items.to_vec();
                for (i, it) in items.iter().enumerate() {
                    if ops::equal(self, &it.data, &arg.data, 0)? {
                        list.borrow_mut().items.remove(i);
                        // Which item went was decided by comparing it and every item before.
                        let mut l = self.full_label(arg);
                        for before in items.iter().take(i + 1) {
                            let bl = self.full_label(before);
                            l = self.labels.join(l, bl);
                        }
                        self.taint_shape(recv, l, arg.node);
                        self.moved_items(recv, i, l);
                        self.mutated(recv);
                        return Ok(Value::none());
                    }
                }
                let label = self.full_label(arg);
                Err(exception(
                    ExcKind::ValueError,
                    "list.remove(x): x not in list",
                    label,
                ))
            }
            "index" | "count" => {
                let items = list.borrow().items.to_vec();
                self.seq_search(recv, &items, name, args, text)
            }
            "sort" => {
                let key = take_kwarg(&mut kwargs, "key");
                let reverse = take_kwarg(&mut kwargs, "reverse");
                let (reverse, reverse_label) = self.reverse_flag(reverse.as_ref())?;
                if let Some((k, _)) = kwargs.first() {
                    return err(
                        ExcKind::TypeError,
                        format!("sort() got an unexpected keyword argument '{k}'"),
                    );
                }
                let items = std::mem::take(&mut list.borrow_mut().items).into_vec();
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
                        let label = self.labels.join(label, reverse_label);
                        list.borrow_mut().items = sorted.into();
                        self.taint_shape(recv, label, NO_NODE);
                        self.moved_items(recv, 0, label);
                        self.mutated(recv);
                        Ok(Value::none())
                    }
                    Err(e) => {
                        list.borrow_mut().items = items.into();
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
}
