//! `template % args`: printf-style formatting, as CPython's `PyUnicode_Format`.
//!
//! A tuple is the argument list; a dict, list or range (anything CPython counts as a
//! mapping, except a tuple or a str) also serves `%(key)s` lookups; any other value is the
//! single argument. The caller derives the result from the template and the whole `args`
//! value, so its label joins every argument's full label.

use super::{ascii_escape, float_digits, int_to_decimal};
use crate::error::{err, Eval};
use crate::eval::Machine;
use crate::ops::{bigint_to_f64, to_bigint};
use crate::value::*;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive};

/// Formats `template % args`.
pub fn percent_format(m: &mut Machine, template: &str, args: &Value) -> Eval<String> {
    let mut state = Arguments::new(args);
    let mut out = String::with_capacity(template.len());
    let mut cursor = Cursor {
        text: template,
        byte: 0,
        index: 0,
    };
    while let Some(c) = cursor.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        if cursor.peek() == Some('%') {
            cursor.next();
            out.push('%');
            continue;
        }
        let conversion = parse_conversion(m, &mut cursor, &mut state)?;
        let value = state.next()?;
        let (text, numeric) = convert(m, &conversion, &value)?;
        write_padded(m, &mut out, &conversion, &text, numeric)?;
        guard_len(m, out.len())?;
    }
    if state.unused() {
        return err(
            ExcKind::TypeError,
            "not all arguments converted during string formatting",
        );
    }
    m.check_str_len(out.len())?;
    Ok(out)
}

/// Reads the template a character at a time, counting characters for error messages.
struct Cursor<'a> {
    text: &'a str,
    byte: usize,
    index: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.byte..].chars().next()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.byte += c.len_utf8();
        self.index += 1;
        Some(c)
    }

    /// The next character, or CPython's error for a template that ends inside a conversion.
    fn expect(&mut self) -> Eval<char> {
        match self.next() {
            Some(c) => Ok(c),
            None => err(ExcKind::ValueError, "incomplete format"),
        }
    }
}

/// The values conversions take, in order: CPython's `args`/`arglen`/`argidx`.
struct Arguments {
    /// What the next conversion reads: the tuple's items, or one value.
    current: Vec<Value>,
    /// Whether `current` came from a tuple (every item must be used).
    is_tuple: bool,
    next: usize,
    /// The mapping `%(key)s` looks keys up in.
    mapping: Option<Value>,
}

impl Arguments {
    fn new(args: &Value) -> Arguments {
        let mapping = matches!(args.data, Data::Dict(_) | Data::List(_) | Data::Range(_))
            .then(|| args.clone());
        match &args.data {
            Data::Tuple(t) => Arguments {
                current: t.items.clone(),
                is_tuple: true,
                next: 0,
                mapping,
            },
            _ => Arguments {
                current: vec![args.clone()],
                is_tuple: false,
                next: 0,
                mapping,
            },
        }
    }

    fn next(&mut self) -> Eval<Value> {
        match self.current.get(self.next) {
            Some(v) => {
                self.next += 1;
                Ok(v.clone())
            }
            None => err(ExcKind::TypeError, "not enough arguments for format string"),
        }
    }

    /// `%(key)`: from now on the looked-up value is the single argument.
    fn select(&mut self, value: Value) {
        self.current = vec![value];
        self.is_tuple = false;
        self.next = 0;
    }

    /// True when some argument was never used (a mapping's keys need not all be).
    fn unused(&self) -> bool {
        self.mapping.is_none() && self.next < self.current.len()
    }
}

/// One `%[(key)][flags][width][.precision]type` conversion.
#[derive(Default)]
struct Conversion {
    left: bool,
    plus: bool,
    blank: bool,
    alternate: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
    kind: char,
}

