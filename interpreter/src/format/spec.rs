//! The format-spec mini-language (`format(v, spec)`, `f"{v:spec}"`, `str.format`), as
//! CPython's `Python/formatter_unicode.c`: `[[fill]align][sign][z][#][0][width][grouping]
//! [.precision][type]`, with its validation order and messages.

use super::{float_repr, int_to_decimal};
use crate::error::{err, Eval};
use crate::limits::string_size_exceeded;
use crate::value::*;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// A parsed format spec.
#[derive(Debug)]
pub struct Spec {
    fill: char,
    /// `<`, `>`, `^` or `=`; the type's default when none was written.
    align: char,
    align_given: bool,
    sign: Option<char>,
    no_negative_zero: bool,
    alternate: bool,
    width: usize,
    /// `,` or `_`.
    grouping: Option<char>,
    precision: Option<usize>,
    /// The presentation type; the value type's default when none was written.
    ty: Option<char>,
}

/// Widths and precisions past this are CPython's "Too many decimal digits" (ssize_t).
const MAX_SPEC_NUMBER: u64 = isize::MAX as u64;

impl Spec {
    /// Parses `spec` for a value of type `type_name` whose default alignment is
    /// `default_align` and default presentation `default_type`.
    fn parse(
        spec: &str,
        type_name: &str,
        default_align: char,
        default_type: Option<char>,
    ) -> Eval<Spec> {
        let chars: Vec<char> = spec.chars().collect();
        let mut s = Spec {
            fill: ' ',
            align: default_align,
            align_given: false,
            sign: None,
            no_negative_zero: false,
            alternate: false,
            width: 0,
            grouping: None,
            precision: None,
            ty: default_type,
        };
        let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
        let mut i = 0;
        let mut fill_given = false;
        match chars.as_slice() {
            [fill, align, ..] if is_align(*align) => {
                (s.fill, s.align, fill_given, s.align_given) = (*fill, *align, true, true);
                i = 2;
            }
            [align, ..] if is_align(*align) => {
                (s.align, s.align_given) = (*align, true);
                i = 1;
            }
            _ => {}
        }
        let at = |i: usize, c: char| chars.get(i) == Some(&c);
        if let Some(&c @ ('+' | '-' | ' ')) = chars.get(i) {
            s.sign = Some(c);
            i += 1;
        }
        if at(i, 'z') {
            s.no_negative_zero = true;
            i += 1;
        }
        if at(i, '#') {
            s.alternate = true;
            i += 1;
        }
        if !fill_given && at(i, '0') {
            s.fill = '0';
            if !s.align_given && default_align == '>' {
                s.align = '=';
            }
            i += 1;
        }
        if let Some(width) = read_number(&chars, &mut i)? {
            s.width = width;
        }
        if at(i, ',') {
            s.grouping = Some(',');
            i += 1;
        }
        if at(i, '_') {
            if s.grouping.is_some() {
                return err(ExcKind::ValueError, "Cannot specify both ',' and '_'.");
            }
            s.grouping = Some('_');
            i += 1;
        }
        if at(i, ',') && s.grouping == Some('_') {
            return err(ExcKind::ValueError, "Cannot specify both ',' and '_'.");
        }
        if at(i, '.') {
            i += 1;
            match read_number(&chars, &mut i)? {
                Some(p) => s.precision = Some(p),
                None => return err(ExcKind::ValueError, "Format specifier missing precision"),
            }
        }
        if chars.len() - i > 1 {
            return err(
                ExcKind::ValueError,
                format!("Invalid format specifier '{spec}' for object of type '{type_name}'"),
            );
        }
        if let Some(&c) = chars.get(i) {
            s.ty = Some(c);
        }
        if let Some(sep) = s.grouping {
            match s.ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
                Some('b' | 'o' | 'x' | 'X') if sep == '_' => {}
                Some(other) => {
                    return err(
                        ExcKind::ValueError,
                        format!("Cannot specify '{sep}' with {}.", quoted_code(other)),
                    )
                }
            }
        }
        Ok(s)
    }

    /// Refuses a width that would make a string past the string limit.
    fn check_size(&self, max_len: u64) -> Eval<()> {
        check_len(self.width, max_len)
    }

    fn unknown_code(&self, type_name: &str) -> Eval<String> {
        err(
            ExcKind::ValueError,
            format!(
                "Unknown format code {} for object of type '{type_name}'",
                quoted_code(self.ty.unwrap_or('s'))
            ),
        )
    }

    /// Writes `body` padded to the width with the fill, by the alignment (`=` is handled
    /// by the number layout).
    fn pad(&self, body: &str, len: usize) -> String {
        let padding = self.width.saturating_sub(len);
        let fills = |n: usize| std::iter::repeat_n(self.fill, n).collect::<String>();
        match self.align {
            '<' => format!("{body}{}", fills(padding)),
            '^' => format!(
                "{}{body}{}",
                fills(padding / 2),
                fills(padding - padding / 2)
            ),
            _ => format!("{}{body}", fills(padding)),
        }
    }

    fn sign_of(&self, negative: bool) -> &'static str {
        match (negative, self.sign) {
            (true, _) => "-",
            (false, Some('+')) => "+",
            (false, Some(' ')) => " ",
            _ => "",
        }
    }

    /// Lays a number out: sign, prefix, the integer digits grouped (and zero-filled to the
    /// width under `=` with a `0` fill, separators included), then `rest` (the point,
    /// fraction, exponent or `%`, or the character of `c`).
    fn number(&self, sign: &str, prefix: &str, digits: &str, rest: &str) -> String {
        let leading = sign.chars().count() + prefix.len();
        let min_width = if self.fill == '0' && self.align == '=' {
            self.width as isize - leading as isize - rest.chars().count() as isize
        } else {
            0
        };
        let every = if matches!(self.ty, Some('b' | 'o' | 'x' | 'X')) {
            4
        } else {
            3
        };
        let grouped = if digits.is_empty() {
            String::new()
        } else {
            group_digits(digits, self.grouping, every, min_width)
        };
        let len = leading + grouped.chars().count() + rest.chars().count();
        if self.align == '=' {
            let padding = self.width.saturating_sub(len);
            let fills: String = std::iter::repeat_n(self.fill, padding).collect();
            return format!("{sign}{prefix}{fills}{grouped}{rest}");
        }
        self.pad(&format!("{sign}{prefix}{grouped}{rest}"), len)
    }
}

