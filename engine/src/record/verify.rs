//! Offline verification: recompute every hash and chain value, check every line is written
//! exactly as the writer writes it, check the envelope's statement against the record and its
//! signature against the key.

use std::collections::HashSet;
use std::path::Path;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use ed25519_dalek::{Signature, VerifyingKey};
use serde::Serialize;

use super::canonical;
use super::digest::{unhex, Digest};
use super::envelope::{pae, Envelope, Statement, PAYLOAD_TYPE, PREDICATE_TYPE, STATEMENT_TYPE};
use super::keys::key_id;
use super::read::{is_envelope_line, split_lines, EnvelopeLine, Header, RecordNode};
use super::FORMAT;

/// What [`verify`](verify()) found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    /// The record is complete, every check passed, and (when a key was given) that key signed it.
    pub ok: bool,
    /// Nodes verified: all of them when `ok`, else those before the problem.
    pub nodes: usize,
    /// The envelope carries a signature that verified.
    pub signed: bool,
    /// The record ends with an envelope (the run finished).
    pub complete: bool,
    /// The signer's key id as the header names it (`None`: unsigned, or no readable header).
    pub key_id: Option<String>,
    /// The signature was checked against the key the caller gave (not only the key the
    /// record carries).
    pub key_checked: bool,
    /// The chain value of the last verified node (hex).
    pub chain_head: Option<String>,
    /// What is wrong, naming the node or line where verification stopped.
    pub problem: Option<String>,
}

impl VerifyReport {
    /// One line for people: `ok: N nodes, chain head H, signed by K`, `ok: ..., unsigned`,
    /// `incomplete: ...` or `invalid: ...`.
    pub fn summary(&self) -> String {
        match &self.problem {
            Some(problem) if problem.starts_with("incomplete:") => problem.clone(),
            Some(problem) => format!("invalid: {problem}"),
            None => {
                let head = self.chain_head.as_deref().unwrap_or("");
                let by = match (&self.key_id, self.signed) {
                    (Some(id), true) => format!("signed by {id}"),
                    _ => "unsigned".to_string(),
                };
                format!("ok: {} nodes, chain head {head}, {by}", self.nodes)
            }
        }
    }
}

/// Verifies the record at `path`. Without `key` it checks the hash chain, the envelope and the
/// signature against the public key the record carries (which proves integrity, not who
/// signed: compare `key_id`); with `key` the record must be signed by that key.
/// Never panics, whatever the file holds.
pub fn verify(path: &Path, key: Option<&VerifyingKey>) -> VerifyReport {
    match super::read_record_file(path) {
        Ok(bytes) => verify_bytes(&bytes, key),
        Err(e) => VerifyReport {
            ok: false,
            nodes: 0,
            signed: false,
            complete: false,
            key_id: None,
            key_checked: false,
            chain_head: None,
            problem: Some(format!("{}: cannot read: {e}", path.display())),
        },
    }
}

/// [`verify`](verify()) on the bytes of a record file.
pub fn verify_bytes(bytes: &[u8], key: Option<&VerifyingKey>) -> VerifyReport {
    let mut v = Verifier {
        key,
        header: None,
        signer: None,
        nodes: 0,
        chain: Digest::ZERO,
        seen: HashSet::new(),
        program_sha256: None,
        complete: false,
        signed: false,
        line: Vec::with_capacity(512),
        body: Vec::with_capacity(256),
        content: Vec::with_capacity(256),
    };
    let problem = v.run(bytes).err();
    VerifyReport {
        ok: problem.is_none(),
        nodes: v.nodes as usize,
        signed: v.signed,
        complete: v.complete,
        key_id: v.header.as_ref().and_then(|h| h.key_id.clone()),
        key_checked: v.signed && key.is_some(),
        chain_head: Some(v.chain.to_hex()),
        problem,
    }
}

struct Verifier<'k> {
    key: Option<&'k VerifyingKey>,
    header: Option<Header>,
    /// The key the signature must verify under: the caller's, else the header's.
    signer: Option<VerifyingKey>,
    nodes: u64,
    chain: Digest,
    seen: HashSet<Digest>,
    program_sha256: Option<String>,
    complete: bool,
    signed: bool,
    line: Vec<u8>,
    body: Vec<u8>,
    content: Vec<u8>,
}

/// A string from the file as it may appear in a message: escaped and short.
fn shown(text: &str) -> String {
    let mut s: String = text.escape_debug().collect();
    if s.chars().count() > 40 {
        s = s.chars().take(40).collect::<String>() + "…";
    }
    s
}

type Check = Result<(), String>;