/// Parses a conversion after its `%`, taking `*` widths and precisions from the arguments.
fn parse_conversion(
    m: &mut Machine,
    cursor: &mut Cursor,
    args: &mut Arguments,
) -> Eval<Conversion> {
    let mut conv = Conversion::default();
    let mut c = cursor.expect()?;
    if c == '(' {
        let Some(mapping) = args.mapping.clone() else {
            return err(ExcKind::TypeError, "format requires a mapping");
        };
        let start = cursor.byte;
        let mut depth = 1;
        while depth > 0 {
            match cursor.next() {
                Some(')') => depth -= 1,
                Some('(') => depth += 1,
                Some(_) => {}
                None => return err(ExcKind::ValueError, "incomplete format key"),
            }
        }
        let key = Value::program(Data::str(&cursor.text[start..cursor.byte - 1]));
        let text = m.pos_text();
        let value = m.get_item(&mapping, &key, &text)?;
        args.select(value);
        c = cursor.expect()?;
    }
    loop {
        match c {
            '-' => conv.left = true,
            '+' => conv.plus = true,
            ' ' => conv.blank = true,
            '#' => conv.alternate = true,
            '0' => conv.zero = true,
            _ => break,
        }
        c = cursor.expect()?;
    }
    if c == '*' {
        let width = star_argument(args, true)?;
        if width < 0 {
            conv.left = true;
        }
        conv.width = width.unsigned_abs() as usize;
        c = cursor.expect()?;
    } else if c.is_ascii_digit() {
        let (width, after) = read_number(cursor, c, "width too big", isize::MAX as u64)?;
        conv.width = width as usize;
        c = after;
    }
    if c == '.' {
        c = cursor.expect()?;
        if c == '*' {
            conv.precision = Some(star_argument(args, false)?.max(0) as usize);
            c = cursor.expect()?;
        } else if c.is_ascii_digit() {
            let (precision, after) = read_number(cursor, c, "precision too big", i32::MAX as u64)?;
            conv.precision = Some(precision as usize);
            c = after;
        } else {
            conv.precision = Some(0);
        }
    }
    // C's length modifiers mean nothing here.
    if matches!(c, 'h' | 'l' | 'L') {
        c = cursor.expect()?;
    }
    guard_len(m, conv.width)?;
    guard_len(m, conv.precision.unwrap_or(0))?;
    conv.kind = c;
    if !matches!(
        c,
        's' | 'r'
            | 'a'
            | 'd'
            | 'i'
            | 'u'
            | 'o'
            | 'x'
            | 'X'
            | 'e'
            | 'E'
            | 'f'
            | 'F'
            | 'g'
            | 'G'
            | 'c'
    ) {
        // CPython takes the argument before it looks at the type.
        args.next()?;
        let shown = if (' '..='~').contains(&c) { c } else { '?' };
        return err(
            ExcKind::ValueError,
            format!(
                "unsupported format character '{shown}' (0x{:x}) at index {}",
                c as u32,
                cursor.index - 1
            ),
        );
    }
    Ok(conv)
}

/// Reads the digits of a width or precision that starts with `first`; returns the number and
/// the character after it.
fn read_number(cursor: &mut Cursor, first: char, too_big: &str, max: u64) -> Eval<(u64, char)> {
    let mut n = first as u64 - '0' as u64;
    loop {
        let c = cursor.expect()?;
        let Some(digit) = c.to_digit(10) else {
            return Ok((n, c));
        };
        if n > (max - digit as u64) / 10 {
            return err(ExcKind::ValueError, too_big.to_string());
        }
        n = n * 10 + digit as u64;
    }
}

/// A `*` width or precision: the next argument, which must be an int.
fn star_argument(args: &mut Arguments, width: bool) -> Eval<i64> {
    let v = args.next()?;
    let Some(n) = to_bigint(&v.data) else {
        return err(ExcKind::TypeError, "* wants int");
    };
    match n.to_i64().filter(|n| width || i32::try_from(*n).is_ok()) {
        Some(n) => Ok(n),
        None if width => err(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        ),
        None => err(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        ),
    }
}

/// Refuses a width, precision or result longer than the string limit before it is built.
fn guard_len(m: &mut Machine, len: usize) -> Eval<()> {
    if len as u64 > m.limits.max_str_len {
        m.check_str_len(len)?;
    }
    Ok(())
}

/// The text of one argument, and whether it is a number (whose sign the flags and zero
/// padding act on).
fn convert(m: &mut Machine, conv: &Conversion, v: &Value) -> Eval<(String, bool)> {
    match conv.kind {
        's' => Ok((m.str_of(v)?, false)),
        'r' => Ok((m.repr(v)?, false)),
        'a' => Ok((ascii_escape(&m.repr(v)?), false)),
        'c' => Ok((char_of(v)?.to_string(), false)),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => Ok((float_text(conv, v)?, true)),
        _ => Ok((int_text(conv, v)?, true)),
    }
}

/// `%c`: an int code point or a one-character string.
fn char_of(v: &Value) -> Eval<char> {
    let code = match &v.data {
        Data::Str(s) => {
            let mut chars = s.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                return Ok(c);
            }
            return err(ExcKind::TypeError, "%c requires int or char");
        }
        Data::Int(_) | Data::BigInt(_) | Data::Bool(_) => to_bigint(&v.data).unwrap_or_default(),
        _ => return err(ExcKind::TypeError, "%c requires int or char"),
    };
    code.to_u32().and_then(char::from_u32).map_or_else(
        || err(ExcKind::OverflowError, "%c arg not in range(0x110000)"),
        Ok,
    )
}

