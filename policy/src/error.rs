//! Load errors. Evaluation never fails: a policy that errors on a call denies it instead.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in a policy or fixture file something went wrong: `file`, `file:line` or
/// `file:line:col` (1-based), the form editors and terminals turn into links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub col: Option<usize>,
}

impl Location {
    pub(crate) fn file(path: &Path) -> Location {
        Location {
            path: path.to_path_buf(),
            line: None,
            col: None,
        }
    }

    pub(crate) fn at(path: &Path, line: usize, col: usize) -> Location {
        Location {
            path: path.to_path_buf(),
            line: Some(line),
            col: Some(col),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.col {
                write!(f, ":{col}")?;
            }
        }
        Ok(())
    }
}

/// Why a policy set or a test directory could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// The file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file name does not say what kind of policy it holds.
    #[error("{}: not a policy file (expected .rego, .yaml or .yml)", path.display())]
    UnknownKind { path: PathBuf },
    /// Rego that does not parse or does not compile (syntax, unsafe variables, conflicts).
    #[error("{at}: {message}")]
    Rego { at: Location, message: String },
    /// A YAML rule file or test fixture that does not parse or breaks the format
    /// (unknown key, bad regex, missing field).
    #[error("{at}: {message}")]
    Yaml { at: Location, message: String },
}

impl PolicyError {
    /// The file, line and column the error points at, when it points at a file.
    pub fn location(&self) -> Option<Location> {
        match self {
            PolicyError::Read { path, .. } | PolicyError::UnknownKind { path } => {
                Some(Location::file(path))
            }
            PolicyError::Rego { at, .. } | PolicyError::Yaml { at, .. } => Some(at.clone()),
        }
    }

    pub(crate) fn read(path: &Path, source: std::io::Error) -> PolicyError {
        PolicyError::Read {
            path: path.to_path_buf(),
            source,
        }
    }

    /// Turns a serde_yaml error into one that starts with `file:line:col`.
    pub(crate) fn yaml(path: &Path, err: &serde_yaml::Error) -> PolicyError {
        let text = err.to_string();
        let (at, message) = match err.location() {
            Some(loc) => {
                let suffix = format!(" at line {} column {}", loc.line(), loc.column());
                let message = text.strip_suffix(&suffix).unwrap_or(&text).to_string();
                (Location::at(path, loc.line(), loc.column()), message)
            }
            None => (Location::file(path), text),
        };
        PolicyError::Yaml { at, message }
    }

    /// Turns a regorus error into one that starts with `file:line:col`, keeping the source
    /// line and caret that regorus prints under the message. The file named in the error
    /// wins over `path` (an error can point into another module).
    pub(crate) fn rego(path: &Path, err: &dyn fmt::Display) -> PolicyError {
        let text = err.to_string();
        let file = error_file(&text);
        let path = file.as_deref().map(Path::new).unwrap_or(path);
        let (at, message) = split_regorus_error(&text);
        let at = match at {
            Some((line, col)) => Location::at(path, line, col),
            None => Location::file(path),
        };
        PolicyError::Rego { at, message }
    }
}

/// The file in regorus' `--> file:LINE:COL` header.
fn error_file(text: &str) -> Option<String> {
    let head = text.trim().strip_prefix("--> ")?.lines().next()?;
    head.rsplitn(3, ':').nth(2).map(str::to_string)
}

/// regorus formats errors as
/// `\n--> file:LINE:COL\n  |\nN | source\n  |   ^\nerror: message`.
/// Returns the line and column, and `message` followed by the source excerpt.
pub(crate) fn split_regorus_error(text: &str) -> (Option<(usize, usize)>, String) {
    let text = text.trim();
    let Some(rest) = text.strip_prefix("--> ") else {
        return (None, text.to_string());
    };
    let (head, excerpt) = rest.split_once('\n').unwrap_or((rest, ""));
    let mut parts = head.rsplitn(3, ':');
    let col = parts.next().and_then(|c| c.trim().parse().ok());
    let line = parts.next().and_then(|l| l.trim().parse().ok());
    let location = line.zip(col);
    let (excerpt, message) = match excerpt.rfind("\nerror: ") {
        Some(i) => (&excerpt[..i], &excerpt[i + "\nerror: ".len()..]),
        None => match excerpt.strip_prefix("error: ") {
            Some(message) => ("", message),
            None => ("", excerpt),
        },
    };
    let message = if excerpt.trim().is_empty() {
        message.trim().to_string()
    } else {
        format!("{}\n{}", message.trim(), excerpt.trim_end())
    };
    (location, message)
}

/// The first line of a regorus error with its location: `file:line:col: message`.
pub(crate) fn one_line_regorus_error(text: &str) -> String {
    let (location, message) = split_regorus_error(text);
    let first = message.lines().next().unwrap_or("").to_string();
    match (error_file(text), location) {
        (Some(file), Some((line, col))) => format!("{file}:{line}:{col}: {first}"),
        _ => first,
    }
}

/// `file:line:col` of a regorus error, when it has one.
pub(crate) fn regorus_error_location(text: &str) -> Option<String> {
    let (location, _) = split_regorus_error(text);
    match (error_file(text), location) {
        (Some(file), Some((line, col))) => Some(format!("{file}:{line}:{col}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regorus_errors_become_file_line_col() {
        let text = "\n--> b.rego:4:7\n  |\n4 |   msg := \n  |       ^\nerror: expecting `}`";
        let (at, message) = split_regorus_error(text);
        assert_eq!(at, Some((4, 7)));
        assert!(message.starts_with("expecting `}`\n"), "{message}");
        assert!(message.contains("msg :="), "{message}");
        assert_eq!(one_line_regorus_error(text), "b.rego:4:7: expecting `}`");
    }

    #[test]
    fn errors_without_location_pass_through() {
        assert_eq!(split_regorus_error("boom"), (None, "boom".to_string()));
    }
}
