//! The last line of a finished record: a DSSE envelope whose payload is an in-toto Statement
//! naming the chain head, signed with ed25519 over DSSE's pre-authentication encoding.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use ed25519_dalek::{Signer, SigningKey};
use serde::{Deserialize, Serialize};

use super::canonical;
use super::error::RecordError;

/// DSSE `payloadType` of the envelope.
pub const PAYLOAD_TYPE: &str = "application/vnd.in-toto+json";
/// in-toto Statement `_type`.
pub const STATEMENT_TYPE: &str = "https://in-toto.io/Statement/v1";
/// in-toto `predicateType` of a bactrian record.
pub const PREDICATE_TYPE: &str = "https://bactrian.dev/provenance/v1";

/// A DSSE envelope (<https://github.com/secure-systems-lab/dsse>).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    #[serde(rename = "payloadType")]
    pub payload_type: String,
    /// Base64 (standard alphabet, padded) of the canonical JSON of a [`Statement`].
    pub payload: String,
    /// Zero (unsigned record) or one signature.
    pub signatures: Vec<EnvelopeSignature>,
}

/// One DSSE signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvelopeSignature {
    /// The signer's key id: hex SHA-256 of the raw 32-byte ed25519 public key.
    pub keyid: String,
    /// Base64 of the 64-byte ed25519 signature over [`pae`]`(payloadType, payload bytes)`.
    pub sig: String,
}

/// The in-toto Statement v1 a record's envelope carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    #[serde(rename = "_type")]
    pub statement_type: String,
    pub subject: Vec<Subject>,
    #[serde(rename = "predicateType")]
    pub predicate_type: String,
    pub predicate: Provenance,
}

/// The statement's subject: the record, identified by its chain head.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    /// The record's file name when it was written, or `run`.
    pub name: String,
    pub digest: SubjectDigest,
}

/// `{"sha256": "<chain head hex>"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectDigest {
    pub sha256: String,
}

/// The predicate of a bactrian record's statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// How many nodes the record holds.
    pub nodes: u64,
    /// The chain value of the last node (64 zeros when there is none).
    pub chain_head: String,
    /// The header's `agent`.
    pub agent: String,
    /// The header's `created`.
    pub created: String,
    /// The header's `key_id`.
    pub key_id: Option<String>,
    /// SHA-256 (hex) of the program the run executed, as the engine gave it.
    pub program_sha256: String,
}

/// DSSE's pre-authentication encoding:
/// `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, lengths in ASCII decimal.
pub fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + payload_type.len() + 32);
    out.extend_from_slice(b"DSSEv1 ");
    out.extend_from_slice(payload_type.len().to_string().as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload_type.as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload.len().to_string().as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload);
    out
}

impl Envelope {
    /// Wraps `statement` (as canonical JSON) and signs it with `key`, if any.
    pub(crate) fn seal(
        statement: &Statement,
        key: Option<(&SigningKey, &str)>,
    ) -> Result<Envelope, RecordError> {
        let payload = canonical::to_vec(statement)?;
        let signatures = match key {
            Some((key, key_id)) => {
                let sig = key.sign(&pae(PAYLOAD_TYPE, &payload));
                vec![EnvelopeSignature {
                    keyid: key_id.to_string(),
                    sig: STANDARD.encode(sig.to_bytes()),
                }]
            }
            None => Vec::new(),
        };
        Ok(Envelope {
            payload_type: PAYLOAD_TYPE.to_string(),
            payload: STANDARD.encode(payload),
            signatures,
        })
    }

    /// The decoded payload bytes.
    pub fn payload_bytes(&self) -> Result<Vec<u8>, String> {
        STANDARD
            .decode(&self.payload)
            .map_err(|e| format!("payload is not base64: {e}"))
    }

    /// The statement the payload carries.
    pub fn statement(&self) -> Result<Statement, String> {
        let bytes = self.payload_bytes()?;
        serde_json::from_slice(&bytes)
            .map_err(|e| format!("payload is not a bactrian in-toto statement: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The example in DSSE's protocol.md.
    #[test]
    fn pae_matches_the_dsse_spec() {
        assert_eq!(
            pae("http://example.com/HelloWorld", b"hello world"),
            b"DSSEv1 29 http://example.com/HelloWorld 11 hello world"
        );
        assert_eq!(pae("", b""), b"DSSEv1 0  0 ");
    }
}