/// `%d %i %u %o %x %X`: an int (or a float, truncated, for the decimal ones), with the
/// precision as a minimum number of digits and `#` adding the base's prefix.
fn int_text(conv: &Conversion, v: &Value) -> Eval<String> {
    let decimal = matches!(conv.kind, 'd' | 'i' | 'u');
    let n = match &v.data {
        Data::Int(_) | Data::BigInt(_) | Data::Bool(_) => to_bigint(&v.data).unwrap_or_default(),
        Data::Float(f) if decimal => float_to_int(*f)?,
        other => {
            let wanted = if decimal {
                "a real number"
            } else {
                "an integer"
            };
            return err(
                ExcKind::TypeError,
                format!(
                    "%{} format: {wanted} is required, not {}",
                    conv.kind,
                    other.type_name()
                ),
            );
        }
    };
    let (digits, prefix) = match conv.kind {
        'o' => (n.abs().to_str_radix(8), "0o"),
        'x' => (n.abs().to_str_radix(16), "0x"),
        'X' => (n.abs().to_str_radix(16).to_uppercase(), "0X"),
        _ => (int_to_decimal(&n.abs())?, ""),
    };
    let mut text = String::new();
    if n.is_negative() {
        text.push('-');
    }
    if conv.alternate {
        text.push_str(prefix);
    }
    let precision = conv.precision.unwrap_or(0);
    if precision > digits.len() {
        text.extend(std::iter::repeat_n('0', precision - digits.len()));
    }
    text.push_str(&digits);
    Ok(text)
}

/// `int(f)` for `%d` of a float.
fn float_to_int(f: f64) -> Eval<BigInt> {
    if f.is_nan() {
        return err(ExcKind::ValueError, "cannot convert float NaN to integer");
    }
    match BigInt::from_f64(f.trunc()) {
        Some(n) => Ok(n),
        None => err(
            ExcKind::OverflowError,
            "cannot convert float infinity to integer",
        ),
    }
}

/// `%e %E %f %F %g %G`: any real number, as C's printf writes it (precision 6 by default).
fn float_text(conv: &Conversion, v: &Value) -> Eval<String> {
    let f = match &v.data {
        Data::Float(f) => *f,
        Data::Int(_) | Data::BigInt(_) | Data::Bool(_) => {
            bigint_to_f64(&to_bigint(&v.data).unwrap_or_default())?
        }
        other => {
            return err(
                ExcKind::TypeError,
                format!("must be real number, not {}", other.type_name()),
            )
        }
    };
    let sign = if f.is_sign_negative() && !f.is_nan() {
        "-"
    } else {
        ""
    };
    let upper = conv.kind.is_ascii_uppercase();
    let body = if f.is_nan() || f.is_infinite() {
        let word = if f.is_nan() { "nan" } else { "inf" };
        if upper {
            word.to_uppercase()
        } else {
            word.to_string()
        }
    } else {
        float_digits(
            f.abs(),
            conv.kind,
            conv.precision.unwrap_or(6),
            conv.alternate,
        )
    };
    Ok(format!("{sign}{body}"))
}

/// Writes `text` with the conversion's width, flags and (for strings) precision, as
/// CPython's `unicode_format_arg_output`: a number's sign goes before zero padding, and so
/// does the `#` prefix of `%o %x %X`.
fn write_padded(
    m: &mut Machine,
    out: &mut String,
    conv: &Conversion,
    text: &str,
    numeric: bool,
) -> Eval<()> {
    let mut body = text;
    if matches!(conv.kind, 's' | 'r' | 'a') {
        if let Some(p) = conv.precision {
            if let Some((cut, _)) = body.char_indices().nth(p) {
                body = &body[..cut];
            }
        }
    }
    let mut sign = None;
    if numeric {
        if let Some(c @ ('-' | '+')) = body.chars().next() {
            sign = Some(c);
            body = &body[1..];
        } else if conv.plus {
            sign = Some('+');
        } else if conv.blank {
            sign = Some(' ');
        }
    }
    let mut prefix = "";
    if conv.alternate && matches!(conv.kind, 'o' | 'x' | 'X') {
        prefix = &body[..2];
        body = &body[2..];
    }
    let len = sign.map_or(0, |_| 1) + prefix.len() + body.chars().count();
    let padding = conv.width.saturating_sub(len);
    guard_len(m, out.len() + len + padding)?;
    let zero_fill = numeric && conv.zero && !conv.left;
    if !conv.left && !zero_fill {
        out.extend(std::iter::repeat_n(' ', padding));
    }
    out.extend(sign);
    out.push_str(prefix);
    if zero_fill {
        out.extend(std::iter::repeat_n('0', padding));
    }
    out.push_str(body);
    if conv.left {
        out.extend(std::iter::repeat_n(' ', padding));
    }
    Ok(())
}
