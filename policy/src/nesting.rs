//! Bounds on how a Rego file nests brackets, checked before regorus parses it.
//!
//! regorus 0.14 parses a `[` or `{` literal by first trying a comprehension, whose term it
//! parses, and, when no `|` follows, parsing the same text again as a literal: the first
//! element of a literal is parsed once more for every literal it opens (measured: about
//! 2.4 times the work per level). `[[[...[1]...]]]` 28 deep took over 30 seconds to load,
//! ten literals 16 deep 34 seconds. Elements after the first (`[1, [1, [1, ...]]]`), rule
//! bodies and parentheses are parsed once.
//!
//! So each character is weighed by 3 to the power of the literals whose first element it
//! is in, and a file whose extra weight passes [`MAX_REPARSE`] is refused at the bracket
//! where it does; independently, no bracket may nest deeper than [`MAX_NESTING`]. Real
//! policies stay far below both (the heaviest example policy weighs about a thousand).

/// The deepest nesting of `(`, `[` and `{` a Rego file may have (each level of a rule body,
/// an object, an array, a set, a comprehension or a call's parentheses counts one).
pub(crate) const MAX_NESTING: usize = 16;

/// The most extra parsing a file may cause, in characters parsed again: about half a second
/// in a debug build, a tenth of that optimised.
pub(crate) const MAX_REPARSE: u64 = 1 << 21;

/// Why a file is refused, at its 1-based line and column.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TooDeep {
    /// A bracket nested deeper than [`MAX_NESTING`].
    Nesting { line: usize, col: usize },
    /// Literals nested as first elements weigh more than [`MAX_REPARSE`] from here.
    Reparse { line: usize, col: usize },
}

impl TooDeep {
    pub(crate) fn line_col(&self) -> (usize, usize) {
        match *self {
            TooDeep::Nesting { line, col } | TooDeep::Reparse { line, col } => (line, col),
        }
    }

    pub(crate) fn message(&self) -> String {
        match self {
            TooDeep::Nesting { .. } => format!(
                "brackets nested more than {MAX_NESTING} deep; Bactrian refuses deeper nesting"
            ),
            TooDeep::Reparse { .. } => format!(
                "literals nested at the start of one another (`[[[...]]]`, `{{{{...}}}}`) from \
                 here on would take too long to load: regorus parses the first element of a \
                 literal again for each literal around it; Bactrian allows {MAX_REPARSE} \
                 characters parsed again in a file"
            ),
        }
    }
}

/// One open bracket.
struct Frame {
    /// In the first element of a literal: the bracket opens an array, set or object (or a
    /// comprehension), not a rule body, an index or parentheses, and no `,`, `:` or `|`
    /// came yet at its level.
    first: bool,
}

/// The first reason to refuse `text`, if any.
pub(crate) fn too_deep(text: &str) -> Option<TooDeep> {
    scan(text).err()
}

/// The characters `text` makes regorus parse again, or the first reason to refuse it.
fn scan(text: &str) -> Result<u64, TooDeep> {
    let mut frames: Vec<Frame> = Vec::new();
    // Open literals whose first element we are in: each multiplies the weight by 3.
    let mut in_first: u32 = 0;
    let mut reparsed: u64 = 0;
    let (mut line, mut col) = (1usize, 0usize);
    // The last significant character, and the word it ends (for `if {` and `x in {`).
    let mut prev: Option<char> = None;
    let mut word = String::new();
    let mut chars = text.chars();
    // Inside a string: the quote that ends it.
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        col += 1;
        if c == '\n' {
            (line, col) = (line + 1, 0);
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        reparsed = reparsed.saturating_add(3u64.saturating_pow(in_first) - 1);
        if reparsed > MAX_REPARSE {
            return Err(TooDeep::Reparse { line, col });
        }
        match quote {
            Some('"') if c == '\\' => {
                // An escaped character (never a newline inside a "..." string).
                if chars.next().is_some() {
                    col += 1;
                }
                continue;
            }
            Some(q) if c == q => quote = None,
            Some(_) => continue,
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
                    continue;
                }
                '(' | '[' | '{' => {
                    let literal = match c {
                        '[' => !ends_a_term(prev),
                        '{' => !ends_a_term(prev) || is_operator_word(prev, &word),
                        _ => false,
                    };
                    frames.push(Frame { first: literal });
                    in_first += u32::from(literal);
                    if frames.len() > MAX_NESTING {
                        return Err(TooDeep::Nesting { line, col });
                    }
                }
                ')' | ']' | '}' => {
                    if let Some(frame) = frames.pop() {
                        in_first -= u32::from(frame.first);
                    }
                }
                ',' | ':' | '|' => {
                    if let Some(frame) = frames.last_mut().filter(|f| f.first) {
                        frame.first = false;
                        in_first -= 1;
                    }
                }
                _ => {}
            },
        }
        if c.is_alphanumeric() || c == '_' {
            if !prev.is_some_and(|p| p.is_alphanumeric() || p == '_') {
                word.clear();
            }
            word.push(c);
        }
        prev = Some(c);
    }
    Ok(reparsed)
}

