//! Reading a record file into memory (without verifying it: see [`verify`](super::verify())).

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::digest::{Digest, NodeHash};
use super::envelope::Envelope;
use super::error::RecordError;
use super::FORMAT;

/// The first line of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// Always [`FORMAT`] (`bactrian-record/1`).
    pub format: String,
    /// When the record was created (RFC 3339, UTC).
    pub created: String,
    /// The agent that ran.
    pub agent: String,
    /// Hex SHA-256 of the signer's raw ed25519 public key; `None` for an unsigned record.
    pub key_id: Option<String>,
    /// The signer's raw ed25519 public key in hex (64 digits); `None` for an unsigned record.
    pub public_key: Option<String>,
}

/// One step of the run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordNode {
    /// Position in the record: 1 for the first node, then 2, 3, ...
    pub seq: u64,
    /// What the node is: `program`, `tool_call`, `decision`, ... (see [`super::KINDS`]).
    pub kind: String,
    /// The engine's fields for this kind.
    pub body: Value,
    /// Hashes of earlier nodes this one was derived from.
    pub parents: Vec<NodeHash>,
    /// SHA-256 of the canonical JSON of `{"kind", "body", "parents"}`.
    pub hash: NodeHash,
    /// SHA-256 of the previous chain value, this hash, seq and time.
    pub chain: Digest,
    /// When the node was written (RFC 3339, UTC).
    pub time: String,
}

/// A record file in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub header: Header,
    pub nodes: Vec<RecordNode>,
    /// The DSSE envelope; `None` when the run did not finish (the writer never sealed it).
    pub envelope: Option<Envelope>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EnvelopeLine {
    pub envelope: Envelope,
}

/// A file cut into lines: the ones ended by a newline, and a last one that is not (the
/// writer always ends a line, so that one was cut off while being written).
pub(crate) struct Lines<'a> {
    pub complete: Vec<&'a [u8]>,
    pub torn: Option<&'a [u8]>,
}

pub(crate) fn split_lines(bytes: &[u8]) -> Lines<'_> {
    let mut complete: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    // `split` yields one segment after the last newline: empty for a well-ended file.
    let last = complete.pop().unwrap_or_default();
    Lines {
        complete,
        torn: (!last.is_empty()).then_some(last),
    }
}

pub(crate) fn is_envelope_line(line: &[u8]) -> bool {
    line.starts_with(b"{\"envelope\":")
}

impl Record {
    /// Reads a record. It checks the shape of every line, not hashes or signatures: call
    /// [`verify`](super::verify()) for that. A last line cut off mid-write (a run that
    /// crashed) is left out, so a record of an unfinished run loads with `envelope: None`.
    pub fn load(path: &Path) -> Result<Record, RecordError> {
        let bytes = super::read_record_file(path).map_err(|e| RecordError::io(path, "read", e))?;
        Record::from_bytes(path, &bytes)
    }

    /// Like [`Record::load`], from bytes already read (`path` names them in errors).
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Record, RecordError> {
        let not_a_record = |message: String| RecordError::NotARecord {
            path: path.to_path_buf(),
            message,
        };
        let lines = split_lines(bytes);
        let Some((first, rest)) = lines.complete.split_first() else {
            return Err(not_a_record(if bytes.is_empty() {
                "the file is empty".into()
            } else {
                "the header line is cut off".into()
            }));
        };
        let header: Header = serde_json::from_slice(first)
            .map_err(|e| not_a_record(format!("line 1 is not a record header: {e}")))?;
        if header.format != FORMAT {
            return Err(not_a_record(format!(
                "its format is {:?}; this bactrian reads {FORMAT}",
                header.format
            )));
        }
        let malformed = |line: usize, message: String| RecordError::Malformed {
            path: path.to_path_buf(),
            line,
            message,
        };
        let mut nodes = Vec::with_capacity(rest.len());
        let mut envelope = None;
        for (i, line) in rest.iter().enumerate() {
            let number = i + 2;
            if envelope.is_some() {
                return Err(malformed(number, "data after the envelope".into()));
            }
            if is_envelope_line(line) {
                let parsed: EnvelopeLine = serde_json::from_slice(line)
                    .map_err(|e| malformed(number, format!("not a DSSE envelope line: {e}")))?;
                envelope = Some(parsed.envelope);
            } else {
                let node: RecordNode = serde_json::from_slice(line)
                    .map_err(|e| malformed(number, format!("not a node line: {e}")))?;
                nodes.push(node);
            }
        }
        Ok(Record {
            header,
            nodes,
            envelope,
        })
    }

    /// The chain value of the last node (32 zero bytes for a record without nodes).
    pub fn chain_head(&self) -> Digest {
        self.nodes.last().map_or(Digest::ZERO, |n| n.chain)
    }

    /// Whether the run finished (the record ends with an envelope).
    pub fn is_complete(&self) -> bool {
        self.envelope.is_some()
    }
}
