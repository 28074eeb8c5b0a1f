//! Text of values: `repr`, `str`, float repr, and the format-spec mini-language.

use crate::error::{err, Eval};
use crate::eval::Machine;
use crate::value::*;
use num_bigint::BigInt;

pub mod fields;
pub mod percent;
mod spec;

pub(crate) use spec::float_digits;

/// Python's `repr(float)`: the shortest string that round-trips, in Python's layout.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Rust's `{:e}` gives the shortest round-trip digits ("1.2345e2"); when two strings of that
    // length round-trip, Python prints the one correctly rounded from the exact value
    // (1000000000000000.25 is 1000000000000000.2), which `{:.Ne}` gives.
    let shortest = format!("{:e}", f);
    let significant = shortest
        .split('e')
        .next()
        .map_or(1, |m| m.chars().filter(char::is_ascii_digit).count());
    let sci = format!("{:.*e}", significant.saturating_sub(1), f);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if negative { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let point = exp + 1;
        let body = if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if point as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        format!("{sign}{body}")
    } else {
        let mant = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits
        };
        format!(
            "{sign}{mant}e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    }
}

/// Python's `repr(str)`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (0x80..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !c.is_ascii() && !crate::unicode::is_printable(c) => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n <= 0xffff {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `ascii(v)` from `repr(v)`: every non-ASCII character escaped as `\xhh`, `\uhhhh` or
/// `\Uhhhhhhhh`.
pub fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// CPython's cap on the digits of an int written in decimal (`sys.get_int_max_str_digits()`).
pub(crate) const MAX_STR_DIGITS: usize = 4300;

