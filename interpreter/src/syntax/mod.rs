//! Syntax, apart from evaluation: parse the plan with rustpython-parser, then lower it to the
//! [`ir`] the evaluator runs, refusing every construct outside the subset.

mod effects;
pub use effects::MUTATING_METHODS;
pub mod ir;
mod lower;
pub mod refusals;
mod scope;

use ir::Pos;
use serde::Serialize;
use std::collections::HashSet;

/// How deeply brackets may nest in a plan; deeper input is refused before parsing, so that no
/// input can exhaust the stack of the parser or the evaluator.
pub const MAX_NESTING: usize = 100;

/// How deeply statements and expressions may nest, counted together on the parsed tree
/// (`1+1+...+1` nests one level per `+`; each `elif` is one level inside the `if` before it).
/// CPython refuses about 3000 with "maximum recursion depth exceeded during compilation";
/// a deeper plan is refused before anything runs, so that no later pass, nor the evaluator,
/// recurses without bound.
pub const MAX_DEPTH: usize = 1000;

/// A problem found before running: a syntax error or a construct the subset refuses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// `SyntaxError` or `UnsupportedSyntax`.
    pub kind: &'static str,
    pub message: String,
    pub line: u32,
    pub col: u32,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.line, self.col, self.kind, self.message
        )
    }
}

/// Byte offsets to line and column.
pub struct SourceMap {
    line_starts: Vec<usize>,
    source: String,
}