fn check_len(len: usize, max_len: u64) -> Eval<()> {
    if len as u64 > max_len {
        return Err(string_size_exceeded(len as u128, max_len));
    }
    Ok(())
}

/// A presentation type as CPython quotes it in messages: `'x'`, or `'\x1'` when it is not
/// printable ASCII.
fn quoted_code(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{:x}'", c as u32)
    }
}

/// Reads a run of digits at `i` (a width or precision); `None` when there is none.
fn read_number(chars: &[char], i: &mut usize) -> Eval<Option<usize>> {
    let start = *i;
    let mut n: u64 = 0;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        if n > (MAX_SPEC_NUMBER - d as u64) / 10 {
            return err(
                ExcKind::ValueError,
                "Too many decimal digits in format string",
            );
        }
        n = n * 10 + d as u64;
        *i += 1;
    }
    Ok((*i > start).then_some(n as usize))
}

/// Groups `digits` from the right, `every` digits a group, and zero-fills them (separators
/// included) until they are `min_width` long: CPython's `_PyUnicode_InsertThousandsGrouping`.
fn group_digits(digits: &str, sep: Option<char>, every: usize, min_width: isize) -> String {
    let digits: Vec<char> = digits.chars().collect();
    let Some(sep) = sep else {
        let zeros = (min_width.max(0) as usize).saturating_sub(digits.len());
        return std::iter::repeat_n('0', zeros).chain(digits).collect();
    };
    // Built from the right, reversed at the end.
    let mut out: Vec<char> = Vec::new();
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width;
    let every = every as isize;
    loop {
        let group = every.min(remaining.max(min_width).max(1));
        let zeros = (group - remaining).max(0);
        let taken = remaining.min(group).max(0);
        if !out.is_empty() {
            out.push(sep);
        }
        // The `taken` digits left of those already placed, rightmost first.
        let left = digits.get(..remaining.max(0) as usize).unwrap_or_default();
        out.extend(left.iter().rev().take(taken as usize));
        out.extend(std::iter::repeat_n('0', zeros as usize));
        remaining -= taken;
        min_width -= group;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    out.reverse();
    out.into_iter().collect()
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &str, max_len: u64) -> Eval<String> {
    let spec = Spec::parse(spec, "str", '<', Some('s'))?;
    spec.check_size(max_len)?;
    if spec.ty != Some('s') {
        return spec.unknown_code("str");
    }
    let refusal = match spec.sign {
        Some(' ') => Some("Space not allowed in string format specifier"),
        Some(_) => Some("Sign not allowed in string format specifier"),
        None if spec.no_negative_zero => {
            Some("Negative zero coercion (z) not allowed in string format specifier")
        }
        None if spec.alternate => Some("Alternate form (#) not allowed in string format specifier"),
        None if spec.align == '=' => Some("'=' alignment not allowed in string format specifier"),
        None => None,
    };
    if let Some(message) = refusal {
        return err(ExcKind::ValueError, message);
    }
    let text = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((cut, _)) => &s[..cut],
            None => s,
        },
        None => s,
    };
    Ok(spec.pad(text, text.chars().count()))
}

