//! Print the output and the text of values: `print`, `len`, `repr`, `ascii`, `chr`, `ord`, `hex`, `oct`, `bin`, `format`, `hash`.

use super::*;

impl Machine<'_> {
    pub(super) fn text_builtin(
        &mut self,
        b: Builtin,
        args: Vec<Value>,
        mut kwargs: Kwargs,
        text: &Arc<str>,
    ) -> Eval<Value> {
        let name = b.name();
        match b {
            Builtin::Print => {
                let sep = take_kwarg(&mut kwargs, "sep");
                let end = take_kwarg(&mut kwargs, "end");
                let _ = take_kwarg(&mut kwargs, "flush");
                no_kwargs(name, &kwargs)?;
                let str_or =
                    |m: &mut Self, what: &str, v: Option<Value>, default: &str| -> Eval<String> {
                        match v {
                            None => Ok(default.to_string()),
                            Some(v) => match &v.data {
                                Data::None => Ok(default.to_string()),
                                Data::Str(s) => Ok(s.to_string()),
                                other => Err(m.type_error(
                                    format!(
                                        "{what} must be None or a string, not {}",
                                        other.type_name()
                                    ),
                                    &[&v],
                                )),
                            },
                        }
                    };
                let sep = str_or(self, "sep", sep, " ")?;
                let end = str_or(self, "end", end, "\n")?;
                let mut line = String::new();
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        line.push_str(&sep);
                    }
                    line.push_str(&self.str_of(a)?);
                }
                line.push_str(&end);
                self.write_stdout(&line)?;
                Ok(Value::none())
            }
            Builtin::Len => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 1, 1)?;
                let [arg] = leading(&args)?;
                self.len_of(arg, text)
            }
            Builtin::Repr | Builtin::Ascii => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 1, 1)?;
                let [arg] = leading(&args)?;
                let mut s = self.repr(arg)?;
                if matches!(b, Builtin::Ascii) {
                    s = crate::format::ascii_escape(&s);
                }
                Ok(self.derive(Data::Str(PyStr::from(s)), &[arg], text))
            }
            Builtin::Chr => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 1, 1)?;
                let [code] = leading(&args)?;
                let c = match &code.data {
                    Data::Int(i) if i32::try_from(*i).is_err() => {
                        return err(
                            ExcKind::OverflowError,
                            "Python int too large to convert to C int",
                        )
                    }
                    Data::BigInt(_) => {
                        return err(
                            ExcKind::OverflowError,
                            "Python int too large to convert to C int",
                        )
                    }
                    Data::Int(i) => u32::try_from(*i).ok().and_then(char::from_u32),
                    Data::Bool(b) => char::from_u32(*b as u32),
                    other => {
                        return Err(self.type_error(
                            format!(
                                "'{}' object cannot be interpreted as an integer",
                                other.type_name()
                            ),
                            &[],
                        ))
                    }
                };
                let Some(c) = c else {
                    if let Data::Int(surrogate @ 0xD800..=0xDFFF) = &code.data {
                        // CPython makes a one-surrogate string; UTF-8 cannot hold one.
                        return err(
                            ExcKind::ValueError,
                            format!(
                                "chr() arg {surrogate:#x} is a lone surrogate, which Bactrian's \
                                 UTF-8 strings cannot hold"
                            ),
                        );
                    }
                    return err(ExcKind::ValueError, "chr() arg not in range(0x110000)");
                };
                let c = self.char_str(c);
                Ok(self.derive(Data::Str(c), &[code], text))
            }
            Builtin::Ord => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 1, 1)?;
                let [arg] = leading(&args)?;
                let Data::Str(s) = &arg.data else {
                    return Err(self.type_error(
                        format!(
                            "ord() expected string of length 1, but {} found",
                            arg.data.type_name()
                        ),
                        &[],
                    ));
                };
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Ok(self.derive(Data::Int(c as i64), &[arg], text)),
                    _ => {
                        let n = s.chars().count();
                        err(
                            ExcKind::TypeError,
                            format!("ord() expected a character, but string of length {n} found"),
                        )
                    }
                }
            }
            Builtin::Hex | Builtin::Oct | Builtin::Bin => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 1, 1)?;
                let [arg] = leading(&args)?;
                let Some(i) = ops::to_bigint(&arg.data) else {
                    return Err(self.type_error(
                        format!(
                            "'{}' object cannot be interpreted as an integer",
                            arg.data.type_name()
                        ),
                        &[],
                    ));
                };
                let (radix, prefix) = match b {
                    Builtin::Hex => (16, "0x"),
                    Builtin::Oct => (8, "0o"),
                    _ => (2, "0b"),
                };
                let s = format!(
                    "{}{prefix}{}",
                    if i.is_negative() { "-" } else { "" },
                    i.abs().to_str_radix(radix)
                );
                Ok(self.derive(Data::Str(PyStr::from(s)), &[arg], text))
            }
            Builtin::Format => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 1, 2)?;
                let [arg] = leading(&args)?;
                let spec = match args.get(1).map(|s| &s.data) {
                    None => String::new(),
                    Some(Data::Str(s)) => s.to_string(),
                    Some(other) => {
                        return Err(self.type_error(
                            format!("format() argument 2 must be str, not {}", other.type_name()),
                            &[],
                        ))
                    }
                };
                let s = self.format_value(arg, &spec)?;
                let inputs: Vec<&Value> = args.iter().collect();
                Ok(self.derive(Data::Str(PyStr::from(s)), &inputs, text))
            }
            Builtin::Hash => {
                no_kwargs(name, &kwargs)?;
                arity(name, &args, 1, 1)?;
                let [arg] = leading(&args)?;
                let key = self.hash_key(arg)?;
                let h = match key {
                    HashKey::Int(i) => i,
                    other => {
                        use std::hash::{Hash, Hasher};
                        let mut h = std::collections::hash_map::DefaultHasher::new();
                        other.hash(&mut h);
                        h.finish() as i64
                    }
                };
                Ok(self.derive(Data::Int(h), &[arg], text))
            }
            // `call_builtin` sends only this family here.
            other => err(
                ExcKind::TypeError,
                format!("{}() is not handled here", other.name()),
            ),
        }
    }
}
