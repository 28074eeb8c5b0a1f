//! A bound on flow nesting (`[[[...]]]`, `{a: {a: ...}}`), checked on the text before the
//! YAML parser sees it: libyaml's scanner keeps one "simple key" per open flow level and
//! walks them all at every token, so its time grows with the square of the depth (100,000
//! levels took 76 s). An agent.yaml needs a handful of levels.
//!
//! The scan knows just enough YAML to find flow collections: comments, quoted scalars, block
//! scalars (`|`, `>`), and where a node may start. Erring on the side of counting, it can
//! only reject text that nests deeply anyway.

use crate::error::Location;

/// The deepest flow nesting accepted.
pub(crate) const MAX_FLOW_NESTING: usize = 64;

/// Where the text first opens a flow collection deeper than [`MAX_FLOW_NESTING`].
pub(crate) fn too_deep(text: &str) -> Option<Location> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    // Inside a block scalar: the indentation its lines must exceed.
    let mut block_scalar: Option<usize> = None;
    for (line_index, line) in text.split('\n').enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = block_scalar {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block_scalar = None;
        }
        // Whether a node may start here: at the line's start, or after an indicator.
        let mut node_start = true;
        let mut after_space = true;
        let mut chars = line.chars().enumerate().peekable();
        while let Some((column, c)) = chars.next() {
            if let Some(q) = quote {
                match c {
                    '\\' if q == '"' => {
                        chars.next();
                    }
                    '\'' if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                        chars.next();
                    }
                    _ if c == q => {
                        quote = None;
                        node_start = false;
                    }
                    _ => {}
                }
                continue;
            }
            let next_is_space = chars.peek().is_none_or(|&(_, n)| n == ' ' || n == '\t');
            match c {
                ' ' | '\t' => {
                    after_space = true;
                    continue;
                }
                '#' if after_space => break,
                '"' | '\'' if node_start => quote = Some(c),
                '[' | '{' if node_start || depth > 0 => {
                    depth += 1;
                    if depth > MAX_FLOW_NESTING {
                        return Some(Location {
                            line: line_index + 1,
                            column: column + 1,
                        });
                    }
                    node_start = true;
                }
                ']' | '}' if depth > 0 => {
                    depth -= 1;
                    node_start = false;
                }
                ',' if depth > 0 => node_start = true,
                ':' => node_start = next_is_space || depth > 0,
                '-' | '?' => node_start = node_start && next_is_space,
                '|' | '>' if node_start && depth == 0 => {
                    block_scalar = Some(indent);
                    break;
                }
                _ => node_start = false,
            }
            after_space = false;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Option<Location> {
        Some(Location { line, column })
    }

    #[test]
    fn deep_flow_nesting_is_found_where_it_passes_the_bound() {
        let deep = format!("name: a\nd: {}{}\n", "[".repeat(100), "]".repeat(100));
        assert_eq!(too_deep(&deep), at(2, 4 + MAX_FLOW_NESTING));
        let maps = format!("name: a\nd: {}1{}\n", "{a: ".repeat(70), "}".repeat(70));
        assert!(too_deep(&maps).is_some());
    }

    #[test]
    fn brackets_that_open_nothing_are_not_counted() {
        let many = "[".repeat(200);
        for text in [
            format!("d: \"{many}\"\n"),
            format!("d: '{many}'\n"),
            format!("d: a{many}\n"),
            format!("d: x # {many}\n"),
            format!("d: |\n  {many}\n  {many}\ne: 1\n"),
            format!("d: >-\n    {many}\n"),
            format!("d: 'it''s {many}'\n"),
            format!("d: \"a\\\" {many}\"\n"),
            "d: [[1, 2], {a: [3]}]\n".repeat(500),
        ] {
            assert_eq!(too_deep(&text), None, "{text}");
        }
    }
}