/// `format(i, spec)` for an int (`type_name` is `int` or `bool`).
/// `format(n, spec)` for an int of 64 bits and the specs plans write most (`d`, `5`, `05d`:
/// an optional `0` flag, a width of at most three digits, an optional `d`), as
/// `format_int` writes it; `None` for any other spec (or a width past `max_len`, whose error
/// `format_int` gives).
pub fn format_small_int(n: i64, spec: &str, max_len: u64) -> Option<String> {
    let bytes = spec.as_bytes();
    let (zero, rest) = match bytes {
        [b'0', rest @ ..] => (true, rest),
        _ => (false, bytes),
    };
    let digits = match rest {
        [digits @ .., b'd'] => digits,
        digits => digits,
    };
    if digits.len() > 3 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let width = digits
        .iter()
        .fold(0usize, |w, d| w * 10 + usize::from(d - b'0'));
    if width as u64 > max_len {
        return None;
    }
    let magnitude = n.unsigned_abs().to_string();
    let sign = if n < 0 { "-" } else { "" };
    let padding = width.saturating_sub(sign.len() + magnitude.len());
    let mut out = String::with_capacity(padding + sign.len() + magnitude.len());
    if zero {
        // `0` puts the padding between the sign and the digits (`=` alignment).
        out.push_str(sign);
        out.extend(std::iter::repeat_n('0', padding));
    } else {
        // Numbers align right.
        out.extend(std::iter::repeat_n(' ', padding));
        out.push_str(sign);
    }
    out.push_str(&magnitude);
    Some(out)
}

