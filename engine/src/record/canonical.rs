//! The exact bytes of every record line, and of what gets hashed.
//!
//! Bodies, strings and statements are written in RFC 8785 canonical JSON (JCS) through
//! `serde_json_canonicalizer`; the fixed line shapes around them are written here, with no
//! optional whitespace, so that a verifier can re-render each parsed line and demand the same
//! bytes: every byte of a record is significant.

use serde::Serialize;
use serde_json::Value;

use super::digest::Digest;
use super::error::RecordError;

/// Appends the RFC 8785 canonical JSON of `value` to `buf`.
pub(crate) fn json<T: Serialize + ?Sized>(buf: &mut Vec<u8>, value: &T) -> Result<(), RecordError> {
    serde_json_canonicalizer::to_writer(&value, buf)
        .map_err(|e| RecordError::Canonical(e.to_string()))
}

/// The canonical JSON of `value`.
pub(crate) fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, RecordError> {
    let mut buf = Vec::with_capacity(128);
    json(&mut buf, value)?;
    Ok(buf)
}

fn digest(buf: &mut Vec<u8>, d: &Digest) {
    buf.push(b'"');
    buf.extend_from_slice(d.to_hex().as_bytes());
    buf.push(b'"');
}

fn parents(buf: &mut Vec<u8>, list: &[Digest]) {
    buf.push(b'[');
    for (i, p) in list.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        digest(buf, p);
    }
    buf.push(b']');
}

/// What a node's hash covers: `JCS({"kind": .., "body": .., "parents": [..]})`, which with its
/// keys sorted is `{"body":B,"kind":K,"parents":[P,..]}`. `body` is already canonical.
pub(crate) fn hashed_content(
    buf: &mut Vec<u8>,
    kind: &str,
    body: &[u8],
    parent_list: &[Digest],
) -> Result<(), RecordError> {
    buf.extend_from_slice(b"{\"body\":");
    buf.extend_from_slice(body);
    buf.extend_from_slice(b",\"kind\":");
    json(buf, kind)?;
    buf.extend_from_slice(b",\"parents\":");
    parents(buf, parent_list);
    buf.push(b'}');
    Ok(())
}

/// The hash (hex) that a node with this kind, body and parents gets: what
/// [`super::RecordWriter::append`] returns for it, computed without writing anything (replay
/// uses it to rebuild a run's nodes in memory). Parents are hex hashes.
pub fn node_hash<P: AsRef<str>>(kind: &str, body: &Value, parents: &[P]) -> String {
    // Canonical JSON of a `serde_json::Value` cannot fail: a Value holds no NaN or infinity.
    let mut content = Vec::with_capacity(256);
    content.extend_from_slice(b"{\"body\":");
    let _ = json(&mut content, body);
    content.extend_from_slice(b",\"kind\":");
    let _ = json(&mut content, kind);
    content.extend_from_slice(b",\"parents\":[");
    for (i, p) in parents.iter().enumerate() {
        if i > 0 {
            content.push(b',');
        }
        let _ = json(&mut content, p.as_ref());
    }
    content.extend_from_slice(b"]}");
    Digest::of(&content).to_hex()
}

/// A node line (without its newline):
/// `{"seq":S,"kind":K,"body":B,"parents":[..],"hash":H,"chain":C,"time":T}`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn node_line(
    buf: &mut Vec<u8>,
    seq: u64,
    kind: &str,
    body: &[u8],
    parent_list: &[Digest],
    hash: &Digest,
    chain: &Digest,
    time: &str,
) -> Result<(), RecordError> {
    buf.extend_from_slice(b"{\"seq\":");
    buf.extend_from_slice(seq.to_string().as_bytes());
    buf.extend_from_slice(b",\"kind\":");
    json(buf, kind)?;
    buf.extend_from_slice(b",\"body\":");
    buf.extend_from_slice(body);
    buf.extend_from_slice(b",\"parents\":");
    parents(buf, parent_list);
    buf.extend_from_slice(b",\"hash\":");
    digest(buf, hash);
    buf.extend_from_slice(b",\"chain\":");
    digest(buf, chain);
    buf.extend_from_slice(b",\"time\":");
    json(buf, time)?;
    buf.push(b'}');
    Ok(())
}

/// The header line (without its newline):
/// `{"format":F,"created":T,"agent":A,"key_id":K|null,"public_key":P|null}`.
pub(crate) fn header_line(
    buf: &mut Vec<u8>,
    header: &super::read::Header,
) -> Result<(), RecordError> {
    buf.extend_from_slice(b"{\"format\":");
    json(buf, &header.format)?;
    buf.extend_from_slice(b",\"created\":");
    json(buf, &header.created)?;
    buf.extend_from_slice(b",\"agent\":");
    json(buf, &header.agent)?;
    buf.extend_from_slice(b",\"key_id\":");
    json(buf, &header.key_id)?;
    buf.extend_from_slice(b",\"public_key\":");
    json(buf, &header.public_key)?;
    buf.push(b'}');
    Ok(())
}

