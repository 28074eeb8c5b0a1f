//! A bound on how deeply a Rego file nests brackets, checked before regorus parses it.
//!
//! regorus 0.14 parses `[` and `{` by first trying a comprehension and, when that fails,
//! parsing the same text again as a literal: each level doubles the work, so a literal
//! nested 28 deep took over 30 seconds to load. Real policies nest a handful of levels (a
//! rule body, a test's input document, a list of sources in it); past [`MAX_NESTING`] the
//! file is refused with the position of the bracket that went too deep.

/// The deepest nesting of `(`, `[` and `{` a Rego file may have (each level of a rule body,
/// an object, an array, a set, a comprehension or a call's parentheses counts one).
pub(crate) const MAX_NESTING: usize = 16;

/// The 1-based line and column of the first bracket nested deeper than [`MAX_NESTING`].
pub(crate) fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let (mut line, mut col) = (1usize, 0usize);
    let mut chars = text.chars();
    // Inside a string: the quote that ends it.
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        col += 1;
        if c == '\n' {
            (line, col) = (line + 1, 0);
            continue;
        }
        match quote {
            Some('"') if c == '\\' => {
                // An escaped character (never a newline inside a "..." string).
                if chars.next().is_some() {
                    col += 1;
                }
            }
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '`' => quote = Some(c),
                '#' => {
                    // A comment runs to the end of the line.
                    for skipped in chars.by_ref() {
                        if skipped == '\n' {
                            (line, col) = (line + 1, 0);
                            break;
                        }
                    }
                }
                '(' | '[' | '{' => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Some((line, col));
                    }
                }
                ')' | ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize) -> String {
        format!("package p\n\nx := {}1{}\n", "[".repeat(n), "]".repeat(n))
    }

    #[test]
    fn the_bracket_past_the_limit_is_located() {
        assert_eq!(too_deep(&nested(MAX_NESTING)), None);
        assert_eq!(
            too_deep(&nested(MAX_NESTING + 1)),
            Some((3, 6 + MAX_NESTING))
        );
    }

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let deep = "[".repeat(40);
        let text = format!("package p\n# {deep}\nx := \"{deep}\\\"{deep}\"\ny := `{deep}`\n");
        assert_eq!(too_deep(&text), None);
    }
}
