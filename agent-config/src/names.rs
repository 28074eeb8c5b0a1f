//! Which names a tool or a parameter may have.

/// Python's keywords: never a valid name for anything the plan calls or passes by keyword.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Python's builtins (CPython 3.11 `dir(builtins)` without the underscored names), plus the
/// names Bactrian itself gives the plan. A tool with one of these names would shadow it.
const BUILTINS: &[&str] = &[
    // Bactrian's own.
    "query_ai_assistant",
    "BaseModel",
    // Functions and constants.
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "copyright",
    "credits",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "license",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
    "Ellipsis",
    "NotImplemented",
    // Exceptions and warnings.
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BaseExceptionGroup",
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "DeprecationWarning",
    "EOFError",
    "EncodingWarning",
    "EnvironmentError",
    "Exception",
    "ExceptionGroup",
    "FileExistsError",
    "FileNotFoundError",
    "FloatingPointError",
    "FutureWarning",
    "GeneratorExit",
    "IOError",
    "ImportError",
    "ImportWarning",
    "IndentationError",
    "IndexError",
    "InterruptedError",
    "IsADirectoryError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "NotADirectoryError",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PendingDeprecationWarning",
    "PermissionError",
    "ProcessLookupError",
    "RecursionError",
    "ReferenceError",
    "ResourceWarning",
    "RuntimeError",
    "RuntimeWarning",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "SystemExit",
    "TabError",
    "TimeoutError",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "UserWarning",
    "ValueError",
    "Warning",
    "ZeroDivisionError",
];

/// An ASCII Python identifier: a letter or `_`, then letters, digits and `_`.
pub(crate) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

pub(crate) fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

pub(crate) fn is_builtin(name: &str) -> bool {
    BUILTINS.contains(&name)
}

/// Why `name` cannot name a tool (or an MCP namespace), if it cannot.
pub fn tool_name_problem(name: &str) -> Option<String> {
    if !is_identifier(name) {
        Some(format!(
            "tool name `{name}` is not a Python identifier (letters, digits and `_`, not starting with a digit)"
        ))
    } else if is_keyword(name) {
        Some(format!("tool name `{name}` is a Python keyword"))
    } else if is_builtin(name) {
        Some(format!(
            "tool name `{name}` would shadow the builtin `{name}`; choose another name"
        ))
    } else if name.starts_with("__") && name.ends_with("__") {
        Some(format!(
            "tool name `{name}` is a dunder name; choose another name"
        ))
    } else {
        None
    }
}

/// Why `name` cannot name a parameter, if it cannot.
pub fn parameter_name_problem(name: &str) -> Option<String> {
    if !is_identifier(name) {
        Some(format!(
            "parameter name `{name}` is not a Python identifier (letters, digits and `_`, not starting with a digit)"
        ))
    } else if is_keyword(name) {
        Some(format!(
            "parameter name `{name}` is a Python keyword and could not be passed by keyword"
        ))
    } else {
        None
    }
}

/// An environment variable name: letters, digits and `_`, not starting with a digit.
pub(crate) fn is_env_name(name: &str) -> bool {
    is_identifier(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        for ok in ["a", "_x", "web_search", "A1"] {
            assert!(is_identifier(ok), "{ok}");
        }
        for bad in ["", "1a", "web-search", "a.b", "é", "a b"] {
            assert!(!is_identifier(bad), "{bad}");
        }
    }

    #[test]
    fn tool_names() {
        assert_eq!(tool_name_problem("web_search"), None);
        assert!(tool_name_problem("print").unwrap().contains("shadow"));
        assert!(tool_name_problem("query_ai_assistant")
            .unwrap()
            .contains("shadow"));
        assert!(tool_name_problem("class").unwrap().contains("keyword"));
        assert!(tool_name_problem("web-search")
            .unwrap()
            .contains("identifier"));
        assert!(tool_name_problem("__init__").unwrap().contains("dunder"));
        assert_eq!(parameter_name_problem("type"), None);
        assert!(parameter_name_problem("from").unwrap().contains("keyword"));
    }
}