impl Verifier<'_> {
    fn run(&mut self, bytes: &[u8]) -> Check {
        let lines = split_lines(bytes);
        let Some((first, rest)) = lines.complete.split_first() else {
            return Err(if bytes.is_empty() {
                "the file is empty: not a bactrian record".to_string()
            } else {
                "incomplete: the run did not finish; 0 nodes verified (the header line is cut off)"
                    .to_string()
            });
        };
        self.header(first)?;
        for (i, line) in rest.iter().enumerate() {
            let number = i + 2;
            if self.complete {
                return Err(format!(
                    "line {number}: data after the envelope (the envelope must be the last line)"
                ));
            }
            if is_envelope_line(line) {
                self.complete = true;
                self.envelope(number, line)?;
            } else {
                self.node(number, line, rest.get(i + 1..).unwrap_or_default())?;
            }
        }
        if self.complete {
            if lines.torn.is_some() {
                return Err(format!(
                    "line {}: data after the envelope (the envelope must be the last line)",
                    lines.complete.len() + 1
                ));
            }
            return Ok(());
        }
        Err(format!(
            "incomplete: the run did not finish; {} nodes verified{}",
            self.nodes,
            if lines.torn.is_some() {
                " (the last line is cut off)"
            } else {
                ""
            }
        ))
    }

    fn header(&mut self, line: &[u8]) -> Check {
        let at = "header (line 1)";
        let header: Header = serde_json::from_slice(line)
            .map_err(|e| format!("{at}: not a bactrian record header: {e}"))?;
        if header.format != FORMAT {
            return Err(format!(
                "{at}: format {:?}; this bactrian reads {FORMAT}",
                shown(&header.format)
            ));
        }
        self.line.clear();
        canonical::header_line(&mut self.line, &header).map_err(|e| format!("{at}: {e}"))?;
        if self.line != line {
            return Err(format!(
                "{at}: not in canonical form (a byte was changed or added)"
            ));
        }
        let embedded = match (&header.key_id, &header.public_key) {
            (None, None) => None,
            (Some(id), Some(public)) => {
                let key = unhex(public)
                    .and_then(|b| <[u8; 32]>::try_from(b).ok())
                    .and_then(|b| VerifyingKey::from_bytes(&b).ok())
                    .ok_or_else(|| format!("{at}: public_key is not an ed25519 public key"))?;
                if key_id(&key) != *id {
                    return Err(format!("{at}: key_id does not match public_key"));
                }
                Some(key)
            }
            _ => {
                return Err(format!(
                    "{at}: key_id and public_key must both be set or both be null"
                ))
            }
        };
        match (self.key, &header.key_id) {
            (Some(given), Some(id)) if key_id(given) != *id => {
                return Err(format!(
                    "{at}: the record names signing key {id}, not the given key {}",
                    key_id(given)
                ))
            }
            (Some(_), None) => {
                return Err(format!(
                    "{at}: the record is unsigned (it names no key), but a key was given"
                ))
            }
            _ => {}
        }
        self.signer = self.key.copied().or(embedded);
        self.header = Some(header);
        Ok(())
    }

    fn node(&mut self, number: usize, line: &[u8], later: &[&[u8]]) -> Check {
        let position = self.nodes + 1;
        let node: RecordNode = serde_json::from_slice(line)
            .map_err(|e| format!("node {position} (line {number}): not a node line: {e}"))?;
        let at = format!(
            "node {position} (seq {}, kind {})",
            node.seq,
            shown(&node.kind)
        );
        self.body.clear();
        canonical::json(&mut self.body, &node.body).map_err(|e| format!("{at}: {e}"))?;
        self.content.clear();
        canonical::hashed_content(&mut self.content, &node.kind, &self.body, &node.parents)
            .map_err(|e| format!("{at}: {e}"))?;
        self.line.clear();
        canonical::node_line(
            &mut self.line,
            node.seq,
            &node.kind,
            &self.body,
            &node.parents,
            &node.hash,
            &node.chain,
            &node.time,
        )
        .map_err(|e| format!("{at}: {e}"))?;
        if self.line != line {
            return Err(format!(
                "{at}: line {number} is not in canonical form (a byte was changed or added)"
            ));
        }
        if node.seq != position {
            return Err(format!(
                "{at}: out of place: expected seq {position} (a node was removed, duplicated or moved)"
            ));
        }
        if node.kind.is_empty() {
            return Err(format!("{at}: empty kind"));
        }
        if Digest::of(&self.content) != node.hash {
            return Err(format!("{at}: hash does not match its content"));
        }
        for parent in &node.parents {
            if !self.seen.contains(parent) {
                let later_seq = later.iter().find_map(|l| {
                    serde_json::from_slice::<RecordNode>(l)
                        .ok()
                        .filter(|n| n.hash == *parent)
                        .map(|n| n.seq)
                });
                return Err(match later_seq {
                    Some(seq) => format!(
                        "{at}: parent {} points at a later node (seq {seq}); parents must come first",
                        parent.short()
                    ),
                    None => format!(
                        "{at}: parent {} is not the hash of an earlier node",
                        parent.short()
                    ),
                });
            }
        }
        let chain = canonical::chain_next(&self.chain, &node.hash, node.seq, &node.time);
        if chain != node.chain {
            return Err(format!(
                "{at}: chain does not follow from the node before it \
                 (a node was removed or moved, or its time was changed)"
            ));
        }
        if node.kind == "program" && self.program_sha256.is_none() {
            if let Some(sha) = node.body.get("sha256").and_then(|v| v.as_str()) {
                self.program_sha256 = Some(sha.to_string());
            }
        }
        self.seen.insert(node.hash);
        self.chain = chain;
        self.nodes = position;
        Ok(())
    }

    fn envelope(&mut self, number: usize, line: &[u8]) -> Check {
        let at = format!("envelope (line {number})");
        let parsed: EnvelopeLine = serde_json::from_slice(line)
            .map_err(|e| format!("{at}: not a DSSE envelope line: {e}"))?;
        let envelope: Envelope = parsed.envelope;
        self.line.clear();
        canonical::envelope_line(&mut self.line, &envelope).map_err(|e| format!("{at}: {e}"))?;
        if self.line != line {
            return Err(format!(
                "{at}: not in canonical form (a byte was changed or added)"
            ));
        }
        if envelope.payload_type != PAYLOAD_TYPE {
            return Err(format!(
                "{at}: payloadType {:?}; a bactrian record's is {PAYLOAD_TYPE}",
                shown(&envelope.payload_type)
            ));
        }
        let payload = envelope.payload_bytes().map_err(|e| format!("{at}: {e}"))?;
        let Some(header) = &self.header else {
            return Err(format!("{at}: no header"));
        };
        match &header.key_id {
            None if !envelope.signatures.is_empty() => {
                return Err(format!(
                    "{at}: carries a signature, but the header names no key"
                ))
            }
            None => {}
            Some(id) => {
                let [signature] = envelope.signatures.as_slice() else {
                    return Err(format!(
                        "{at}: {} signatures; a signed bactrian record carries exactly one",
                        envelope.signatures.len()
                    ));
                };
                if signature.keyid != *id {
                    return Err(format!(
                        "{at}: the signature's keyid {} is not the header's key_id {id}",
                        shown(&signature.keyid)
                    ));
                }
                let sig = STANDARD
                    .decode(&signature.sig)
                    .ok()
                    .and_then(|b| <[u8; 64]>::try_from(b).ok())
                    .map(|b| Signature::from_bytes(&b))
                    .ok_or_else(|| format!("{at}: sig is not a base64 ed25519 signature"))?;
                let signer = self
                    .signer
                    .as_ref()
                    .ok_or_else(|| format!("{at}: no key"))?;
                signer
                    .verify_strict(&pae(&envelope.payload_type, &payload), &sig)
                    .map_err(|_| {
                        format!(
                            "{at}: the signature does not verify \
                             (the payload or the signature was changed, or another key signed it)"
                        )
                    })?;
                self.signed = true;
            }
        }
        let statement: Statement = serde_json::from_slice(&payload)
            .map_err(|e| format!("{at}: the payload is not a bactrian in-toto statement: {e}"))?;
        let canonical_payload = canonical::to_vec(&statement).map_err(|e| format!("{at}: {e}"))?;
        if canonical_payload != payload {
            return Err(format!(
                "{at}: the statement is not in canonical form (a byte was changed or added)"
            ));
        }
        self.statement(&at, &statement)
    }

    fn statement(&self, at: &str, statement: &Statement) -> Check {
        let Some(header) = &self.header else {
            return Err(format!("{at}: no header"));
        };
        let head = self.chain.to_hex();
        let predicate = &statement.predicate;
        let mismatch = |what: &str| Err(format!("{at}: the statement's {what}"));
        if statement.statement_type != STATEMENT_TYPE {
            return mismatch(&format!("_type is not {STATEMENT_TYPE}"));
        }
        if statement.predicate_type != PREDICATE_TYPE {
            return mismatch(&format!("predicateType is not {PREDICATE_TYPE}"));
        }
        let [subject] = statement.subject.as_slice() else {
            return mismatch("subject does not name exactly one record");
        };
        if subject.digest.sha256 != head || predicate.chain_head != head {
            return mismatch(&format!(
                "chain head is not the record's chain head {head} \
                 (nodes were added, removed or changed after it was sealed)"
            ));
        }
        if predicate.nodes != self.nodes {
            return mismatch(&format!(
                "node count {} is not the record's {}",
                predicate.nodes, self.nodes
            ));
        }
        if predicate.agent != header.agent {
            return mismatch("agent is not the header's");
        }
        if predicate.created != header.created {
            return mismatch("created time is not the header's");
        }
        if predicate.key_id != header.key_id {
            return mismatch("key_id is not the header's");
        }
        if let Some(sha) = &self.program_sha256 {
            if predicate.program_sha256 != *sha {
                return mismatch("program_sha256 is not the program node's sha256");
            }
        }
        Ok(())
    }
}