/// The envelope line (without its newline):
/// `{"envelope":{"payloadType":T,"payload":P,"signatures":[{"keyid":K,"sig":S},..]}}`.
pub(crate) fn envelope_line(
    buf: &mut Vec<u8>,
    envelope: &super::envelope::Envelope,
) -> Result<(), RecordError> {
    buf.extend_from_slice(b"{\"envelope\":{\"payloadType\":");
    json(buf, &envelope.payload_type)?;
    buf.extend_from_slice(b",\"payload\":");
    json(buf, &envelope.payload)?;
    buf.extend_from_slice(b",\"signatures\":[");
    for (i, s) in envelope.signatures.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"keyid\":");
        json(buf, &s.keyid)?;
        buf.extend_from_slice(b",\"sig\":");
        json(buf, &s.sig)?;
        buf.push(b'}');
    }
    buf.extend_from_slice(b"]}}");
    Ok(())
}

/// `chain = SHA-256(prev_chain || hash || seq as 8 bytes big-endian || time as UTF-8)`.
pub(crate) fn chain_next(prev: &Digest, hash: &Digest, seq: u64, time: &str) -> Digest {
    use sha2::Digest as _;
    let mut h = sha2::Sha256::new();
    h.update(prev.0);
    h.update(hash.0);
    h.update(seq.to_be_bytes());
    h.update(time.as_bytes());
    Digest(h.finalize().into())
}

/// The first integer in `value` that canonical JSON would not keep exactly, if any.
/// (RFC 8785 writes every number as an IEEE 754 double.)
pub(crate) fn inexact_integer(value: &Value) -> Option<String> {
    match value {
        Value::Number(n) => {
            let exact = if let Some(u) = n.as_u64() {
                let f = u as f64;
                f < 18_446_744_073_709_551_616.0 && f as u64 == u
            } else if let Some(i) = n.as_i64() {
                let f = i as f64;
                (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&f)
                    && f as i64 == i
            } else {
                true
            };
            (!exact).then(|| n.to_string())
        }
        Value::Array(items) => items.iter().find_map(inexact_integer),
        Value::Object(map) => map.values().find_map(inexact_integer),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn jcs(text: &str) -> String {
        let value: Value = serde_json::from_str(text).unwrap();
        String::from_utf8(to_vec(&value).unwrap()).unwrap()
    }

    // RFC 8785 section 3.2.2 (the example) and 3.2.3 (sorting of properties).
    #[test]
    fn rfc_8785_examples() {
        assert_eq!(
            jcs(r#"{
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }"#),
            r#"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        );
        assert_eq!(
            jcs(r#"{
              "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One", "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }"#),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\
             \"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\
             \"😀\":\"Emoji: Grinning Face\",\"\u{fb33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        );
    }

    // RFC 8785 appendix B: numbers are written as ECMAScript writes doubles.
    #[test]
    fn rfc_8785_numbers() {
        for (input, expected) in [
            ("0", "0"),
            ("-0.0", "0"),
            ("1e21", "1e+21"),
            ("1e20", "100000000000000000000"),
            ("0.000001", "0.000001"),
            ("1e-7", "1e-7"),
            ("9007199254740992", "9007199254740992"),
            ("295147905179352830000", "295147905179352830000"),
            ("5e-324", "5e-324"),
            ("1.7976931348623157e308", "1.7976931348623157e+308"),
            ("-1.5", "-1.5"),
        ] {
            assert_eq!(jcs(input), expected, "{input}");
        }
    }

    #[test]
    fn integers_beyond_2_53_that_would_round_are_found() {
        assert_eq!(
            inexact_integer(&json!({"a": [1, 2.5, 9007199254740992u64]})),
            None
        );
        assert_eq!(inexact_integer(&json!(1u64 << 60)), None);
        assert_eq!(
            inexact_integer(&json!({"a": [9007199254740993u64]})),
            Some("9007199254740993".into())
        );
        assert_eq!(
            inexact_integer(&json!(u64::MAX)),
            Some(u64::MAX.to_string())
        );
        assert_eq!(inexact_integer(&json!(i64::MIN)), None);
        assert_eq!(
            inexact_integer(&json!(-9007199254740993i64)),
            Some("-9007199254740993".into())
        );
    }

    #[test]
    fn the_hashed_content_is_the_canonical_json_of_kind_body_and_parents() {
        let body = json!({"z": 1, "a": "x"});
        let parent = Digest::of(b"p");
        let mut ours = Vec::new();
        hashed_content(&mut ours, "tool_call", &to_vec(&body).unwrap(), &[parent]).unwrap();
        let theirs =
            to_vec(&json!({"kind": "tool_call", "body": body, "parents": [parent.to_hex()]}))
                .unwrap();
        assert_eq!(ours, theirs);
        assert_eq!(
            node_hash("tool_call", &body, &[parent.to_hex()]),
            Digest::of(&ours).to_hex()
        );
    }
}
