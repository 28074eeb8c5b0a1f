//! What goes wrong with an agent.yaml, and where.

use std::fmt;
use std::path::{Path, PathBuf};

/// A position in the agent.yaml text: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One thing wrong with an agent.yaml: a message a user can act on, and where it applies
/// when that is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub location: Option<Location>,
    pub message: String,
}

impl Problem {
    pub(crate) fn new(location: Option<Location>, message: impl Into<String>) -> Self {
        Problem {
            location,
            message: message.into(),
        }
    }

    /// `path:line:col: message`, or `path: message` when the location is unknown.
    pub fn render(&self, path: &Path) -> String {
        match self.location {
            Some(at) => format!("{}:{}: {}", path.display(), at, self.message),
            None => format!("{}: {}", path.display(), self.message),
        }
    }
}

/// Why an agent.yaml could not be used.
///
/// Every variant renders as `path:line:col: message` (one line per problem) when the
/// location is known, and `path: message` otherwise.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{}: cannot read agent config: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The text is not valid YAML, does not fit the schema, or fails a semantic check.
    /// Holds at least one problem, in the order of their locations.
    #[error("{}", render_all(path, problems))]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
}

impl ConfigError {
    pub(crate) fn invalid(path: &Path, mut problems: Vec<Problem>) -> Self {
        // Located problems first, by position; then the rest in the order found.
        problems.sort_by_key(|p| (p.location.is_none(), p.location));
        ConfigError::Invalid {
            path: path.to_path_buf(),
            problems,
        }
    }

    pub(crate) fn one(path: &Path, location: Option<Location>, message: impl Into<String>) -> Self {
        ConfigError::invalid(path, vec![Problem::new(location, message)])
    }

    /// The agent.yaml this error is about.
    pub fn path(&self) -> &Path {
        match self {
            ConfigError::Read { path, .. } | ConfigError::Invalid { path, .. } => path,
        }
    }

    /// The problems found (empty for [`ConfigError::Read`]).
    pub fn problems(&self) -> &[Problem] {
        match self {
            ConfigError::Read { .. } => &[],
            ConfigError::Invalid { problems, .. } => problems,
        }
    }

    /// Where the first problem is, when known.
    pub fn location(&self) -> Option<Location> {
        self.problems().first().and_then(|p| p.location)
    }
}

fn render_all(path: &Path, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.render(path))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Turn a serde_yaml error into a [`Problem`]: its location, and its message without the
/// trailing ` at line L column C` that serde_yaml appends (we print the location up front).
pub(crate) fn from_yaml(err: &serde_yaml::Error) -> Problem {
    let mut message = err.to_string();
    let location = err.location().map(|l| Location {
        line: l.line(),
        column: l.column(),
    });
    if let Some(at) = location {
        let suffix = format!(" at line {} column {}", at.line, at.column);
        if let Some(i) = message.find(&suffix) {
            message.replace_range(i..i + suffix.len(), "");
        }
    }
    if let Some(hint) = did_you_mean(&message) {
        message.push_str(&hint);
    }
    Problem::new(location, message)
}

/// For serde's "unknown field `x`, expected one of `a`, `b`" (and "unknown variant"),
/// suggest the closest expected name when it is a likely typo.
fn did_you_mean(message: &str) -> Option<String> {
    let rest = message
        .split_once("unknown field `")
        .or_else(|| message.split_once("unknown variant `"))?
        .1;
    let (got, expected) = rest.split_once('`')?;
    let best = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|name| (edit_distance(got, name), name))
        .min()?;
    let limit = if got.chars().count() <= 4 { 1 } else { 2 };
    (best.0 <= limit && best.0 > 0).then(|| format!(" (did you mean `{}`?)", best.1))
}

/// Levenshtein distance over characters, one row of the table at a time.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut next = Vec::with_capacity(row.len());
        next.push(i + 1);
        for ((cb, &diagonal), &above) in b.iter().zip(&row).zip(row.iter().skip(1)) {
            let left = next.last().copied().unwrap_or(i + 1);
            next.push(if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(left)
            });
        }
        row = next;
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("unknown field `sensitve`, expected one of `type`, `sensitive`"),
            Some(" (did you mean `sensitive`?)".into())
        );
        assert_eq!(
            did_you_mean("unknown field `colour`, expected one of `type`, `sensitive`"),
            None
        );
        assert_eq!(
            did_you_mean("unknown variant `stric`, expected `strict` or `normal`"),
            Some(" (did you mean `strict`?)".into())
        );
    }

    #[test]
    fn renders_with_and_without_location() {
        let err = ConfigError::invalid(
            Path::new("a/agent.yaml"),
            vec![
                Problem::new(None, "second"),
                Problem::new(Some(Location { line: 3, column: 5 }), "first"),
            ],
        );
        assert_eq!(
            err.to_string(),
            "a/agent.yaml:3:5: first\na/agent.yaml: second"
        );
    }
}
