//! Arithmetic: `abs`, `round`, `divmod`, `pow`, `sum`, `min`, `max`.

use super::*;

impl Machine<'_> {
    pub(super) fn number_builtin(
        &mut self,
        b: Builtin,
        args: Vec<Value>,
        mut kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let name = b.name();
        match b {
            Builtin::Abs => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 1, 1)?;
                let [arg] = leading(&args)?;
                let data = match &arg.data {
                    Data::Int(i) => match i.checked_abs() {
                        Some(a) => Data::Int(a),
                        None => ops::int_data(BigInt::from(*i).abs()),
                    },
                    Data::BigInt(b) => ops::int_data(b.abs()),
                    Data::Bool(b) => Data::Int(*b as i64),
                    Data::Float(f) => Data::Float(f.abs()),
                    other => {
                        return Err(self.type_error(
                            format!("bad operand type for abs(): '{}'", other.type_name()),
                            &[arg],
                        ))
                    }
                };
                Ok(self.derive(data, &[arg], text))
            }
            Builtin::Round => self.round(args, kwargs, text),
            Builtin::Divmod => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 2, 2)?;
                let [dividend, divisor] = leading(&args)?;
                ops::check_divmod_operands(self, dividend, divisor)?;
                let q = ops::binary(
                    self,
                    crate::syntax::ir::BinOp::FloorDiv,
                    dividend,
                    divisor,
                    text,
                )?;
                let r = ops::binary(self, crate::syntax::ir::BinOp::Mod, dividend, divisor, text)?;
                Ok(self.new_tuple(vec![q, r], Label::PROGRAM, NO_NODE))
            }
            Builtin::Pow => {
                let bound = bind_by_name(name, args, kwargs, &["base", "exp", "mod"], 2)?;
                // `base` and `exp` are there (required); `mod` may not be.
                let args: Vec<Value> = bound.into_iter().flatten().collect();
                let ([base, exponent], modulus) = leading_and_rest(&args)?;
                // `pow(b, e, None)` is `pow(b, e)`.
                let modulus = match modulus {
                    [m] if matches!(m.data, Data::None) => &[],
                    other => other,
                };
                if let [modulus] = modulus {
                    let (Some(b), Some(e), Some(m)) = (
                        ops::to_bigint(&base.data),
                        ops::to_bigint(&exponent.data),
                        ops::to_bigint(&modulus.data),
                    ) else {
                        let operands = [base, exponent, modulus];
                        let numbers = operands.iter().all(|v| {
                            matches!(
                                v.data,
                                Data::Int(_) | Data::Bool(_) | Data::BigInt(_) | Data::Float(_)
                            )
                        });
                        if numbers {
                            return err(
                                ExcKind::TypeError,
                                "pow() 3rd argument not allowed unless all arguments are integers",
                            );
                        }
                        let [b, e, m] = operands.map(|v| v.data.type_name());
                        return err(
                            ExcKind::TypeError,
                            format!(
                                "unsupported operand type(s) for ** or pow(): '{b}', '{e}', '{m}'"
                            ),
                        );
                    };
                    let r = ops::modular_pow(&b, &e, &m)?;
                    return Ok(self.derive(ops::int_data(r), &[base, exponent, modulus], text));
                }
                let mut power =
                    ops::binary(self, crate::syntax::ir::BinOp::Pow, base, exponent, text)?;
                // A `mod` of None decided that there is no modulus.
                if let Some(none) = args.get(2) {
                    let decided = self.full_label(none);
                    power.label = self.labels.join(power.label, decided);
                }
                Ok(power)
            }
            Builtin::Sum => {
                // Too many in all, then the iterable missing, then an unknown name.
                at_most_with_keywords(name, &args, &kwargs, 2)?;
                arity(name, &args, 1, 2)?;
                let start = take_kwarg(&mut kwargs, "start");
                no_kwargs(name, &kwargs)?;
                let [arg] = leading(&args)?;
                let mut acc = args
                    .get(1)
                    .cloned()
                    .or(start)
                    .unwrap_or(Value::program(Data::Int(0)));
                if let Data::Str(_) = acc.data {
                    return err(
                        ExcKind::TypeError,
                        "sum() can't sum strings [use ''.join(seq) instead]",
                    );
                }
                if let Some((total, n)) = self.sum_of_plain_ints(arg, &acc) {
                    self.tick_many(n)?;
                    let shape = self.shape_label(arg);
                    return Ok(Value::with(Data::Int(total), shape, NO_NODE));
                }
                // Item by item, as CPython: an item that cannot be added stops the pulling.
                let saved = self.ctx;
                let max_int_bits = self.limits.max_int_bits;
                let added = self.iterate(arg, &mut |m, item| {
                    m.tick()?;
                    // Two plain ints or floats: what `binary` gives them, computed in place.
                    if let Some(sum) =
                        ops::plain_binary(crate::syntax::ir::BinOp::Add, &acc, &item, max_int_bits)
                    {
                        acc = sum;
                        return Ok(true);
                    }
                    acc = ops::binary(m, crate::syntax::ir::BinOp::Add, &acc, &item, text)
                        .map_err(|u| m.failed_on(u, &[&acc, &item]))?;
                    Ok(true)
                });
                self.restore(saved);
                added?;
                let shape = self.shape_label(arg);
                acc.label = self.labels.join(acc.label, shape);
                Ok(acc)
            }
            Builtin::Min | Builtin::Max => self.min_max(b == Builtin::Max, args, kwargs, text),
            // `call_builtin` sends only this family here.
            other => err(
                ExcKind::TypeError,
                format!("{}() is not handled here", other.name()),
            ),
        }
    }
}

impl Machine<'_> {
    /// `sum(xs)` of a list or tuple whose items are all plain ints, from a plain int start,
    /// when no partial sum leaves 64 bits: the total the item-by-item loop gives (as plain
    /// as its inputs), and how many items it added. `None`: the loop decides.
    fn sum_of_plain_ints(&self, xs: &Value, start: &Value) -> Option<(i64, u64)> {
        let Data::Int(mut total) = start.data else {
            return None;
        };
        if !start.is_plain() || self.limits.max_int_bits < 64 {
            return None;
        }
        let add = |total: &mut i64, items: &[Value]| -> Option<u64> {
            for item in items {
                match item.data {
                    Data::Int(i) if item.is_plain() => *total = total.checked_add(i)?,
                    _ => return None,
                }
            }
            Some(items.len() as u64)
        };
        let n = match &xs.data {
            Data::List(l) => match &l.borrow().items {
                ListItems::PlainInts(ints) => {
                    for &i in ints {
                        total = total.checked_add(i)?;
                    }
                    ints.len() as u64
                }
                ListItems::Values(items) => add(&mut total, items)?,
            },
            Data::Tuple(t) => add(&mut total, &t.items)?,
            _ => return None,
        };
        Some((total, n))
    }
}
