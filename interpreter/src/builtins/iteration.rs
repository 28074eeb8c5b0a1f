//! Iteration: `any`, `all`, `sorted`, `reversed`, `enumerate`, `zip`, `map`, `filter`, `iter`, `next`.

use super::*;

impl Machine<'_> {
    pub(super) fn iteration_builtin(
        &mut self,
        b: Builtin,
        args: Vec<Value>,
        mut kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let name = b.name();
        match b {
            Builtin::Any | Builtin::All => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 1, 1)?;
                let [arg] = leading(&args)?;
                self.any_all(b == Builtin::Any, arg, text)
            }
            Builtin::Sorted => {
                // The iterable is counted first, then `list.sort` reads the keywords.
                arity(name, &args, 1, 1)?;
                let key = take_kwarg(&mut kwargs, "key");
                let reverse = take_kwarg(&mut kwargs, "reverse");
                no_kwargs(name, &kwargs)?;
                let [arg] = leading(&args)?;
                let items = self.collect_items(arg)?;
                let shape = self.shape_label(arg);
                let (reverse, reverse_label) = self.reverse_flag(reverse.as_ref())?;
                let (sorted, label) = match &key {
                    Some(k) if !matches!(k.data, Data::None) => {
                        let k = k.clone();
                        let source = arg.clone();
                        self.with_callback(&k, &[&source], |m| {
                            m.sort_values(items, Some(&k), reverse)
                        })?
                    }
                    _ => self.sort_values(items, key.as_ref(), reverse)?,
                };
                let shape = self.labels.join(shape, label);
                let shape = self.labels.join(shape, reverse_label);
                let node = self.shape_node(arg);
                Ok(self.new_list(sorted, shape, node))
            }
            Builtin::Reversed => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 1, 1)?;
                let [arg] = leading(&args)?;
                let shape = self.shape_label(arg);
                let node = self.shape_node(arg);
                match &arg.data {
                    Data::Iterator(i) if i.borrow().viewed_dict().is_none() => {
                        return Err(self.type_error(
                            format!("'{}' object is not reversible", arg.data.type_name()),
                            &[arg],
                        ))
                    }
                    Data::Set(_)
                    | Data::None
                    | Data::Bool(_)
                    | Data::Int(_)
                    | Data::BigInt(_)
                    | Data::Float(_) => {
                        return Err(self.type_error(
                            format!("'{}' object is not reversible", arg.data.type_name()),
                            &[arg],
                        ))
                    }
                    Data::List(l) => {
                        let next = l.borrow().items.len();
                        let lazy = Lazy::ReversedList {
                            list: arg.clone(),
                            next,
                        };
                        return Ok(self.new_lazy(lazy, "list_reverseiterator", shape, node));
                    }
                    _ => {}
                }
                let mut items = self.collect_items(arg)?;
                items.reverse();
                let kind = match &arg.data {
                    Data::Range(_) => "range_iterator",
                    Data::Dict(_) => "dict_reversekeyiterator",
                    Data::Iterator(i) => match i.borrow().kind {
                        "dict_values" => "dict_reversevalueiterator",
                        "dict_items" => "dict_reverseitemiterator",
                        _ => "dict_reversekeyiterator",
                    },
                    _ => "reversed",
                };
                Ok(self.new_iter(items, kind, shape, node))
            }
            Builtin::Enumerate => {
                let (arg, start) = enumerate_arguments(args, kwargs)?;
                let arg = &arg;
                let (count, base) = match start.as_ref().map(|s| &s.data) {
                    None => (0, None),
                    Some(Data::Int(i)) => (*i, None),
                    Some(Data::Bool(b)) => (*b as i64, None),
                    Some(Data::BigInt(b)) => (0, Some(Box::new((**b).clone()))),
                    Some(other) => {
                        let message = format!(
                            "'{}' object cannot be interpreted as an integer",
                            other.type_name()
                        );
                        let about: Vec<&Value> = start.iter().collect();
                        return Err(self.type_error(message, &about));
                    }
                };
                let source = self.iter_of(arg)?;
                let shape = self.shape_label(&source);
                let node = self.shape_node(&source);
                // Every index was computed from the start: it carries the start's label.
                let start = start
                    .as_ref()
                    .map_or(Label::PROGRAM, |s| self.full_label(s));
                let lazy = Lazy::Enumerate {
                    source,
                    count,
                    base,
                    start,
                };
                Ok(self.new_lazy(lazy, "enumerate", shape, node))
            }
            Builtin::Zip => {
                let strict = take_kwarg(&mut kwargs, "strict")
                    .map(|s| ops::truthy(&s.data))
                    .unwrap_or(false);
                no_kwargs(name, &kwargs)?;
                let sources = self.iterators_of(&args)?;
                let mut shape = Label::PROGRAM;
                for s in &sources {
                    let l = self.shape_label(s);
                    shape = self.labels.join(shape, l);
                }
                Ok(self.new_lazy(Lazy::Zip { sources, strict }, "zip", shape, NO_NODE))
            }
            Builtin::Map => {
                no_kwargs(name, &kwargs)?;
                let Some((func, iterables)) = args.split_first().filter(|(_, i)| !i.is_empty())
                else {
                    return err(
                        ExcKind::TypeError,
                        "map() must have at least two arguments.",
                    );
                };
                let func = func.clone();
                let sources = self.iterators_of(iterables)?;
                let mut shape = Label::PROGRAM;
                for s in &sources {
                    let l = self.shape_label(s);
                    shape = self.labels.join(shape, l);
                }
                let lazy = Lazy::Map {
                    func,
                    sources,
                    text: text.clone(),
                };
                Ok(self.new_lazy(lazy, "map", shape, NO_NODE))
            }
            Builtin::Filter => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 2, 2)?;
                let [func, iterable] = leading(&args)?;
                let func = func.clone();
                let source = self.iter_of(iterable)?;
                let shape = self.shape_label(&source);
                let lazy = Lazy::Filter {
                    func,
                    source,
                    text: text.clone(),
                };
                Ok(self.new_lazy(lazy, "filter", shape, NO_NODE))
            }
            Builtin::Iter => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 1, 2)?;
                let [arg] = leading(&args)?;
                if args.len() == 2 {
                    // `iter(callable, sentinel)` calls until a result equals the sentinel:
                    // not supported (docs/language.md); a plan writes the `while` loop.
                    let message = if arg.data.is_callable() {
                        "iter(callable, sentinel) is not supported in plans: write a while loop"
                            .to_string()
                    } else {
                        "iter(v, w): v must be callable".to_string()
                    };
                    return Err(self.type_error(message, &[arg]));
                }
                self.iter_of(arg)
            }
            Builtin::Next => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 1, 2)?;
                let [arg] = leading(&args)?;
                if !matches!(arg.data, Data::Iterator(_)) {
                    return Err(self.type_error(
                        format!("'{}' object is not an iterator", arg.data.type_name()),
                        &[arg],
                    ));
                }
                match self.next_of(arg)? {
                    Some(v) => Ok(v),
                    None => {
                        // Running out was decided by the shape.
                        let shape = self.shape_label(arg);
                        match args.get(1) {
                            Some(default) => {
                                let mut d = default.clone();
                                d.label = self.labels.join(d.label, shape);
                                Ok(d)
                            }
                            None => Err(exception(ExcKind::StopIteration, "", shape)),
                        }
                    }
                }
            }
            // `call_builtin` sends only this family here.
            other => err(
                ExcKind::TypeError,
                format!("{}() is not handled here", other.name()),
            ),
        }
    }
}

