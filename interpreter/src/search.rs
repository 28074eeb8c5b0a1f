//! Finding a substring, for the str methods that look for one (`replace`, `split`, `count`,
//! `find`). A plan's strings are mostly short, and the standard library's searcher spends
//! ~300 instructions setting up its two-way tables before it looks at a byte: `replace` on
//! a 35-character line took twice CPython's time. Short needles are found here by their
//! first byte (a loop over a short haystack, `memchr` over a longer one) and a comparison of
//! the rest (at most 8 bytes compared per candidate, so linear in the haystack); longer ones
//! with `memchr::memmem`, linear too.

use compact_str::CompactString;
use memchr::memmem;

/// Needles up to this length are found by their first byte.
const SHORT_NEEDLE: usize = 8;

/// Calls `found` with the byte offset of each occurrence of `needle` in `hay`, left to
/// right and not overlapping, until it returns `false` or there is none left. `needle` is
/// not empty.
pub fn each_match(hay: &str, needle: &str, mut found: impl FnMut(usize) -> bool) {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return;
    };
    if needle.len() > SHORT_NEEDLE {
        for at in memmem::find_iter(hay, needle) {
            if !found(at) {
                return;
            }
        }
        return;
    }
    if rest.is_empty() {
        // One byte (`split(";")`, `count(",")`): every position of it, in one pass.
        if hay.len() < 256 {
            each_byte_in_words(hay, first, found);
        } else {
            for at in memchr::memchr_iter(first, hay) {
                if !found(at) {
                    return;
                }
            }
        }
        return;
    }
    let mut from = 0;
    while let Some(offset) = hay.get(from..).and_then(|h| find_byte(first, h)) {
        let at = from + offset;
        let tail = at + 1;
        if hay.get(tail..tail + rest.len()) == Some(rest) {
            if !found(at) {
                return;
            }
            from = tail + rest.len();
        } else {
            from = tail;
        }
    }
}

/// Calls `found` with each offset of `byte` in `hay` until it returns `false`, eight bytes
/// at a time: a line of a plan's data is a few dozen bytes, where `memchr`'s vector set-up
/// costs more than the search (~180 instructions for a 33-byte line, ~40 this way).
fn each_byte_in_words(hay: &[u8], byte: u8, mut found: impl FnMut(usize) -> bool) {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let pattern = u64::from_ne_bytes([byte; 8]);
    let mut words = hay.chunks_exact(8);
    let mut base = 0;
    for word in words.by_ref() {
        let Ok(bytes) = <[u8; 8]>::try_from(word) else {
            break;
        };
        let x = u64::from_le_bytes(bytes) ^ pattern;
        // The high bit of each byte of `x` that is zero, and of no other (no carries across
        // bytes: each byte's low seven bits are added apart from its high one).
        let mut zeros = !(((x & LOW7) + LOW7) | x | LOW7);
        while zeros != 0 {
            if !found(base + zeros.trailing_zeros() as usize / 8) {
                return;
            }
            zeros &= zeros - 1;
        }
        base += 8;
    }
    for (i, b) in words.remainder().iter().enumerate() {
        if *b == byte && !found(base + i) {
            return;
        }
    }
}

/// Where `byte` first is in `hay`. A plan's strings are mostly a few dozen bytes, where a
/// plain loop ends before `memchr`'s vector set-up has paid for itself.
#[inline(always)]
fn find_byte(byte: u8, hay: &[u8]) -> Option<usize> {
    if hay.len() < 32 {
        hay.iter().position(|b| *b == byte)
    } else {
        memchr::memchr(byte, hay)
    }
}

/// The number of non-overlapping occurrences of a non-empty `needle` in `hay`, up to `max`.
pub fn count(hay: &str, needle: &str, max: usize) -> usize {
    let mut n = 0;
    if max > 0 {
        each_match(hay, needle, |_| {
            n += 1;
            n < max
        });
    }
    n
}

/// The length of `hay` with `n` occurrences of `old` replaced by `new` (saturating).
pub fn replaced_len(hay: &str, old: &str, new: &str, n: usize) -> usize {
    (hay.len() - n * old.len()).saturating_add(n.saturating_mul(new.len()))
}