/// An int in decimal, refused past 4300 digits as CPython does by default.
pub fn int_to_decimal(i: &BigInt) -> Eval<String> {
    // 2**14290 has more than 4300 digits: refuse without writing them.
    let text = if i.bits() > 14_290 {
        None
    } else {
        Some(i.to_string())
    };
    match text {
        Some(t) if t.trim_start_matches('-').len() <= MAX_STR_DIGITS => Ok(t),
        _ => err(
            ExcKind::ValueError,
            "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        ),
    }
}

impl Machine<'_> {
    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> Eval<String> {
        match &v.data {
            Data::Str(s) => Ok(s.to_string()),
            Data::Exception(e) => match e.args.as_slice() {
                [] => Ok(String::new()),
                [only] if e.kind == ExcKind::KeyError => self.repr(&only.clone()),
                [only] => self.str_of(&only.clone()),
                // An OSError of (errno, strerror) reads "[Errno 2] No such file".
                [errno, strerror] if e.kind.is_subclass_of(ExcKind::OSError) => {
                    let (errno, strerror) = (errno.clone(), strerror.clone());
                    Ok(format!(
                        "[Errno {}] {}",
                        self.str_of(&errno)?,
                        self.str_of(&strerror)?
                    ))
                }
                _ => self.repr(&self.new_tuple_plain(e.args.clone())),
            },
            Data::Instance(i) => {
                // pydantic's str(): `name='a' age=1`.
                let fields: Vec<(std::rc::Rc<str>, Value)> = i
                    .borrow()
                    .fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let mut parts = Vec::new();
                for (k, v) in fields {
                    parts.push(format!("{k}={}", self.repr(&v)?));
                }
                Ok(parts.join(" "))
            }
            _ => self.repr(v),
        }
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> Eval<String> {
        let mut out = String::new();
        let mut seen = crate::value::Path::default();
        self.repr_into(&v.data, &mut out, &mut seen)?;
        Ok(out)
    }

    fn repr_into(
        &mut self,
        data: &Data,
        out: &mut String,
        seen: &mut crate::value::Path,
    ) -> Eval<()> {
        self.repr_depth += 1;
        let done = self.repr_level(data, out, seen);
        self.repr_depth -= 1;
        done
    }

    fn repr_level(
        &mut self,
        data: &Data,
        out: &mut String,
        seen: &mut crate::value::Path,
    ) -> Eval<()> {
        // Each level of a nested value counts as a call, as in CPython (whose module frame
        // and `repr` call take two more).
        let calls = self.depth.saturating_add(self.repr_depth).saturating_add(2);
        if calls > self.limits.max_recursion || self.stack_exhausted() {
            return err(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            );
        }
        if out.len() as u64 > self.limits.max_str_len {
            self.check_str_len(out.len())?;
        }
        match data {
            Data::None => out.push_str("None"),
            Data::Bool(true) => out.push_str("True"),
            Data::Bool(false) => out.push_str("False"),
            Data::Int(i) => out.push_str(&i.to_string()),
            Data::BigInt(b) => out.push_str(&int_to_decimal(b)?),
            Data::Float(f) => out.push_str(&float_repr(*f)),
            Data::Str(s) => out.push_str(&str_repr(s)),
            Data::List(l) => {
                let ptr = std::rc::Rc::as_ptr(l) as usize;
                if seen.contains(ptr) {
                    out.push_str("[...]");
                    return Ok(());
                }
                seen.push(ptr);
                let items = l.borrow().items.to_vec();
                out.push('[');
                self.repr_seq(&items, out, seen)?;
                out.push(']');
                seen.pop();
            }
            Data::Tuple(t) => {
                out.push('(');
                self.repr_seq(&t.items, out, seen)?;
                if t.items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Data::Dict(d) => {
                let ptr = std::rc::Rc::as_ptr(d) as usize;
                if seen.contains(ptr) {
                    out.push_str("{...}");
                    return Ok(());
                }
                seen.push(ptr);
                let pairs: Vec<(Value, Value)> = d.borrow().map.values().cloned().collect();
                out.push('{');
                for (i, (k, v)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_into(&k.data, out, seen)?;
                    out.push_str(": ");
                    self.repr_into(&v.data, out, seen)?;
                }
                out.push('}');
                seen.pop();
            }
            Data::Set(s) => {
                let (items, frozen): (Vec<Value>, bool) = {
                    let s = s.borrow();
                    (s.values_in_order(), s.frozen)
                };
                let name = if frozen { "frozenset" } else { "set" };
                if items.is_empty() {
                    out.push_str(&format!("{name}()"));
                } else {
                    if frozen {
                        out.push_str("frozenset(");
                    }
                    out.push('{');
                    self.repr_seq(&items, out, seen)?;
                    out.push('}');
                    if frozen {
                        out.push(')');
                    }
                }
            }
            Data::Range(r) => out.push_str(&r.repr()),
            Data::Function(f) => out.push_str(&format!("<function {}>", f.code.qualname)),
            Data::Builtin(b) => out.push_str(&format!("<built-in function {}>", b.name())),
            Data::Method(m) => out.push_str(&format!(
                "<built-in method {} of {} object>",
                m.name,
                m.receiver.data.type_name()
            )),
            Data::Tool(name) => out.push_str(&format!("<tool {name}>")),
            Data::Unbound => out.push_str("<unbound>"),
            Data::Type(t) => out.push_str(&format!("<class '{}'>", t.name())),
            Data::Model(m) => out.push_str(&format!("<class '__main__.{}'>", m.class.name)),
            Data::Instance(i) => {
                let (name, fields): (std::rc::Rc<str>, Vec<(std::rc::Rc<str>, Value)>) = {
                    let i = i.borrow();
                    (
                        i.class.class.name.clone(),
                        i.fields
                            .iter()
                            .map(|(k, v)| (k.clone(), v.clone()))
                            .collect(),
                    )
                };
                out.push_str(&name);
                out.push('(');
                for (n, (k, v)) in fields.iter().enumerate() {
                    if n > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(k);
                    out.push('=');
                    self.repr_into(&v.data, out, seen)?;
                }
                out.push(')');
            }
            Data::ExcClass(c) => out.push_str(&format!("<class '__main__.{}'>", c.name)),
            Data::Exception(e) => {
                out.push_str(e.type_name());
                out.push('(');
                let args = e.args.clone();
                self.repr_seq(&args, out, seen)?;
                out.push(')');
            }
            Data::Iterator(i) => {
                let (kind, serial) = {
                    let i = i.borrow();
                    (i.kind, i.serial)
                };
                if let Some(items) = self.view_items(i) {
                    out.push_str(kind);
                    out.push_str("([");
                    self.repr_seq(&items, out, seen)?;
                    out.push_str("])");
                } else {
                    // As CPython's, with an address made from the iterator's serial number, so
                    // that a run repeats exactly.
                    let address = 0x7f00_0000_0000_u64 + serial * 0x40;
                    if kind == "generator" {
                        out.push_str(&format!("<generator object <genexpr> at {address:#x}>"));
                    } else {
                        out.push_str(&format!("<{kind} object at {address:#x}>"));
                    }
                }
            }
        }
        Ok(())
    }

    fn repr_seq(
        &mut self,
        items: &[Value],
        out: &mut String,
        seen: &mut crate::value::Path,
    ) -> Eval<()> {
        for (i, v) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.repr_into(&v.data, out, seen)?;
        }
        Ok(())
    }

    /// `format(v, spec)`: the format-spec mini-language of ints, floats and strs; every other
    /// type takes only the empty spec (`object.__format__`).
    pub fn format_value(&mut self, v: &Value, spec: &str) -> Eval<String> {
        if spec.is_empty() {
            return self.str_of(v);
        }
        let max_len = self.limits.max_str_len;
        if let Data::Int(n) = &v.data {
            if let Some(text) = spec::format_small_int(*n, spec, max_len) {
                self.check_str_len(text.len())?;
                return Ok(text);
            }
        }
        let text = match &v.data {
            Data::Int(_) | Data::BigInt(_) | Data::Bool(_) => {
                let i = crate::ops::to_bigint(&v.data).unwrap_or_default();
                spec::format_int(&i, spec, &v.data.type_name(), max_len)
            }
            Data::Float(f) => spec::format_float(*f, spec, max_len),
            Data::Str(s) => spec::format_str(s, spec, max_len),
            _ => {
                return Err(self.type_error(
                    format!(
                        "unsupported format string passed to {}.__format__",
                        v.data.type_name()
                    ),
                    &[],
                ))
            }
        }?;
        self.check_str_len(text.len())?;
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_python() {
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(-2.5), "-2.5");
        assert_eq!(float_repr(123456789.0), "123456789.0");
    }

    #[test]
    fn str_repr_picks_quotes() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\nb"), "'a\\nb'");
        assert_eq!(str_repr("both ' \""), "'both \\' \"'");
    }
}
