//! Unicode decimal digits in numbers read by `int()` and `float()`.
//!
//! CPython accepts any character of Unicode category Nd as a digit (`int("١٢")` is 12) and any
//! Unicode whitespace around the number: it first rewrites the text into ASCII, which is what
//! [`to_ascii_number`] does before the ASCII-only parsers run.

use std::borrow::Cow;

/// The zero of every run of ten Unicode decimal digits (Unicode 14, CPython 3.11's database);
/// each run holds the digits 0-9 in order.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The value of a Unicode decimal digit.
fn decimal_value(c: char) -> Option<u32> {
    let code = c as u32;
    let run = DECIMAL_ZEROS.partition_point(|&zero| zero <= code);
    let zero = *DECIMAL_ZEROS.get(run.checked_sub(1)?)?;
    (code - zero < 10).then_some(code - zero)
}

/// `s` with every Unicode decimal digit replaced by its ASCII digit and every other non-ASCII
/// whitespace by a space; any other non-ASCII character stays (and makes the number invalid).
pub fn to_ascii_number(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match decimal_value(c) {
                Some(d) => char::from_digit(d, 10).unwrap_or(c),
                None if c.is_whitespace() => ' ',
                None => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_digits_and_spaces_become_ascii() {
        assert_eq!(to_ascii_number("١٢"), "12");
        assert_eq!(to_ascii_number("\u{3000}７\u{a0}"), " 7 ");
        assert_eq!(to_ascii_number("𝟗.5"), "9.5");
        assert_eq!(to_ascii_number("½"), "½");
        assert_eq!(to_ascii_number("42"), "42");
    }
}