pub fn format_int(i: &BigInt, spec: &str, type_name: &str, max_len: u64) -> Eval<String> {
    let spec = Spec::parse(spec, type_name, '>', Some('d'))?;
    spec.check_size(max_len)?;
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return float_with_spec(crate::ops::bigint_to_f64(i)?, &spec, max_len)
        }
        _ => return spec.unknown_code(type_name),
    }
    if spec.precision.is_some() {
        return err(
            ExcKind::ValueError,
            "Precision not allowed in integer format specifier",
        );
    }
    if spec.no_negative_zero {
        return err(
            ExcKind::ValueError,
            "Negative zero coercion (z) not allowed in integer format specifier",
        );
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return err(
                ExcKind::ValueError,
                "Sign not allowed with integer format specifier 'c'",
            );
        }
        if spec.alternate {
            return err(
                ExcKind::ValueError,
                "Alternate form (#) not allowed with integer format specifier 'c'",
            );
        }
        if i.to_i64().is_none() {
            return err(
                ExcKind::OverflowError,
                "Python int too large to convert to C long",
            );
        }
        let c = i.to_u32().and_then(char::from_u32).map_or_else(
            || err(ExcKind::OverflowError, "%c arg not in range(0x110000)"),
            Ok,
        )?;
        return Ok(spec.number("", "", "", &c.to_string()));
    }
    let abs = i.abs();
    let (digits, prefix) = match ty {
        'b' => (abs.to_str_radix(2), "0b"),
        'o' => (abs.to_str_radix(8), "0o"),
        'x' => (abs.to_str_radix(16), "0x"),
        'X' => (abs.to_str_radix(16).to_uppercase(), "0X"),
        _ => (int_to_decimal(&abs)?, ""),
    };
    let prefix = if spec.alternate { prefix } else { "" };
    Ok(spec.number(spec.sign_of(i.is_negative()), prefix, &digits, ""))
}

/// `format(f, spec)` for a float.
pub fn format_float(f: f64, spec: &str, max_len: u64) -> Eval<String> {
    let spec = Spec::parse(spec, "float", '>', None)?;
    spec.check_size(max_len)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            float_with_spec(f, &spec, max_len)
        }
        Some(_) => spec.unknown_code("float"),
    }
}

fn float_with_spec(f: f64, spec: &Spec, max_len: u64) -> Eval<String> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return err(ExcKind::ValueError, "precision too big");
    }
    check_len(spec.precision.unwrap_or(0), max_len)?;
    let ty = spec.ty;
    let value = if ty == Some('%') { f * 100.0 } else { f };
    let mut negative = value.is_sign_negative() && !value.is_nan();
    let a = value.abs();
    let body = if a.is_nan() || a.is_infinite() {
        let word = if a.is_nan() { "nan" } else { "inf" };
        if matches!(ty, Some('E' | 'F' | 'G')) {
            word.to_uppercase()
        } else {
            word.to_string()
        }
    } else {
        match (ty, spec.precision) {
            (None, None) => {
                let repr = float_repr(a);
                match repr.split_once('e') {
                    // `#` keeps a point in the mantissa.
                    Some((mantissa, exp)) if spec.alternate && !mantissa.contains('.') => {
                        format!("{mantissa}.e{exp}")
                    }
                    _ => repr,
                }
            }
            (None, Some(p)) => general(a, p, spec.alternate, true),
            (Some('%'), p) => float_digits(a, 'f', p.unwrap_or(6), spec.alternate),
            (Some('n'), p) => float_digits(a, 'g', p.unwrap_or(6), spec.alternate),
            (Some(t), p) => float_digits(a, t, p.unwrap_or(6), spec.alternate),
        }
    };
    if spec.no_negative_zero
        && negative
        && a.is_finite()
        && !body.chars().any(|c| matches!(c, '1'..='9'))
    {
        negative = false;
    }
    let suffix = if ty == Some('%') { "%" } else { "" };
    // The digits before the point or exponent are grouped; the rest follows as is.
    let end = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, rest) = if body.starts_with(|c: char| c.is_ascii_digit()) {
        body.split_at(end)
    } else {
        ("", body.as_str())
    };
    Ok(spec.number(
        spec.sign_of(negative),
        "",
        digits,
        &format!("{rest}{suffix}"),
    ))
}

/// A finite, non-negative float in one of the presentations `e E f F g G` with a precision,
/// as C's printf writes it (`alternate`: the `#` flag keeps the point and `g`'s zeros).
/// Shared by format specs and %-formatting.
pub(crate) fn float_digits(a: f64, ty: char, precision: usize, alternate: bool) -> String {
    match ty {
        'f' | 'F' => {
            let mut s = format!("{:.*}", precision, a);
            if alternate && precision == 0 {
                s.push('.');
            }
            s
        }
        'e' => sci(a, precision, alternate),
        'E' => sci(a, precision, alternate).to_uppercase(),
        'G' => general(a, precision, alternate, false).to_uppercase(),
        _ => general(a, precision, alternate, false),
    }
}

