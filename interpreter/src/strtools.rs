//! The str methods that work with tables or grow text by columns: `expandtabs`,
//! `str.maketrans` and `translate`, with CPython's rules and messages.

use crate::error::{err, Eval, Unwind};
use crate::eval::{Kwargs, Machine};
use crate::value::*;
use std::sync::Arc;

impl Machine<'_> {
    /// `s.expandtabs(size)`: each tab becomes the spaces up to the next multiple of `size`
    /// columns; the column restarts after `\n` and `\r`.
    pub(crate) fn expand_tabs(&mut self, s: &str, size: i64) -> Eval<String> {
        let mut out = String::with_capacity(s.len());
        let mut column: u64 = 0;
        for c in s.chars() {
            match c {
                '\t' if size > 0 => {
                    let spaces = size as u64 - column % size as u64;
                    let len = out.len() as u128 + spaces as u128;
                    if len > self.limits.max_str_len as u128 {
                        let max = self.limits.max_str_len;
                        return Err(crate::limits::string_size_exceeded(len, max));
                    }
                    out.extend(std::iter::repeat_n(' ', spaces as usize));
                    column += spaces;
                }
                '\t' => {}
                '\n' | '\r' => {
                    out.push(c);
                    column = 0;
                }
                _ => {
                    out.push(c);
                    column += 1;
                }
            }
        }
        Ok(out)
    }

    /// `s.translate(table)`: each character's code point looked up in `table`; an int or a
    /// str replaces it, None deletes it, a missing entry keeps it.
    pub(crate) fn translate(&mut self, s: &str, table: &Value) -> Eval<String> {
        let text = self.pos_text();
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            let key = Value::program(Data::Int(c as i64));
            let mapped = match self.get_item(table, &key, &text) {
                Ok(v) => v,
                Err(Unwind::Exc(e)) if e.exc.kind.is_subclass_of(ExcKind::LookupError) => {
                    out.push(c);
                    continue;
                }
                Err(other) => return Err(other),
            };
            match &mapped.data {
                Data::None => {}
                Data::Str(r) => out.push_str(r),
                Data::Int(_) | Data::Bool(_) | Data::BigInt(_) => {
                    let code = crate::ops::to_bigint(&mapped.data).unwrap_or_default();
                    match num_traits::ToPrimitive::to_u32(&code).and_then(char::from_u32) {
                        Some(r) => out.push(r),
                        None => {
                            return err(
                                ExcKind::ValueError,
                                "character mapping must be in range(0x110000)",
                            )
                        }
                    }
                }
                _ => {
                    return err(
                        ExcKind::TypeError,
                        "character mapping must return integer, None or str",
                    )
                }
            }
            if out.len() as u64 > self.limits.max_str_len {
                self.check_str_len(out.len())?;
            }
        }
        Ok(out)
    }

    /// `str.maketrans(x[, y[, z]])`: a dict from code points to what `translate` puts there.
    /// Every key and value is derived from all the arguments.
    pub(crate) fn maketrans(
        &mut self,
        args: Vec<Value>,
        kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        if !kwargs.is_empty() {
            return err(
                ExcKind::TypeError,
                "str.maketrans() takes no keyword arguments",
            );
        }
        if args.is_empty() || args.len() > 3 {
            let (bound, n, plural) = if args.is_empty() {
                ("least", 1, "")
            } else {
                ("most", 3, "s")
            };
            return err(
                ExcKind::TypeError,
                format!(
                    "maketrans expected at {bound} {n} argument{plural}, got {}",
                    args.len()
                ),
            );
        }
        for (i, arg) in args.iter().enumerate().skip(1) {
            if !matches!(arg.data, Data::Str(_)) {
                return err(
                    ExcKind::TypeError,
                    format!(
                        "maketrans() argument {} must be str, not {}",
                        i + 1,
                        crate::methods::clinic_type_name(&arg.data)
                    ),
                );
            }
        }
        let mut pairs: Vec<(Data, Data)> = Vec::new();
        if let [only] = args.as_slice() {
            let Data::Dict(d) = &only.data else {
                return err(
                    ExcKind::TypeError,
                    "if you give only one argument to maketrans it must be a dict",
                );
            };
            let entries: Vec<(Value, Value)> = d.borrow().map.values().cloned().collect();
            for (k, v) in entries {
                let code = match &k.data {
                    Data::Str(key) => {
                        let mut chars = key.chars();
                        match (chars.next(), chars.next()) {
                            (Some(c), None) => Data::Int(c as i64),
                            _ => {
                                return err(
                                    ExcKind::ValueError,
                                    "string keys in translate table must be of length 1",
                                )
                            }
                        }
                    }
                    Data::Int(_) | Data::Bool(_) | Data::BigInt(_) => {
                        crate::ops::int_data(crate::ops::to_bigint(&k.data).unwrap_or_default())
                    }
                    _ => {
                        return err(
                            ExcKind::TypeError,
                            "keys in translate table must be strings or integers",
                        )
                    }
                };
                pairs.push((code, v.data.clone()));
            }
        } else if let [from, to, ..] = args.as_slice() {
            let (Data::Str(from), Data::Str(to)) = (&from.data, &to.data) else {
                return err(
                    ExcKind::TypeError,
                    "first maketrans argument must be a string if there is a second argument",
                );
            };
            if from.chars().count() != to.chars().count() {
                return err(
                    ExcKind::ValueError,
                    "the first two maketrans arguments must have equal length",
                );
            }
            for (a, b) in from.chars().zip(to.chars()) {
                pairs.push((Data::Int(a as i64), Data::Int(b as i64)));
            }
            if let Some(Data::Str(deleted)) = args.get(2).map(|v| &v.data) {
                for c in deleted.chars() {
                    pairs.push((Data::Int(c as i64), Data::None));
                }
            }
        }
        self.check_len(pairs.len())?;
        let inputs: Vec<&Value> = args.iter().collect();
        let pairs: Vec<(Value, Value)> = pairs
            .into_iter()
            .map(|(k, v)| (self.derive(k, &inputs, text), self.derive(v, &inputs, text)))
            .collect();
        let dict = self.dict_from_pairs(pairs)?;
        let shape = self.derive(Data::None, &inputs, text);
        self.taint_shape(&dict, shape.label, shape.node);
        Ok(dict)
    }
}