/// `enumerate`'s iterable and start, as CPython 3.11 takes them: positionally, `start` by
/// keyword after one positional, or both by keyword; its wording for everything else.
fn enumerate_arguments(args: Vec<Value>, mut kwargs: Kwargs) -> Eval<(Value, Option<Value>)> {
    let given = args.len() + kwargs.len();
    if given > 2 {
        return err(
            ExcKind::TypeError,
            format!("enumerate() takes at most 2 arguments ({given} given)"),
        );
    }
    let invalid = |k: &str| {
        err(
            ExcKind::TypeError,
            format!("'{k}' is an invalid keyword argument for enumerate()"),
        )
    };
    let mut args = args.into_iter();
    match (args.next(), args.next(), kwargs.len()) {
        (None, _, 0) => err(
            ExcKind::TypeError,
            "enumerate() missing required argument 'iterable'",
        ),
        (Some(iterable), start, 0) => Ok((iterable, start)),
        (Some(iterable), None, 1) => match kwargs.pop() {
            Some((k, start)) if &*k == "start" => Ok((iterable, Some(start))),
            Some((k, _)) => invalid(&k),
            None => invalid(""),
        },
        (None, _, 2) => {
            let iterable = take_kwarg(&mut kwargs, "iterable");
            let start = take_kwarg(&mut kwargs, "start");
            match (iterable, start, kwargs.first()) {
                (Some(iterable), Some(start), None) => Ok((iterable, Some(start))),
                (_, _, Some((k, _))) => invalid(k),
                _ => invalid("iterable"),
            }
        }
        (_, _, _) => match kwargs.first() {
            Some((k, _)) => invalid(k),
            None => invalid(""),
        },
    }
}