/// `{:.{p}e}` in Python's layout (two-digit exponent at least).
fn sci(a: f64, precision: usize, alternate: bool) -> String {
    let s = format!("{:.*e}", precision, a);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mant = if alternate && precision == 0 {
        format!("{mant}.")
    } else {
        mant.to_string()
    };
    format!("{mant}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// The `g` presentation. `no_type` is a precision with no type letter: like `g`, but it
/// switches to an exponent one digit sooner and keeps a `.0` on whole numbers (CPython's
/// `Py_DTSF_ADD_DOT_0`).
fn general(a: f64, precision: usize, alternate: bool, no_type: bool) -> String {
    let p = precision.max(1);
    // The decimal exponent after rounding to p significant digits.
    let exp: i32 = if a == 0.0 {
        0
    } else {
        let s = format!("{:.*e}", p - 1, a);
        s.split_once('e')
            .and_then(|(_, e)| e.parse().ok())
            .unwrap_or(0)
    };
    let last_fixed = if no_type { p as i32 - 1 } else { p as i32 };
    let mut out = if exp >= -4 && exp < last_fixed {
        let mut fixed = format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, a);
        if alternate && !fixed.contains('.') {
            fixed.push('.');
        }
        fixed
    } else {
        sci(a, p - 1, alternate)
    };
    if !alternate {
        // Strip trailing zeros of the fraction.
        let (num, exp_part) = match out.find('e') {
            Some(i) => (out[..i].to_string(), out[i..].to_string()),
            None => (out.clone(), String::new()),
        };
        let num = if num.contains('.') {
            num.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            num
        };
        out = format!("{num}{exp_part}");
    }
    if no_type && !out.contains('.') && !out.contains('e') {
        out.push_str(".0");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_int_specs_format_as_the_general_path() {
        let specs = [
            "d", "0", "00", "0d", "5", "5d", "05", "05d", "010d", "1", "3", "20d", "099", "999",
            "1000", "+5d", "<5", "5x", ",d", "5,", "x", "d5", " 5",
        ];
        let numbers = [0, 7, -7, 42, -42, 99999, -100000, i64::MAX, i64::MIN];
        for spec in specs {
            for n in numbers {
                let general = format_int(&BigInt::from(n), spec, "int", 1 << 20).ok();
                if let Some(fast) = format_small_int(n, spec, 1 << 20) {
                    assert_eq!(Some(fast), general, "{n:?} {spec:?}");
                }
            }
        }
        assert_eq!(
            format_small_int(-42, "05d", 1 << 20).as_deref(),
            Some("-0042")
        );
        assert_eq!(
            format_small_int(-42, "5", 1 << 20).as_deref(),
            Some("  -42")
        );
        assert_eq!(format_small_int(1, "+5d", 1 << 20), None);
        assert_eq!(format_small_int(1, "50", 10), None);
    }

    #[test]
    fn zero_fill_groups_the_padding_too() {
        assert_eq!(
            format_int(&BigInt::from(-42), "08,", "int", 1 << 20).ok(),
            Some("-000,042".into())
        );
        assert_eq!(
            format_float(1234.5, "015,.2f", 1 << 20).ok(),
            Some("0,000,001,234.50".into())
        );
        assert_eq!(
            format_int(&BigInt::from(255), "#010_x", "int", 1 << 20).ok(),
            Some("0x000_00ff".into())
        );
    }

    #[test]
    fn no_type_with_a_precision_is_g_that_keeps_a_point() {
        assert_eq!(
            format_float(123456.0, ".3", 1 << 20).ok(),
            Some("1.23e+05".into())
        );
        assert_eq!(format_float(12.0, ".3", 1 << 20).ok(), Some("12.0".into()));
        assert_eq!(format_float(1.0, ".0", 1 << 20).ok(), Some("1e+00".into()));
    }
}