impl SourceMap {
    pub fn new(source: &str) -> SourceMap {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        SourceMap {
            line_starts,
            source: source.to_string(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn pos(&self, offset: usize) -> Pos {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let col = self
            .source
            .get(start..offset.min(self.source.len()))
            .map(|s| s.chars().count())
            .unwrap_or(0);
        Pos {
            line: line as u32 + 1,
            col: col as u32 + 1,
        }
    }
}

/// Lists, besides the errors `compile` finds, what only an agent's declarations reveal:
/// names defined nowhere (a tool the agent does not have, a typo) and keyword arguments a
/// tool does not declare. `tools` maps each tool to its parameter names.
pub fn check_with_tools(source: &str, tools: &[(String, Vec<String>)]) -> Vec<Diagnostic> {
    let names: HashSet<String> = tools.iter().map(|(n, _)| n.clone()).collect();
    let program = match compile(source, &names) {
        Ok(p) => p,
        Err(diagnostics) => return diagnostics,
    };
    let mut out = Vec::new();
    for (name, pos) in &program.undefined {
        out.push(Diagnostic {
            kind: "NameError",
            message: format!("name '{name}' is not defined: it is not a builtin, a tool of this agent, or a variable of the plan"),
            line: pos.line,
            col: pos.col,
        });
    }
    for call in &program.tool_calls {
        let Some((_, params)) = tools.iter().find(|(n, _)| **n == *call.tool) else {
            continue;
        };
        for k in &call.keywords {
            if !params.iter().any(|p| **p == **k) {
                out.push(Diagnostic {
                    kind: "TypeError",
                    message: format!(
                        "{}() got an unexpected keyword argument '{k}' (parameters: {})",
                        call.tool,
                        params.join(", ")
                    ),
                    line: call.pos.line,
                    col: call.pos.col,
                });
            }
        }
        if call.positional > params.len() {
            out.push(Diagnostic {
                kind: "TypeError",
                message: format!(
                    "{}() takes {} positional arguments but {} were given",
                    call.tool,
                    params.len(),
                    call.positional
                ),
                line: call.pos.line,
                col: call.pos.col,
            });
        }
    }
    out.sort_by_key(|d| (d.line, d.col));
    out
}

/// The first line of each top-level statement of a plan (empty when it does not parse): where
/// a plan can be cut so that what comes before still runs as it did.
pub fn statement_lines(source: &str) -> Vec<u32> {
    use rustpython_parser::ast::Ranged;
    if too_deep(source).is_some() {
        return Vec::new();
    }
    let map = SourceMap::new(source);
    match <rustpython_parser::ast::Suite as rustpython_parser::Parse>::parse(source, "<plan>") {
        Ok(suite) => suite
            .iter()
            .map(|s| map.pos(s.range().start().to_usize()).line)
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Parses and lowers a plan. `tools` are the names the host offers; they resolve to tool
/// calls and may not be rebound.
pub fn compile(source: &str, tools: &HashSet<String>) -> Result<ir::Program, Vec<Diagnostic>> {
    let map = SourceMap::new(source);
    if let Some((offset, what)) = too_deep(source) {
        let pos = map.pos(offset);
        return Err(vec![Diagnostic {
            kind: "SyntaxError",
            message: what.to_string(),
            line: pos.line,
            col: pos.col,
        }]);
    }
    let suite = match <rustpython_parser::ast::Suite as rustpython_parser::Parse>::parse(
        source, "<plan>",
    ) {
        Ok(suite) => suite,
        Err(err) => {
            let pos = map.pos(err.offset.to_usize());
            return Err(vec![Diagnostic {
                kind: "SyntaxError",
                message: err.error.to_string(),
                line: pos.line,
                col: pos.col,
            }]);
        }
    };
    if let Some(range) = scope::too_deep(&suite, MAX_DEPTH) {
        let pos = map.pos(range.start().to_usize());
        return Err(vec![Diagnostic {
            kind: "SyntaxError",
            message: format!(
                "the plan nests too deeply: more than {MAX_DEPTH} levels of operators, calls, \
                 lambdas and blocks (an elif counts as one more level); split this into several \
                 statements, e.g. add up a long sum in a loop"
            ),
            line: pos.line,
            col: pos.col,
        }]);
    }
    let (program, diagnostics) = lower::Lowerer::new(source, &map, tools).program(&suite);
    if diagnostics.is_empty() {
        Ok(program)
    } else {
        Err(diagnostics)
    }
}

/// The most digits in one number literal (a longer one is refused before the parser spends
/// seconds on it).
pub const MAX_LITERAL_DIGITS: usize = 5000;

/// The offset and reason where bracket nesting, indentation or a number literal first passes
/// its limit, if one does. Strings and comments are skipped roughly; a false alarm needs
/// pathological input.
fn too_deep(source: &str) -> Option<(usize, &'static str)> {
    let mut run = 0usize;
    for (i, b) in source.bytes().enumerate() {
        if b.is_ascii_digit() || (run > 0 && b == b'_') {
            run += 1;
            if run > MAX_LITERAL_DIGITS {
                return Some((i + 1 - run, "a number literal has more than 5000 digits"));
            }
        } else {
            run = 0;
        }
    }
    too_deep_nesting(source)
}

fn too_deep_nesting(source: &str) -> Option<(usize, &'static str)> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut chars = source.char_indices().peekable();
    let mut line_start = true;
    let mut indent = 0usize;
    while let Some((i, c)) = chars.next() {
        if line_start {
            if c == ' ' || c == '\t' {
                indent += 1;
                continue;
            }
            line_start = false;
            // Each block level takes at least one column; deep blocks nest the evaluator too.
            if indent > MAX_NESTING * 4 {
                return Some((i, "blocks nest too deeply (indented more than 400 columns)"));
            }
        }
        match quote {
            Some(q) => {
                if c == '\\' {
                    chars.next();
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                '\'' | '"' => quote = Some(c),
                '#' => {
                    for (_, c2) in chars.by_ref() {
                        if c2 == '\n' {
                            line_start = true;
                            indent = 0;
                            break;
                        }
                    }
                }
                '(' | '[' | '{' => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Some((i, "brackets nest more than 100 levels deep"));
                    }
                }
                ')' | ']' | '}' => depth = depth.saturating_sub(1),
                '\n' => {
                    line_start = true;
                    indent = 0;
                }
                _ => {}
            },
        }
        if c == '\n' && quote.is_some() {
            // A newline inside a one-quote string is a syntax error the parser reports.
            line_start = true;
            indent = 0;
        }
    }
    None
}
