//! Integers beyond 64 bits in a tool's JSON, kept exact.
//!
//! serde_json (without `arbitrary_precision`, which would change every number in the
//! workspace) reads an integer that fits neither `i64` nor `u64` as the nearest double:
//! `123456789012345678901234567890` became `1.2345678901234568e29` in the plan, in the record
//! and in the policy input, where it no longer equals the trusted value the user gave.
//! So before parsing, such an integer literal is rewritten as its decimal string: the same
//! convention by which Bactrian passes a plan's big ints *to* tools.

use std::borrow::Cow;

/// `json` with every integer literal beyond 64 bits turned into a string of its digits;
/// borrowed unchanged when there is none. Strings and non-integers are left alone; text that
/// is not JSON stays as broken as it was, for the parser to report.
pub fn big_integers_as_strings(json: &[u8]) -> Cow<'_, [u8]> {
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(&byte) = json.get(i) {
        match byte {
            b'"' => i = string_end(json, i + 1),
            b'-' | b'0'..=b'9' => {
                let start = i;
                let end = json
                    .iter()
                    .skip(start + 1)
                    .position(|b| !matches!(b, b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-'))
                    .map_or(json.len(), |n| start + 1 + n);
                let token = json.get(start..end).unwrap_or_default();
                if is_big_integer(token) {
                    let buffer = out.get_or_insert_with(|| Vec::with_capacity(json.len() + 16));
                    buffer.extend_from_slice(json.get(copied..start).unwrap_or_default());
                    buffer.push(b'"');
                    buffer.extend_from_slice(token);
                    buffer.push(b'"');
                    copied = end;
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    match out {
        None => Cow::Borrowed(json),
        Some(mut buffer) => {
            buffer.extend_from_slice(json.get(copied..).unwrap_or_default());
            Cow::Owned(buffer)
        }
    }
}

/// The index just past the string whose contents start at `i` (or the end of the text).
fn string_end(json: &[u8], mut i: usize) -> usize {
    while let Some(&byte) = json.get(i) {
        match byte {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    json.len()
}

/// An integer literal (an optional `-`, then digits only) that fits neither `i64` nor `u64`.
fn is_big_integer(token: &[u8]) -> bool {
    let digits = token.strip_prefix(b"-").unwrap_or(token);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let Ok(text) = std::str::from_utf8(token) else {
        return false;
    };
    text.parse::<i64>().is_err() && text.parse::<u64>().is_err()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn converted(json: &str) -> String {
        String::from_utf8(big_integers_as_strings(json.as_bytes()).into_owned()).unwrap()
    }

    #[test]
    fn only_integers_beyond_64_bits_become_strings() {
        assert_eq!(
            converted(
                r#"{"a": 123456789012345678901234567890, "b": [-99999999999999999999, 18446744073709551615, -9223372036854775808, 1.5e300, 12345678901234567890123.0]}"#
            ),
            r#"{"a": "123456789012345678901234567890", "b": ["-99999999999999999999", 18446744073709551615, -9223372036854775808, 1.5e300, 12345678901234567890123.0]}"#
        );
    }

    #[test]
    fn strings_are_left_alone() {
        let json =
            r#"{"s": "123456789012345678901234567890 \" 99999999999999999999999", "t": "\\"}"#;
        assert!(matches!(
            big_integers_as_strings(json.as_bytes()),
            Cow::Borrowed(_)
        ));
    }
}