/// `hay` with its first `n` occurrences of a non-empty `old` replaced by `new`, made at its
/// exact length (inline up to 24 bytes; a long result becomes a str's text without being
/// shrunk); `n` is at most [`count`]'s.
pub fn replace(hay: &str, old: &str, new: &str, n: usize) -> CompactString {
    let mut out = CompactString::with_capacity(replaced_len(hay, old, new, n));
    let mut copied = 0;
    let mut left = n;
    if n > 0 {
        each_match(hay, old, |at| {
            out.push_str(hay.get(copied..at).unwrap_or_default());
            out.push_str(new);
            copied = at + old.len();
            left -= 1;
            left > 0
        });
    }
    out.push_str(hay.get(copied..).unwrap_or_default());
    out
}

/// The first byte offset of a non-empty `needle` in `hay`.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let mut first = None;
    each_match(hay, needle, |at| {
        first = Some(at);
        false
    });
    first
}

/// `hay` split at every occurrence of a non-empty `sep`, at most `max` times from the left.
pub fn split<'a>(hay: &'a str, sep: &str, max: usize) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut from = 0;
    if max > 0 {
        each_match(hay, sep, |at| {
            parts.push(hay.get(from..at).unwrap_or_default());
            from = at + sep.len();
            parts.len() < max
        });
    }
    parts.push(hay.get(from..).unwrap_or_default());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(hay: &str, needle: &str) -> Vec<usize> {
        let mut at = Vec::new();
        each_match(hay, needle, |i| {
            at.push(i);
            true
        });
        at
    }

    #[test]
    fn occurrences_do_not_overlap() {
        assert_eq!(matches("aaaa", "aa"), [0, 2]);
        assert_eq!(matches("aaaaaaaaaaaaaaaaaaaa", "aaaaaaaaa"), [0, 9]);
        assert_eq!(matches("abcabc", "c"), [2, 5]);
        assert_eq!(matches("abc", "abcd"), Vec::<usize>::new());
    }

    #[test]
    fn one_byte_needles_are_found_in_short_and_long_text() {
        let long = "a;".repeat(40);
        assert_eq!(
            matches(&long, ";"),
            (0..40).map(|i| 2 * i + 1).collect::<Vec<_>>()
        );
        assert_eq!(matches("x;y;", ";"), [1, 3]);
        assert_eq!(split(&long, ";", 2), ["a", "a", &long[4..]]);
        assert_eq!(count(&long, ";", 5), 5);
        assert_eq!(find("é;", ";"), Some(2));
    }

    proptest::proptest! {
        /// Every position of a one-byte needle, in texts around the word-at-a-time search's
        /// edges (bytes with the high bit set, lengths not a multiple of eight, past 256).
        #[test]
        fn one_byte_needles_are_every_position(
            hay in proptest::collection::vec(proptest::sample::select(vec!['a', ';', 'é', '\u{ff}', '\0']), 0..300),
            needle in proptest::sample::select(vec![';', 'a', '\0', 'b']),
        ) {
            let hay: String = hay.into_iter().collect();
            let expected: Vec<usize> = hay.bytes().enumerate().filter(|(_, b)| *b == needle as u8).map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(matches(&hay, needle.encode_utf8(&mut [0; 4])), expected);
        }
    }

    #[test]
    fn replace_makes_the_exact_length() {
        let all = |hay, old, new| replace(hay, old, new, count(hay, old, usize::MAX));
        assert_eq!(all("a-b-c", "-", "--"), "a--b--c");
        assert_eq!(replace("a-b-c", "-", "", 1), "ab-c");
        assert_eq!(all("issue-12", "issue-", "#"), "#12");
        assert_eq!(all("abc", "x", "y"), "abc");
        assert_eq!(replace("abc", "b", "y", 0), "abc");
        let out = all("xaxbx", "x", "yy");
        assert_eq!(out, "yyayybyy");
        let hay = "x-".repeat(20);
        let out = all(&hay, "-", "==");
        assert_eq!((out.len(), out.capacity()), (60, 60));
    }

    #[test]
    fn split_keeps_empty_parts() {
        assert_eq!(split(";a;;b;", ";", usize::MAX), ["", "a", "", "b", ""]);
        assert_eq!(split("a::b::c", "::", 1), ["a", "b::c"]);
        assert_eq!(split("abc", ",", usize::MAX), ["abc"]);
    }

    #[test]
    fn multibyte_needles_match_whole_characters() {
        assert_eq!(find("naïve café", "é"), Some(10));
        assert_eq!(count("ééé", "é", usize::MAX), 3);
        assert_eq!(find("abcdefghijklmnop", "hijklmnop"), Some(7));
    }
}
