//! The signed provenance record: every step of a run, written as it happens into a JSON Lines
//! file whose nodes are content-addressed, hash-chained, and sealed by an ed25519 signature in
//! a DSSE envelope carrying an in-toto Statement. `docs/record.md` specifies the format.
//!
//! A tour: write a record, verify it, then tamper with it.
//!
//! ```
//! use bactrian_engine::record::{generate_key, verify, Record, RecordWriter};
//! use serde_json::json;
//!
//! let dir = std::env::temp_dir().join(format!("bactrian-record-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! let path = dir.join("run.record");
//! let key = generate_key().unwrap();
//!
//! let mut record = RecordWriter::create(&path, "news-reporter", Some(&key)).unwrap();
//! let program = record.append("program", json!({"source": "x = 1\n", "sha256": "ab12"}), &[]).unwrap();
//! let call = record.append("tool_call", json!({"tool": "web_search", "call": "c1"}), &[program]).unwrap();
//! record.append("end", json!({"status": "ok"}), &[call]).unwrap();
//! record.finish("ab12").unwrap();
//!
//! let report = verify(&path, Some(&key.verifying_key()));
//! assert!(report.ok && report.signed && report.complete);
//! assert_eq!(report.nodes, 3);
//!
//! let loaded = Record::load(&path).unwrap();
//! assert_eq!(loaded.nodes[1].kind, "tool_call");
//! assert_eq!(loaded.nodes[1].parents, vec![program]);
//!
//! // One changed byte anywhere, and verification names the node where it broke.
//! let text = std::fs::read_to_string(&path).unwrap();
//! std::fs::write(&path, text.replace("web_search", "web_seatch")).unwrap();
//! let report = verify(&path, Some(&key.verifying_key()));
//! assert!(!report.ok);
//! assert_eq!(
//!     report.problem.as_deref(),
//!     Some("node 2 (seq 2, kind tool_call): hash does not match its content")
//! );
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

mod canonical;
mod digest;
mod envelope;
mod error;
mod graph;
mod key_order;
mod keys;
mod part_labels;
mod read;
mod steps;
mod time;
mod verify;
mod writer;

pub use canonical::node_hash;
pub use digest::{Digest, NodeHash};
pub use envelope::{
    pae, Envelope, EnvelopeSignature, Provenance, Statement, Subject, SubjectDigest, PAYLOAD_TYPE,
    PREDICATE_TYPE, STATEMENT_TYPE,
};
pub use error::RecordError;
pub use graph::{to_dot, to_json_graph, RecordGraph};
pub use key_order::{key_order, with_key_order};
pub use keys::{generate_key, key_id, keygen, load_signing_key, load_verifying_key, KeyFiles};
pub use part_labels::{part_labels_from_json, part_labels_json};
pub use read::{Header, Record, RecordNode};
pub use steps::{decode_lines, encode_lines};
pub use verify::{verify, verify_bytes, VerifyReport};
pub use writer::RecordWriter;

/// The largest record written or read, in bytes (agent.yaml's `record.max_size` may lower
/// it for writing). A node that would take a record past its size is not written: the run
/// fails, and the record stays verifiable, marked incomplete. `verify` and `replay` read no
/// more than this of a file.
pub use bactrian_agent_config::MAX_RECORD_BYTES;

/// The bytes of the record file at `path`: at most [`MAX_RECORD_BYTES`], whatever the file is.
pub fn read_record_file(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    bactrian_agent_config::read_capped(path, MAX_RECORD_BYTES, "a record")
}

/// The `format` field of the header line.
pub const FORMAT: &str = "bactrian-record/1";

/// The node kinds the engine writes. The record accepts any non-empty kind (newer engines may
/// add some); these are the ones `docs/record.md` describes.
pub const KINDS: &[&str] = &[
    "program",
    "steps",
    "derivation",
    "tool_call",
    "decision",
    "approval",
    "tool_result",
    "tool_error",
    "sandbox_event",
    "sensor_event",
    "error",
    "end",
];
