//! Writing a record as the run goes: one line per node, written and flushed at once.

use std::collections::HashSet;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;
use serde_json::Value;

use super::canonical;
use super::digest::{hex, Digest, NodeHash};
use super::envelope::{Envelope, Provenance, Statement, Subject, SubjectDigest};
use super::envelope::{PREDICATE_TYPE, STATEMENT_TYPE};
use super::error::RecordError;
use super::keys::key_id;
use super::read::Header;
use super::time;
use super::FORMAT;

/// Appends nodes to a record file; [`RecordWriter::finish`] seals it with the envelope.
///
/// Dropping a writer without `finish` leaves a record that `verify` reports as incomplete,
/// which is what a run that did not end normally should leave.
pub struct RecordWriter {
    path: PathBuf,
    file: File,
    header: Header,
    key: Option<(SigningKey, String)>,
    seq: u64,
    chain: Digest,
    known: HashSet<NodeHash>,
    broken: Option<String>,
    line: Vec<u8>,
    body: Vec<u8>,
    content: Vec<u8>,
    /// Bytes written so far, and the most the file may hold.
    written: u64,
    max_size: u64,
}

/// Room kept for the envelope line that seals a record (about 1 KiB with a signature).
const ENVELOPE_ROOM: u64 = 4 << 10;

impl RecordWriter {
    /// Creates (or truncates) `path` and writes the header line. With a key, the record will
    /// be signed by it when finished.
    pub fn create(
        path: &Path,
        agent: &str,
        key: Option<&SigningKey>,
    ) -> Result<RecordWriter, RecordError> {
        let file = File::create(path).map_err(|e| RecordError::io(path, "create the record", e))?;
        let key = key.map(|k| (k.clone(), key_id(&k.verifying_key())));
        let header = Header {
            format: FORMAT.to_string(),
            created: time::now(),
            agent: agent.to_string(),
            key_id: key.as_ref().map(|(_, id)| id.clone()),
            public_key: key.as_ref().map(|(k, _)| hex(k.verifying_key().as_bytes())),
        };
        let mut writer = RecordWriter {
            path: path.to_path_buf(),
            file,
            header,
            key,
            seq: 0,
            chain: Digest::ZERO,
            known: HashSet::new(),
            broken: None,
            line: Vec::with_capacity(512),
            body: Vec::with_capacity(256),
            content: Vec::with_capacity(256),
            written: 0,
            max_size: super::MAX_RECORD_BYTES,
        };
        let mut line = Vec::new();
        canonical::header_line(&mut line, &writer.header)?;
        writer.write_line(line)?;
        Ok(writer)
    }

    /// Lowers the most bytes the record may take (never above [`super::MAX_RECORD_BYTES`]).
    /// A node that would take it past that is refused with [`RecordError::TooLarge`], and
    /// so is every node after it: the record ends there, verifiable but incomplete.
    pub fn set_max_size(&mut self, bytes: u64) {
        self.max_size = bytes.min(super::MAX_RECORD_BYTES);
    }

    /// Appends one node, writes and flushes its line; returns its hash.
    ///
    /// `parents` must be hashes this writer returned earlier. Integers in `body` must fit a
    /// double exactly (±2^53): canonical JSON would round bigger ones, so record them as strings.
    pub fn append(
        &mut self,
        kind: &str,
        body: Value,
        parents: &[NodeHash],
    ) -> Result<NodeHash, RecordError> {
        if let Some(message) = &self.broken {
            return Err(RecordError::Broken {
                path: self.path.clone(),
                message: message.clone(),
            });
        }
        if kind.is_empty() {
            return Err(RecordError::EmptyKind);
        }
        if let Some(parent) = parents.iter().find(|p| !self.known.contains(p)) {
            return Err(RecordError::UnknownParent {
                kind: kind.to_string(),
                parent: *parent,
            });
        }
        if let Some(number) = canonical::inexact_integer(&body) {
            return Err(RecordError::InexactNumber {
                kind: kind.to_string(),
                number,
            });
        }
        self.body.clear();
        canonical::json(&mut self.body, &body)?;
        self.content.clear();
        canonical::hashed_content(&mut self.content, kind, &self.body, parents)?;
        let hash = Digest::of(&self.content);
        let seq = self.seq + 1;
        let time = time::now();
        let chain = canonical::chain_next(&self.chain, &hash, seq, &time);
        let mut line = std::mem::take(&mut self.line);
        line.clear();
        canonical::node_line(
            &mut line, seq, kind, &self.body, parents, &hash, &chain, &time,
        )?;
        let size = self.written + line.len() as u64 + 1;
        if size + ENVELOPE_ROOM > self.max_size {
            let message = format!(
                "node {seq} ({kind}) would take the record past its limit of {} bytes",
                self.max_size
            );
            self.broken = Some(message.clone());
            self.line = line;
            return Err(RecordError::TooLarge {
                path: self.path.clone(),
                message,
            });
        }
        self.write_line(line)?;
        self.seq = seq;
        self.chain = chain;
        self.known.insert(hash);
        Ok(hash)
    }

    fn write_line(&mut self, mut line: Vec<u8>) -> Result<(), RecordError> {
        line.push(b'\n');
        self.written += line.len() as u64;
        let result = self.file.write_all(&line).and_then(|()| self.file.flush());
        line.clear();
        self.line = line;
        result.map_err(|e| {
            self.broken = Some(e.to_string());
            RecordError::io(&self.path, "write the record", e)
        })
    }

    /// Seals the record: writes the DSSE envelope over the chain head (signed when the
    /// writer has a key) and syncs the file to disk.
    pub fn finish(mut self, program_sha256: &str) -> Result<(), RecordError> {
        if let Some(message) = self.broken.take() {
            return Err(RecordError::Broken {
                path: self.path,
                message,
            });
        }
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "run".to_string());
        let statement = Statement {
            statement_type: STATEMENT_TYPE.to_string(),
            subject: vec![Subject {
                name,
                digest: SubjectDigest {
                    sha256: self.chain.to_hex(),
                },
            }],
            predicate_type: PREDICATE_TYPE.to_string(),
            predicate: Provenance {
                nodes: self.seq,
                chain_head: self.chain.to_hex(),
                agent: self.header.agent.clone(),
                created: self.header.created.clone(),
                key_id: self.header.key_id.clone(),
                program_sha256: program_sha256.to_string(),
            },
        };
        let envelope = Envelope::seal(
            &statement,
            self.key.as_ref().map(|(k, id)| (k, id.as_str())),
        )?;
        let mut line = Vec::new();
        canonical::envelope_line(&mut line, &envelope)?;
        self.write_line(line)?;
        self.file
            .sync_all()
            .map_err(|e| RecordError::io(&self.path, "sync the record", e))
    }

    /// The record's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many nodes have been appended.
    pub fn nodes(&self) -> u64 {
        self.seq
    }

    /// The chain value of the last node appended (32 zero bytes before the first).
    pub fn chain_head(&self) -> Digest {
        self.chain
    }

    /// The header as written.
    pub fn header(&self) -> &Header {
        &self.header
    }
}
