//! Python's character classes and case mappings, as CPython 3.11's `str` methods define them
//! (`isspace`, `isdigit`, `title`, `casefold`, ...): general categories from the
//! unicode-general-category crate, the rest from tables generated from CPython's unicodedata.

mod tables;

use unicode_general_category::{get_general_category, GeneralCategory as G};

fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let n = c as u32;
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < n {
                std::cmp::Ordering::Less
            } else if lo > n {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `str.isspace` (and what `split()` and `strip()` split and strip on).
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | '\x1c'..=' ');
    }
    in_ranges(c, tables::SPACE)
}

pub fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && get_general_category(c) == G::DecimalNumber)
}

pub fn is_digit(c: char) -> bool {
    is_decimal(c) || in_ranges(c, tables::DIGIT_NOT_DECIMAL)
}

pub fn is_numeric(c: char) -> bool {
    matches!(
        get_general_category(c),
        G::DecimalNumber | G::LetterNumber | G::OtherNumber
    ) || in_ranges(c, tables::NUMERIC_NOT_NUMBER)
}

pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(
        get_general_category(c),
        G::UppercaseLetter
            | G::LowercaseLetter
            | G::TitlecaseLetter
            | G::ModifierLetter
            | G::OtherLetter
    )
}

pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// Printable as `repr` and `isprintable` mean it: not a control, format, private-use,
/// unassigned or separator character, except the space.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !matches!(
        get_general_category(c),
        G::Control
            | G::Format
            | G::Surrogate
            | G::PrivateUse
            | G::Unassigned
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::SpaceSeparator
    )
}

pub fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && get_general_category(c) == G::TitlecaseLetter
}

/// Cased: upper, lower or title case.
pub fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_titlecase(c)
}

/// Case-ignorable (marks, format characters, modifiers, and the apostrophes and dots that
/// sit inside words): skipped when deciding whether a sigma ends a word.
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.' | ':' | '^' | '`' | '\u{b7}' | '\u{2018}' | '\u{2019}' | '\u{2024}'
    ) || (!c.is_ascii()
        && matches!(
            get_general_category(c),
            G::NonspacingMark
                | G::EnclosingMark
                | G::Format
                | G::ModifierLetter
                | G::ModifierSymbol
        ))
}

/// Appends the lower case of `chars[i]`; a capital sigma that ends a word becomes `ς`.
fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let (before, rest) = chars.split_at(i.min(chars.len()));
    let Some((&c, after)) = rest.split_first() else {
        return;
    };
    if c != 'Σ' {
        out.extend(c.to_lowercase());
        return;
    }
    let before = before.iter().rev().find(|c| !is_case_ignorable(**c));
    let after = after.iter().find(|c| !is_case_ignorable(**c));
    let word_end = before.is_some_and(|c| is_cased(*c)) && !after.is_some_and(|c| is_cased(*c));
    out.push(if word_end { 'ς' } else { 'σ' });
}

/// `str.isidentifier`.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c == '_' || unicode_ident::is_xid_start(c))
        && chars.all(unicode_ident::is_xid_continue)
}

/// Appends the title case of `c` (`ß` → `Ss`, `ǆ` → `ǅ`).
fn push_title(out: &mut String, c: char) {
    match tables::TITLE.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => out.push_str(tables::TITLE.get(i).map_or("", |&(_, title)| title)),
        Err(_) => out.extend(c.to_uppercase()),
    }
}

/// `str.title`: title case after an uncased character, lower case after a cased one.
pub fn title(s: &str) -> String {
    if s.is_ascii() {
        // The cased ASCII characters are the letters.
        let mut out = String::with_capacity(s.len());
        let mut previous_cased = false;
        for c in s.chars() {
            out.push(if previous_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            });
            previous_cased = c.is_ascii_alphabetic();
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_cased {
            push_lower(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        previous_cased = is_cased(c);
    }
    out
}

/// `str.capitalize`: the first character in title case, the rest in lower case.
pub fn capitalize(s: &str) -> String {
    if s.is_ascii() {
        // An ASCII letter's title case is its upper case, and nothing else changes case.
        let mut out = s.to_ascii_lowercase();
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    if let Some(&first) = chars.first() {
        push_title(&mut out, first);
    }
    for i in 1..chars.len() {
        push_lower(&mut out, &chars, i);
    }
    out
}

/// `str.swapcase`: upper to lower, lower to upper, others (title case too) kept.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            push_lower(&mut out, &chars, i);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.casefold`: full case folding (`ß` → `ss`), without lower case's final sigma.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match tables::CASEFOLD.binary_search_by_key(&c, |&(k, _)| k) {
            Ok(i) => out.push_str(tables::CASEFOLD.get(i).map_or("", |&(_, folded)| folded)),
            Err(_) => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `str.istitle`: upper and title case only after uncased characters, lower case only
/// after cased ones, and at least one cased character.
pub fn is_title(s: &str) -> bool {
    let mut cased = false;
    let mut previous_cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
}

/// `str.isupper` (`lower` false): every cased character in that case, and at least one.
pub fn is_all_case(s: &str, upper: bool) -> bool {
    let mut cased = false;
    for c in s.chars() {
        let (same, other) = if upper {
            (c.is_uppercase(), c.is_lowercase())
        } else {
            (c.is_lowercase(), c.is_uppercase())
        };
        if other || is_titlecase(c) {
            return false;
        }
        cased |= same;
    }
    cased
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_capitalize_and_title_are_the_general_ones() {
        fn general_capitalize(s: &str) -> String {
            // `capitalize` of a non-ASCII string goes the general way: append a non-ASCII
            // character that changes no case and take it off again.
            let mut out = capitalize(&format!("{s}\u{2013}"));
            out.pop();
            out
        }
        fn general_title(s: &str) -> String {
            let mut out = title(&format!("{s}\u{2013}"));
            out.pop();
            out
        }
        let samples = [
            "",
            "a",
            "A",
            "alice",
            "ALICE",
            "mIxEd CaSe",
            "hello world",
            "it's o'neil",
            "x1y2 z_3",
            " lead",
            "42abc",
            "a-b.c",
            "\tTAB\n",
            "ﬀ",
        ];
        for s in samples.iter().filter(|s| s.is_ascii()) {
            assert_eq!(capitalize(s), general_capitalize(s), "{s:?}");
            assert_eq!(title(s), general_title(s), "{s:?}");
        }
        let all: String = (0u8..128).map(char::from).collect();
        assert_eq!(capitalize(&all), general_capitalize(&all));
        assert_eq!(title(&all), general_title(&all));
        for c in (0u8..128).map(char::from) {
            for s in [format!("{c}aB"), format!("aB{c}cD"), format!("{c}")] {
                assert_eq!(capitalize(&s), general_capitalize(&s), "{s:?}");
                assert_eq!(title(&s), general_title(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn special_cases() {
        assert_eq!(casefold("Straße"), "strasse");
        assert_eq!(title("ǆungla ﬁx"), "ǅungla Fix");
        assert_eq!(capitalize("ßa"), "Ssa");
        assert_eq!(swapcase("ǅa"), "ǅA");
        assert!(is_title("ǅungla"));
        assert!(is_space('\x1c') && !is_space('\u{200b}'));
        assert!(is_digit('²') && !is_decimal('²') && is_numeric('一'));
    }
}
