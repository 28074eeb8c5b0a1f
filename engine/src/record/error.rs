//! What can go wrong writing, reading or keying a record.

use std::path::PathBuf;

use thiserror::Error;

use super::digest::Digest;

/// An error from the record API, worded for the person who has to act on it.
#[derive(Debug, Error)]
pub enum RecordError {
    /// A file could not be created, written, read or synced.
    #[error("{}: cannot {action}: {source}", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// A key file already exists; keygen never overwrites one.
    #[error("{} already exists; remove it or choose another --out prefix", path.display())]
    KeyExists { path: PathBuf },
    /// A key file is not an ed25519 key in the expected PEM form.
    #[error("{}: not an ed25519 {what} in PEM ({form}): {message}", path.display())]
    Key {
        path: PathBuf,
        what: &'static str,
        form: &'static str,
        message: String,
    },
    /// The system random source failed while generating a key.
    #[error("cannot generate a key: the system random source failed: {0}")]
    Random(String),
    /// `append` was given a parent that is not the hash of a node already in the record.
    #[error(
        "parent {} of the {kind} node is not the hash of a node already in the record \
         (append a node before naming it as a parent)",
        parent.short()
    )]
    UnknownParent { kind: String, parent: Digest },
    /// `append` was given an empty kind.
    #[error("a node's kind must be a non-empty string")]
    EmptyKind,
    /// A body holds an integer that canonical JSON would round.
    #[error(
        "the {kind} node's body holds the integer {number}, which canonical JSON (RFC 8785) \
         cannot keep exactly (beyond ±2^53): record it as a string"
    )]
    InexactNumber { kind: String, number: String },
    /// An earlier write failed, so the file no longer ends on a whole line.
    #[error(
        "{}: an earlier write failed ({message}); the record cannot be continued",
        path.display()
    )]
    Broken { path: PathBuf, message: String },
    /// A line of a record file is not what the format says.
    #[error("{}, line {line}: {message}", path.display())]
    Malformed {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// The file is not a bactrian record at all.
    /// A node would take the record past its size limit (`record.max_size`).
    #[error("{}: {message}", path.display())]
    TooLarge { path: PathBuf, message: String },
    #[error("{}: not a bactrian record: {message}", path.display())]
    NotARecord { path: PathBuf, message: String },
    /// Canonical JSON could not be produced (it cannot happen for a `serde_json::Value`).
    #[error("cannot write canonical JSON: {0}")]
    Canonical(String),
}

impl RecordError {
    pub(crate) fn io(path: &std::path::Path, action: &'static str, source: std::io::Error) -> Self {
        RecordError::Io {
            path: path.to_path_buf(),
            action,
            source,
        }
    }

    /// Whether the error is about reaching a file (missing, unreadable, not writable) rather
    /// than about its content.
    pub fn is_io(&self) -> bool {
        matches!(self, RecordError::Io { .. })
    }
}