/// Whether a bracket after `prev` follows a term: `x[i]` indexes and `p {` (after `if`,
/// `else`, a rule head or `every x in xs`) opens a body; after an operator, a comma or
/// another bracket it opens a literal.
fn ends_a_term(prev: Option<char>) -> bool {
    prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '_' | ')' | ']' | '}' | '"' | '`'))
}

/// Keywords after which `{` opens a literal (`x in {1, 2}`), unlike `if {` and `else {`.
fn is_operator_word(prev: Option<char>, word: &str) -> bool {
    prev.is_some_and(|p| p.is_alphanumeric() || p == '_')
        && matches!(word, "in" | "contains" | "not" | "as" | "some" | "with")
}

/// The deepest flow nesting (`[[...]]`, `{a: {a: ...}}`) a YAML policy or fixture may have.
/// libyaml's scanner walks every open flow level at every token, so its time grows with the
/// square of the depth (30,000 levels took 10 s to load as a policy); rules nest a handful.
pub(crate) const MAX_YAML_NESTING: usize = 64;

/// The 1-based line and column of the first flow bracket nested deeper than
/// [`MAX_YAML_NESTING`] in YAML `text`. It counts every bracket outside quotes and
/// comments, even one inside a plain scalar (`reason: a [b`), so it can only err towards
/// refusing, and only text with many unclosed brackets.
pub(crate) fn yaml_too_deep(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (index, line) in text.lines().enumerate() {
        let mut quote: Option<char> = None;
        let mut after_space = true;
        let mut chars = line.chars().enumerate().peekable();
        while let Some((col, c)) = chars.next() {
            match quote {
                Some('"') if c == '\\' => {
                    chars.next();
                }
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    // A comment starts after a space only (`a#b` is a scalar).
                    '#' if after_space => break,
                    '"' | '\'' => quote = Some(c),
                    '[' | '{' => {
                        depth += 1;
                        if depth > MAX_YAML_NESTING {
                            return Some((index + 1, col + 1));
                        }
                    }
                    ']' | '}' => depth = depth.saturating_sub(1),
                    _ => {}
                },
            }
            after_space = c == ' ' || c == '\t';
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize, open: &str, close: &str) -> String {
        format!("package p\n\nx := {}1{}\n", open.repeat(n), close.repeat(n))
    }

    #[test]
    fn the_bracket_past_the_depth_limit_is_located() {
        let text = nested(MAX_NESTING + 1, "[1, ", "]");
        assert_eq!(
            too_deep(&text),
            Some(TooDeep::Nesting {
                line: 3,
                col: 6 + 4 * MAX_NESTING
            })
        );
        assert_eq!(too_deep(&nested(MAX_NESTING, "[1, ", "]")), None);
    }

    #[test]
    fn literals_nested_first_are_weighed_exponentially() {
        // 3^13 is past the budget; 3^11 is well within it.
        assert_eq!(too_deep(&nested(11, "[", "]")), None);
        assert!(matches!(
            too_deep(&nested(14, "[", "]")),
            Some(TooDeep::Reparse { line: 3, .. })
        ));
        assert!(matches!(
            too_deep(&nested(14, "{", "}")),
            Some(TooDeep::Reparse { .. })
        ));
        // Twenty literals 11 deep add up.
        let many: String = (0..20)
            .map(|i| format!("x{i} := {}1{}\n", "[".repeat(11), "]".repeat(11)))
            .collect();
        assert!(matches!(too_deep(&many), Some(TooDeep::Reparse { .. })));
    }

    #[test]
    fn bodies_indexes_and_later_elements_are_not_weighed() {
        let body = format!(
            "package p\n\nr if {{\n\tx := input.a[input.b[input.c[0]]]\n\ty := {}1{}\n\tx in {{1, 2}}\n}}\n",
            "[1, ".repeat(MAX_NESTING - 2),
            "]".repeat(MAX_NESTING - 2)
        );
        assert_eq!(too_deep(&body), None);
    }

    #[test]
    fn the_example_policies_weigh_little() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/policies");
        let mut heaviest = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rego") {
                let text = std::fs::read_to_string(&path).unwrap();
                heaviest = heaviest.max(scan(&text).unwrap());
            }
        }
        assert!(heaviest > 0 && heaviest < MAX_REPARSE / 100, "{heaviest}");
    }

    #[test]
    fn yaml_flow_nesting_is_bounded_where_it_passes_the_limit() {
        let deep = format!("rules: {}{}\n", "[".repeat(70), "]".repeat(70));
        assert_eq!(yaml_too_deep(&deep), Some((1, 8 + MAX_YAML_NESTING)));
        let hidden = format!("rules: [a#{}\n", "[".repeat(70));
        assert!(
            yaml_too_deep(&hidden).is_some(),
            "`#` without a space is no comment"
        );
        let quoted = format!(
            "rules:\n  - {{tool: t, action: deny, reason: \"{0}\"}}  # {0}\n  - '{0}'\n",
            "[".repeat(70)
        );
        assert_eq!(yaml_too_deep(&quoted), None);
    }

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let deep = "[".repeat(40);
        let text = format!("package p\n# {deep}\nx := \"{deep}\\\"{deep}\"\ny := `{deep}`\n");
        assert_eq!(too_deep(&text), None);
    }
}
