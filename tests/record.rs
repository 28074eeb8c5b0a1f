//! The signed record's security claims, each stated as an attack that must fail.
//!
//! `forge` below is a second, independent implementation of docs/record.md (straight from
//! sha2, the canonicalizer and ed25519): records it writes verify, so the document and the
//! code agree, and it lets the tests build records the writer refuses to write.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use bactrian_engine::record::{
    generate_key, key_id, keygen, load_signing_key, load_verifying_key, node_hash, pae, to_dot,
    to_json_graph, verify, verify_bytes, NodeHash, Record, RecordError, RecordGraph, RecordWriter,
    VerifyReport, KINDS,
};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use proptest::prelude::*;
use serde_json::{json, Value};
use sha2::{Digest as _, Sha256};

// ---------------------------------------------------------------------------------------------
// Helpers

/// A directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "bactrian-record-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A run of ten nodes touching every kind of edge: a program, steps, a derivation from two
/// parents, a call, its decision, an approval, the result, a sensor event, an error, the end.
fn write_sample(path: &Path, key: Option<&SigningKey>) -> Vec<NodeHash> {
    let mut w = RecordWriter::create(path, "news-reporter", key).expect("create");
    let mut h = Vec::new();
    h.push(
        w.append(
            "program",
            json!({"source": "r = web_search('news')\nsend_message('bob@example.com', r)\n", "sha256": "5e1f"}),
            &[],
        )
        .unwrap(),
    );
    h.push(w.append("steps", json!({"lines": [1]}), &[h[0]]).unwrap());
    h.push(
        w.append(
            "tool_call",
            json!({"tool": "web_search", "call": "c1", "args": {"query": "news"}}),
            &[h[1]],
        )
        .unwrap(),
    );
    h.push(
        w.append(
            "decision",
            json!({"input_sha256": "ab", "verdict": "allow", "reasons": []}),
            &[h[2]],
        )
        .unwrap(),
    );
    h.push(
        w.append(
            "tool_result",
            json!({"call": "c1", "value": "Ünïcødé ✓ \"quoted\"\n"}),
            &[h[3]],
        )
        .unwrap(),
    );
    h.push(
        w.append(
            "derivation",
            json!({"op": "join", "n": -1.5e-7}),
            &[h[0], h[4]],
        )
        .unwrap(),
    );
    h.push(
        w.append("approval", json!({"approved": true}), &[h[5]])
            .unwrap(),
    );
    h.push(
        w.append(
            "sensor_event",
            json!({"event": "connect", "port": 443}),
            &[h[2]],
        )
        .unwrap(),
    );
    h.push(
        w.append("error", json!({"type": "KeyError", "line": 2}), &[h[6]])
            .unwrap(),
    );
    h.push(
        w.append("end", json!({"status": "error"}), &[h[8], h[7]])
            .unwrap(),
    );
    w.finish("5e1f").expect("finish");
    h
}

fn fails(report: &VerifyReport) -> String {
    assert!(!report.ok, "verified, but should not have: {report:?}");
    report
        .problem
        .clone()
        .expect("a failed report names a problem")
}

fn lines_of(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

fn bactrian(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bactrian"))
        .args(args)
        .output()
        .expect("the bactrian binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

// ---------------------------------------------------------------------------------------------
// An independent writer, straight from docs/record.md

fn jcs(value: &Value) -> String {
    serde_json_canonicalizer::to_string(value).unwrap()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

struct ForgedNode {
    seq: u64,
    kind: &'static str,
    body: Value,
    parents: Vec<String>,
    time: &'static str,
}

fn forged_hash(kind: &str, body: &Value, parents: &[String]) -> String {
    hex(&Sha256::digest(
        jcs(&json!({"kind": kind, "body": body, "parents": parents})).as_bytes(),
    ))
}

/// Writes a record the way docs/record.md says, whatever the nodes say (seq, parents, ...).
fn forge(nodes: &[ForgedNode], key: Option<&SigningKey>) -> Vec<u8> {
    let (key_id_field, public_key) = match key {
        Some(k) => {
            let public = k.verifying_key().to_bytes();
            (json!(hex(&Sha256::digest(public))), json!(hex(&public)))
        }
        None => (Value::Null, Value::Null),
    };
    let created = "2026-01-02T03:04:05.000006Z";
    let mut out = format!(
        "{{\"format\":\"bactrian-record/1\",\"created\":\"{created}\",\"agent\":\"forger\",\"key_id\":{key_id_field},\"public_key\":{public_key}}}\n"
    );
    let mut chain = [0u8; 32];
    for n in nodes {
        let hash = forged_hash(n.kind, &n.body, &n.parents);
        let mut input = chain.to_vec();
        input.extend_from_slice(&hex_bytes(&hash));
        input.extend_from_slice(&n.seq.to_be_bytes());
        input.extend_from_slice(n.time.as_bytes());
        chain = Sha256::digest(&input).into();
        out.push_str(&format!(
            "{{\"seq\":{},\"kind\":{},\"body\":{},\"parents\":{},\"hash\":\"{hash}\",\"chain\":\"{}\",\"time\":{}}}\n",
            n.seq,
            jcs(&json!(n.kind)),
            jcs(&n.body),
            jcs(&json!(n.parents)),
            hex(&chain),
            jcs(&json!(n.time)),
        ));
    }
    let statement = json!({
        "_type": "https://in-toto.io/Statement/v1",
        "subject": [{"name": "forged.record", "digest": {"sha256": hex(&chain)}}],
        "predicateType": "https://bactrian.dev/provenance/v1",
        "predicate": {
            "nodes": nodes.len(), "chain_head": hex(&chain), "agent": "forger",
            "created": created, "key_id": key_id_field, "program_sha256": "00",
        },
    });
    let payload = jcs(&statement);
    let signatures = match key {
        Some(k) => {
            let sig = k.sign(&pae("application/vnd.in-toto+json", payload.as_bytes()));
            json!([{"keyid": key_id_field, "sig": STANDARD.encode(sig.to_bytes())}])
        }
        None => json!([]),
    };
    out.push_str(&format!(
        "{{\"envelope\":{{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"{}\",\"signatures\":{}}}}}\n",
        STANDARD.encode(payload.as_bytes()),
        jcs(&signatures),
    ));
    out.into_bytes()
}

fn hex_bytes(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn node(seq: u64, kind: &'static str, body: Value, parents: Vec<String>) -> ForgedNode {
    ForgedNode {
        seq,
        kind,
        body,
        parents,
        time: "2026-01-02T03:04:05.000007Z",
    }
}

// ---------------------------------------------------------------------------------------------
// Round trips

#[test]
fn a_signed_record_verifies_with_and_without_the_key() {
    let dir = TempDir::new();
    let path = dir.path("run.record");
    let key = generate_key().unwrap();
    let hashes = write_sample(&path, Some(&key));

    let report = verify(&path, Some(&key.verifying_key()));
    assert!(report.ok, "{report:?}");
    assert!(report.signed && report.complete && report.key_checked);
    assert_eq!(report.nodes, 10);
    let id = key_id(&key.verifying_key());
    assert_eq!(report.key_id.as_deref(), Some(id.as_str()));
    let record = Record::load(&path).unwrap();
    let head = record.chain_head().to_hex();
    assert_eq!(
        report.summary(),
        format!("ok: 10 nodes, chain head {head}, signed by {id}")
    );

    let unkeyed = verify(&path, None);
    assert!(
        unkeyed.ok && unkeyed.signed && !unkeyed.key_checked,
        "{unkeyed:?}"
    );

    assert_eq!(record.nodes.len(), 10);
    assert_eq!(
        record.nodes.iter().map(|n| n.hash).collect::<Vec<_>>(),
        hashes
    );
    assert_eq!(record.nodes[5].parents, vec![hashes[0], hashes[4]]);
    assert_eq!(record.nodes[4].body["value"], "Ünïcødé ✓ \"quoted\"\n");
    assert!(record
        .nodes
        .iter()
        .all(|n| KINDS.contains(&n.kind.as_str())));
    let statement = record.envelope.as_ref().unwrap().statement().unwrap();
    assert_eq!(statement.subject[0].name, "run.record");
    assert_eq!(statement.subject[0].digest.sha256, head);
    assert_eq!(statement.predicate.nodes, 10);
    assert_eq!(statement.predicate.program_sha256, "5e1f");
}

#[test]
fn an_unsigned_record_verifies_as_unsigned_and_fails_when_a_key_is_expected() {
    let dir = TempDir::new();
    let path = dir.path("run.record");
    write_sample(&path, None);
    let report = verify(&path, None);
    assert!(report.ok && report.complete && !report.signed, "{report:?}");
    assert!(
        report.summary().ends_with(", unsigned"),
        "{}",
        report.summary()
    );
    assert_eq!(report.key_id, None);

    let key = generate_key().unwrap();
    let problem = fails(&verify(&path, Some(&key.verifying_key())));
    assert!(problem.contains("unsigned"), "{problem}");
}

#[test]
fn hashes_depend_on_content_only_so_a_replay_reproduces_them() {
    let dir = TempDir::new();
    let (a, b) = (dir.path("a.record"), dir.path("b.record"));
    let key = generate_key().unwrap();
    let first = write_sample(&a, Some(&key));
    std::thread::sleep(std::time::Duration::from_millis(2));
    let second = write_sample(&b, None);
    assert_eq!(first, second);
    let (ra, rb) = (Record::load(&a).unwrap(), Record::load(&b).unwrap());
    // Times differ, so do chains: the chain covers times, the hash does not.
    assert_ne!(ra.nodes[0].time, rb.nodes[0].time);
    assert_ne!(ra.chain_head(), rb.chain_head());
    // node_hash gives the same hash without writing anything.
    for n in &ra.nodes {
        let parents: Vec<String> = n.parents.iter().map(|p| p.to_hex()).collect();
        assert_eq!(node_hash(&n.kind, &n.body, &parents), n.hash.to_hex());
    }
}

#[test]
fn the_documented_format_verifies_when_written_by_another_tool() {
    let key = generate_key().unwrap();
    let p = forged_hash("program", &json!({"sha256": "00"}), &[]);
    let bytes = forge(
        &[
            node(1, "program", json!({"sha256": "00"}), vec![]),
            node(
                2,
                "tool_call",
                json!({"tool": "t", "big": 1e300}),
                vec![p.clone()],
            ),
            node(3, "end", json!({}), vec![p]),
        ],
        Some(&key),
    );
    let report = verify_bytes(&bytes, Some(&key.verifying_key()));
    assert!(report.ok, "{report:?}");
    assert_eq!(report.nodes, 3);
    let report = verify_bytes(&forge(&[], None), None);
    assert!(report.ok, "{report:?}");
    assert_eq!(report.chain_head.as_deref(), Some(&*"0".repeat(64)));
}

// ---------------------------------------------------------------------------------------------
// Tampering

#[test]
fn flipping_any_byte_of_a_signed_record_fails_verification() {
    let dir = TempDir::new();
    let path = dir.path("run.record");
    let key = generate_key().unwrap();
    write_sample(&path, Some(&key));
    let original = std::fs::read(&path).unwrap();
    let public = key.verifying_key();
    assert!(verify_bytes(&original, Some(&public)).ok);
    // Every bit of every byte, with the key given; without it too where that changes what is
    // checked (the header and the envelope: node lines are checked the same way either way).
    let nodes = lines_of(&original);
    let header_end = nodes[0].len();
    let envelope_start = original.len() - nodes.last().unwrap().len();
    let mut bytes = original.clone();
    for i in 0..bytes.len() {
        let keys: &[Option<&VerifyingKey>] = if (header_end..envelope_start).contains(&i) {
            &[Some(&public)]
        } else {
            &[Some(&public), None]
        };
        for bit in 0..8 {
            bytes[i] ^= 1 << bit;
            for key in keys {
                let report = verify_bytes(&bytes, *key);
                assert!(
                    !report.ok,
                    "flipping bit {bit} of byte {i} ({:?}) went unnoticed (key given: {})",
                    original[i] as char,
                    key.is_some()
                );
            }
            bytes[i] ^= 1 << bit;
        }
    }
}

#[test]
fn flipping_any_bit_of_the_header_or_nodes_of_an_unsigned_record_fails() {
    // Unsigned, the envelope's statement is checked against the record (chain head, count,
    // header fields, program hash); only its subject name is unchecked (docs/record.md).
    let dir = TempDir::new();
    let path = dir.path("run.record");
    write_sample(&path, None);
    let mut bytes = std::fs::read(&path).unwrap();
    let envelope_start = bytes.len() - lines_of(&bytes).last().unwrap().len();
    for i in 0..envelope_start {
        for bit in [0, 7] {
            bytes[i] ^= 1 << bit;
            assert!(!verify_bytes(&bytes, None).ok, "bit {bit} of byte {i}");
            bytes[i] ^= 1 << bit;
        }
    }
}

#[test]
fn a_changed_body_names_the_node() {
    let dir = TempDir::new();
    let path = dir.path("run.record");
    write_sample(&path, None);
    let text = std::fs::read_to_string(&path).unwrap();
    let tampered = text.replace("\"verdict\":\"allow\"", "\"verdict\":\"allew\"");
    assert_eq!(
        fails(&verify_bytes(tampered.as_bytes(), None)),
        "node 4 (seq 4, kind decision): hash does not match its content"
    );
    // Recomputing the hash too is caught by the chain.
    let record = Record::load(&path).unwrap();
    let n = &record.nodes[3];
    let forged = node_hash(
        "decision",
        &json!({"input_sha256": "ab", "verdict": "deny", "reasons": []}),
        &[n.parents[0].to_hex()],
    );
    let tampered = text
        .replace("\"verdict\":\"allow\"", "\"verdict\":\"deny\"")
        .replace(&n.hash.to_hex(), &forged);
    let problem = fails(&verify_bytes(tampered.as_bytes(), None));
    assert!(
        problem.starts_with("node 4 (seq 4, kind decision): chain does not follow"),
        "{problem}"
    );
}

#[test]
fn reordered_removed_and_duplicated_nodes_fail() {
    let dir = TempDir::new();
    let path = dir.path("run.record");
    let key = generate_key().unwrap();
    write_sample(&path, Some(&key));
    let lines = lines_of(&std::fs::read(&path).unwrap());
    let public = key.verifying_key();
    let check = |lines: &[Vec<u8>], expected: &str| {
        let problem = fails(&verify_bytes(&lines.concat(), Some(&public)));
        assert!(problem.contains(expected), "{problem}");
    };
    // Nodes are lines 2..=11 (indices 1..=10); the envelope is index 11.
    for a in 1..=10 {
        for b in a + 1..=10 {
            let mut swapped = lines.clone();
            swapped.swap(a, b);
            check(&swapped, &format!("node {a} (seq {}", b));
        }
        let mut removed = lines.clone();
        removed.remove(a);
        if a == 10 {
            check(&removed, "chain head is not the record's chain head");
        } else {
            check(&removed, &format!("node {a} (seq {}", a + 1));
        }
        let mut duplicated = lines.clone();
        duplicated.insert(a, lines[a].clone());
        check(&duplicated, &format!("node {} (seq {a}", a + 1));
    }

    // Two nodes swapped and renumbered to hide it (each keeps its hash): the chain breaks.
    let mut swapped = lines.clone();
    swapped.swap(7, 8);
    swapped[7] = text(&swapped[7])
        .replacen("{\"seq\":8,", "{\"seq\":7,", 1)
        .into_bytes();
    swapped[8] = text(&swapped[8])
        .replacen("{\"seq\":7,", "{\"seq\":8,", 1)
        .into_bytes();
    check(
        &swapped,
        "node 7 (seq 7, kind sensor_event): chain does not follow",
    );
}

#[test]
fn a_truncated_record_is_incomplete_and_its_prefix_is_verified() {
    let dir = TempDir::new();
    let path = dir.path("run.record");
    let key = generate_key().unwrap();
    write_sample(&path, Some(&key));
    let bytes = std::fs::read(&path).unwrap();
    let public = key.verifying_key();
    // At every line boundary before the envelope: a valid prefix, reported incomplete.
    let mut end = 0;
    for (i, line) in lines_of(&bytes).iter().enumerate().take(11) {
        end += line.len();
        let report = verify_bytes(&bytes[..end], Some(&public));
        assert_eq!(
            report.problem.as_deref(),
            Some(format!("incomplete: the run did not finish; {i} nodes verified").as_str())
        );
        assert!(!report.ok && !report.complete && report.nodes == i);
    }
    // At every byte: never valid, never a panic.
    for cut in 0..bytes.len() {
        let report = verify_bytes(&bytes[..cut], Some(&public));
        assert!(!report.ok, "cut at {cut}");
        if cut > 0 {
            assert!(
                report
                    .problem
                    .as_deref()
                    .unwrap()
                    .starts_with("incomplete:"),
                "cut at {cut}: {report:?}"
            );
        }
    }
    // A record that stopped mid-run (the writer dropped without finish) is incomplete too.
    let stopped = dir.path("stopped.record");
    let mut w = RecordWriter::create(&stopped, "a", Some(&key)).unwrap();
    let p = w.append("program", json!({"sha256": "1"}), &[]).unwrap();
    w.append("tool_call", json!({"tool": "t"}), &[p]).unwrap();
    drop(w);
    let report = verify(&stopped, Some(&public));
    assert_eq!(
        report.problem.as_deref(),
        Some("incomplete: the run did not finish; 2 nodes verified")
    );
    let record = Record::load(&stopped).unwrap();
    assert!(!record.is_complete() && record.nodes.len() == 2);
}

#[test]
fn signatures_payloads_and_envelopes_cannot_move_between_records() {
    let dir = TempDir::new();
    let key = generate_key().unwrap();
    let (a, b) = (dir.path("a.record"), dir.path("b.record"));
    write_sample(&a, Some(&key));
    let mut w = RecordWriter::create(&b, "news-reporter", Some(&key)).unwrap();
    w.append("program", json!({"sha256": "5e1f"}), &[]).unwrap();
    w.finish("5e1f").unwrap();
    let (ra, rb) = (Record::load(&a).unwrap(), Record::load(&b).unwrap());
    let (ea, eb) = (ra.envelope.unwrap(), rb.envelope.unwrap());
    let b_text = std::fs::read_to_string(&b).unwrap();
    let a_lines = lines_of(&std::fs::read(&a).unwrap());
    let public = key.verifying_key();

    let sig_swapped = b_text.replace(&eb.signatures[0].sig, &ea.signatures[0].sig);
    let problem = fails(&verify_bytes(sig_swapped.as_bytes(), Some(&public)));
    assert!(
        problem.contains("the signature does not verify"),
        "{problem}"
    );

    let payload_swapped = b_text.replace(&eb.payload, &ea.payload);
    let problem = fails(&verify_bytes(payload_swapped.as_bytes(), Some(&public)));
    assert!(
        problem.contains("the signature does not verify"),
        "{problem}"
    );

    // The whole envelope of a: its signature is good, but it seals another chain.
    let b_lines = lines_of(b_text.as_bytes());
    let mut moved = b_lines[..b_lines.len() - 1].concat();
    moved.extend_from_slice(a_lines.last().unwrap());
    let problem = fails(&verify_bytes(&moved, Some(&public)));
    assert!(
        problem.contains("chain head is not the record's chain head"),
        "{problem}"
    );
}

#[test]
fn a_record_signed_by_another_key_fails_when_the_key_is_given() {
    let dir = TempDir::new();
    let path = dir.path("run.record");
    let (ours, theirs) = (generate_key().unwrap(), generate_key().unwrap());
    write_sample(&path, Some(&theirs));
    // Self-consistent: it verifies without a key and names the key that signed it...
    let report = verify(&path, None);
    assert!(report.ok);
    assert_eq!(report.key_id, Some(key_id(&theirs.verifying_key())));
    // ...but not as ours.
    let problem = fails(&verify(&path, Some(&ours.verifying_key())));
    assert!(
        problem.contains(&format!(
            "the record names signing key {}, not the given key {}",
            key_id(&theirs.verifying_key()),
            key_id(&ours.verifying_key())
        )),
        "{problem}"
    );
    // An attacker who rewrites the header to name our key cannot sign for it.
    let ours_id = key_id(&ours.verifying_key());
    let ours_public = hex(ours.verifying_key().as_bytes());
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace(&key_id(&theirs.verifying_key()), &ours_id)
        .replace(&hex(theirs.verifying_key().as_bytes()), &ours_public);
    let problem = fails(&verify_bytes(text.as_bytes(), Some(&ours.verifying_key())));
    assert!(
        problem.contains("the signature does not verify"),
        "{problem}"
    );
}

#[test]
fn parents_must_be_earlier_nodes() {
    let key = generate_key().unwrap();
    let public = key.verifying_key();
    let later = forged_hash("tool_result", &json!({"v": 1}), &[]);
    let bytes = forge(
        &[
            node(1, "tool_call", json!({"tool": "t"}), vec![later]),
            node(2, "tool_result", json!({"v": 1}), vec![]),
        ],
        Some(&key),
    );
    let problem = fails(&verify_bytes(&bytes, Some(&public)));
    assert!(
        problem.starts_with("node 1 (seq 1, kind tool_call): parent ")
            && problem.ends_with("points at a later node (seq 2); parents must come first"),
        "{problem}"
    );

    let unknown = "ab".repeat(32);
    let bytes = forge(
        &[node(1, "tool_call", json!({}), vec![unknown])],
        Some(&key),
    );
    let problem = fails(&verify_bytes(&bytes, Some(&public)));
    assert_eq!(
        problem,
        "node 1 (seq 1, kind tool_call): parent abababababab is not the hash of an earlier node"
    );
}

#[test]
fn lines_must_be_written_exactly_as_the_writer_writes_them() {
    let key = generate_key().unwrap();
    let public = key.verifying_key();
    let good = forge(&[node(1, "program", json!({"n": 1}), vec![])], Some(&key));
    assert!(verify_bytes(&good, Some(&public)).ok);
    let text = text(&good);
    // Same JSON values, other bytes: 1 written as 1.0, an escaped letter, a space.
    for (from, to) in [
        ("\"n\":1}", "\"n\":1.0}"),
        ("\"program\"", "\"progr\\u0061m\""),
        ("{\"seq\":1,", "{\"seq\":1, "),
    ] {
        let changed = text.replacen(from, to, 1);
        assert_ne!(changed, text);
        let problem = fails(&verify_bytes(changed.as_bytes(), Some(&public)));
        assert!(
            problem.contains("not in canonical form"),
            "{from}: {problem}"
        );
    }
    // Data after the envelope.
    let mut extra = good.clone();
    extra.extend_from_slice(b"{}\n");
    let problem = fails(&verify_bytes(&extra, Some(&public)));
    assert!(problem.contains("data after the envelope"), "{problem}");
}

// ---------------------------------------------------------------------------------------------
// The writer refuses what the record could not keep

#[test]
fn the_writer_refuses_unknown_parents_empty_kinds_and_rounded_integers() {
    let dir = TempDir::new();
    let path = dir.path("run.record");
    let mut w = RecordWriter::create(&path, "a", None).unwrap();
    let p = w.append("program", json!({}), &[]).unwrap();
    let stranger = NodeHash::of(b"not a node");
    assert!(matches!(
        w.append("steps", json!({}), &[p, stranger]),
        Err(RecordError::UnknownParent { .. })
    ));
    assert!(matches!(
        w.append("", json!({}), &[]),
        Err(RecordError::EmptyKind)
    ));
    let err = w
        .append("derivation", json!({"value": 9007199254740993u64}), &[p])
        .unwrap_err();
    assert!(err.to_string().contains("record it as a string"), "{err}");
    // Nothing of the refused nodes reached the file.
    w.append("end", json!({"big": 9007199254740992u64}), &[p])
        .unwrap();
    w.finish("x").unwrap();
    let report = verify(&path, None);
    assert!(report.ok && report.nodes == 2, "{report:?}");
}

// ---------------------------------------------------------------------------------------------
// Keys

#[test]
fn keys_are_written_once_in_pem_and_read_back() {
    let dir = TempDir::new();
    let files = keygen(&dir.path("signer")).unwrap();
    assert_eq!(files.private, dir.path("signer.key"));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&files.private)
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let private = std::fs::read_to_string(&files.private).unwrap();
    assert!(
        private.starts_with("-----BEGIN PRIVATE KEY-----\n"),
        "{private}"
    );
    let signing = load_signing_key(&files.private).unwrap();
    let public = load_verifying_key(&files.public).unwrap();
    assert_eq!(signing.verifying_key(), public);
    assert_eq!(files.key_id, key_id(&public));

    assert!(matches!(
        keygen(&dir.path("signer")),
        Err(RecordError::KeyExists { .. })
    ));
    // A directory prefix writes DIR/bactrian.{key,pub}.
    let in_dir = keygen(&dir.0).unwrap();
    assert_eq!(in_dir.public, dir.path("bactrian.pub"));

    let err = load_verifying_key(&files.private).unwrap_err();
    assert!(
        err.to_string()
            .contains("this is a private key; give the .pub file"),
        "{err}"
    );
    let err = load_signing_key(&files.public).unwrap_err();
    assert!(err.to_string().contains("this is a public key"), "{err}");
    std::fs::write(dir.path("junk.pub"), "hello").unwrap();
    assert!(matches!(
        load_verifying_key(&dir.path("junk.pub")),
        Err(RecordError::Key { .. })
    ));
    assert!(load_verifying_key(&dir.path("missing.pub"))
        .unwrap_err()
        .is_io());
}

// ---------------------------------------------------------------------------------------------
// Graph

#[test]
fn the_graph_has_an_edge_from_each_parent_to_its_child() {
    let dir = TempDir::new();
    let path = dir.path("run.record");
    write_sample(&path, None);
    let record = Record::load(&path).unwrap();
    let graph = RecordGraph::new(&record);
    assert_eq!(graph.graph().node_count(), 10);
    assert_eq!(graph.graph().edge_count(), 11);

    let dot = to_dot(&record);
    assert!(dot.starts_with("digraph record {\n"), "{dot}");
    assert!(
        dot.contains("  n3 [label=\"3 tool_call\\nweb_search\", shape=box, style=bold];"),
        "{dot}"
    );
    assert!(dot.contains("  n1 -> n6;\n  n5 -> n6;\n"), "{dot}");
    assert!(dot.ends_with("}\n"));

    let json = to_json_graph(&record);
    assert_eq!(json["nodes"].as_array().unwrap().len(), 10);
    assert_eq!(json["nodes"][2]["body"]["tool"], "web_search");
    let edges = json["edges"].as_array().unwrap();
    assert!(edges.contains(&json!({"from": 8, "to": 10})));
    assert!(edges.contains(&json!({"from": 9, "to": 10})));

    // The end node descends from everything but nothing descends from it.
    let end = graph.vertex_of_seq(10).unwrap();
    let mut ancestors: Vec<u64> = graph
        .ancestors(end)
        .iter()
        .filter_map(|&v| graph.node(v))
        .map(|n| n.seq)
        .collect();
    ancestors.sort();
    assert_eq!(ancestors, (1..=9).collect::<Vec<_>>());
}

// ---------------------------------------------------------------------------------------------
// CLI

#[test]
fn cli_keygen_verify_and_graph() {
    let dir = TempDir::new();
    let prefix = dir.path("k");
    let o = bactrian(&["keygen", "--out", prefix.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains("k.key (keep it secret)") && out.contains("key id:"),
        "{out}"
    );
    let again = bactrian(&["keygen", "--out", prefix.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("already exists"));

    let key = load_signing_key(&dir.path("k.key")).unwrap();
    let record = dir.path("run.record");
    write_sample(&record, Some(&key));
    let (r, pubkey) = (record.to_str().unwrap(), dir.path("k.pub"));
    let pubkey = pubkey.to_str().unwrap();

    let o = bactrian(&["verify", r, "--key", pubkey]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let id = key_id(&key.verifying_key());
    assert!(text(&o.stdout).starts_with("ok: 10 nodes, chain head "));
    assert!(text(&o.stdout).ends_with(&format!("signed by {id}\n")));

    let o = bactrian(&["verify", r]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stderr).contains("give --key PUB"));

    let o = bactrian(&["verify", r, "--json"]);
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["nodes"], 10);
    assert_eq!(report["key_id"], id);

    // Tampered: exit 1 and the problem.
    let tampered = dir.path("tampered.record");
    let content = std::fs::read_to_string(&record).unwrap();
    std::fs::write(
        &tampered,
        content.replace("\"tool\":\"web_search\"", "\"tool\":\"web_seerch\""),
    )
    .unwrap();
    let o = bactrian(&["verify", tampered.to_str().unwrap(), "--key", pubkey]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stdout),
        "invalid: node 3 (seq 3, kind tool_call): hash does not match its content\n"
    );
    // Truncated: exit 1, incomplete.
    let cut = dir.path("cut.record");
    let keep: String = content.lines().take(4).map(|l| format!("{l}\n")).collect();
    std::fs::write(&cut, keep).unwrap();
    let o = bactrian(&["verify", cut.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stdout),
        "incomplete: the run did not finish; 3 nodes verified\n"
    );

    // Usage: missing record, bad key file.
    let o = bactrian(&["verify", dir.path("missing").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let o = bactrian(&["verify", r, "--key", r]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("not an ed25519 public key"),
        "{}",
        text(&o.stderr)
    );

    // Graph.
    let o = bactrian(&["graph", r]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).starts_with("digraph record {"));
    let o = bactrian(&["graph", r, "--format", "json"]);
    let graph: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(graph["nodes"].as_array().unwrap().len(), 10);
    let o = bactrian(&["graph", tampered.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stderr).contains("warning: this record does not verify"));
    std::fs::write(dir.path("junk"), "not a record\n").unwrap();
    let o = bactrian(&["graph", dir.path("junk").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}

// ---------------------------------------------------------------------------------------------
// Properties

fn body_strategy() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-(1i64 << 53)..=(1i64 << 53)).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn nodes_strategy() -> impl Strategy<Value = Vec<(usize, Value, Vec<prop::sample::Index>)>> {
    prop::collection::vec(
        (
            0..KINDS.len(),
            body_strategy(),
            prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        ),
        0..12,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_runs_round_trip_and_verify(nodes in nodes_strategy(), signed in any::<bool>()) {
        let dir = TempDir::new();
        let path = dir.path("run.record");
        let key = generate_key().unwrap();
        let key = signed.then_some(&key);
        let mut w = RecordWriter::create(&path, "prop", key).unwrap();
        let mut hashes: Vec<NodeHash> = Vec::new();
        let mut written = Vec::new();
        for (kind, body, picks) in &nodes {
            let parents: Vec<NodeHash> = if hashes.is_empty() {
                Vec::new()
            } else {
                picks.iter().map(|i| *i.get(&hashes)).collect()
            };
            let hash = w.append(KINDS[*kind], body.clone(), &parents).unwrap();
            hashes.push(hash);
            written.push((KINDS[*kind], body.clone(), parents));
        }
        w.finish("p").unwrap();
        let report = verify(&path, key.map(|k| k.verifying_key()).as_ref());
        prop_assert!(report.ok, "{:?}", report);
        prop_assert_eq!(report.nodes, nodes.len());
        prop_assert_eq!(report.signed, signed);
        let record = Record::load(&path).unwrap();
        for ((kind, body, parents), (n, hash)) in written.iter().zip(record.nodes.iter().zip(&hashes)) {
            prop_assert_eq!(&n.kind, kind);
            prop_assert_eq!(&n.parents, parents);
            prop_assert_eq!(n.hash, *hash);
            // Numbers come back in canonical form (1.0 as 1): compare canonical JSON.
            prop_assert_eq!(jcs(&n.body), jcs(body));
        }
    }

    #[test]
    fn verify_never_panics_and_never_accepts_a_mutated_record(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..4),
    ) {
        thread_local! {
            static SAMPLE: (Vec<u8>, SigningKey) = {
                let dir = TempDir::new();
                let path = dir.path("run.record");
                let key = generate_key().unwrap();
                write_sample(&path, Some(&key));
                (std::fs::read(&path).unwrap(), key)
            };
        }
        SAMPLE.with(|(original, key)| {
            let mut bytes = original.clone();
            for (at, byte, op) in &edits {
                let i = at.index(bytes.len().max(1));
                match op {
                    0 if i < bytes.len() => bytes[i] = *byte,
                    1 => bytes.insert(i.min(bytes.len()), *byte),
                    _ if i < bytes.len() => { bytes.remove(i); }
                    _ => {}
                }
            }
            let report = verify_bytes(&bytes, Some(&key.verifying_key()));
            prop_assert!(bytes == *original || !report.ok, "{:?}", report);
            let _ = Record::from_bytes(Path::new("m"), &bytes);
            Ok(())
        })?;
    }
}

#[test]
fn a_result_the_record_cannot_hold_stops_the_plan_at_once() {
    // The record's size leaves no room for read_doc's result: the plan must not go on with
    // a result the record does not show (print it, pass it to the next tool).
    use bactrian_engine::{Engine, InProcessTools, ParamSpec, ToolSpec};
    let dir = TempDir::new();
    let path = dir.path("run.record");
    let tools = InProcessTools::new()
        .tool(ToolSpec::new("read_doc"), |_| {
            Ok(json!({"body": "x".repeat(20_000)}))
        })
        .tool(ToolSpec::new("post").param(ParamSpec::new("text")), |_| {
            Ok(json!("posted"))
        });
    let mut engine = Engine::new(tools);
    let mut writer = RecordWriter::create(&path, "full", None).expect("record file");
    writer.set_max_size(16 << 10);
    let plan = "d = read_doc()\nprint('went on')\npost(d['body'][:5])\n";
    let (report, recorder) = engine.run_recorded("plan.py", plan, "", Box::new(writer));
    assert_eq!(report.outcome.stdout, "");
    let tools: Vec<&str> = report.tool_calls.iter().map(|c| c.tool.as_str()).collect();
    assert_eq!(tools, ["read_doc"]);
    let error = report.outcome.error.expect("the run stopped");
    assert!(
        error.message.contains("the record could not be written"),
        "{}",
        error.message
    );
    assert!(recorder.finish().is_err());
    // What was written verifies; the record says it is incomplete.
    let report = verify(&path, None);
    assert!(
        !report.complete
            && report
                .summary()
                .starts_with("incomplete: the run did not finish"),
        "{}",
        report.summary()
    );
    assert_eq!(report.nodes, 4, "{}", report.summary());
}

#[test]
fn a_record_broken_before_a_call_stops_it_before_anyone_is_asked() {
    // The plan's derivations fill the record before the call: the call must stop before
    // the policies judge it and before a person is asked to approve it.
    use bactrian_engine::{Approval, Engine, InProcessTools, ToolSpec};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let dir = TempDir::new();
    let path = dir.path("run.record");
    let tools = InProcessTools::new()
        .tool(ToolSpec::new("read_doc"), |_| Ok(json!({"body": "abc"})))
        .tool(
            ToolSpec::new("ping").default_decision(bactrian_policy::Verdict::Ask),
            |_| Ok(json!("pong")),
        );
    let mut engine = Engine::new(tools);
    let asked = Arc::new(AtomicBool::new(false));
    let flag = asked.clone();
    engine.approver = Box::new(move |_: &bactrian_interpreter::ToolCall, _: &[_]| {
        flag.store(true, Ordering::SeqCst);
        Approval::Once
    });
    let mut writer = RecordWriter::create(&path, "full", None).expect("record file");
    writer.set_max_size(16 << 10);
    let plan = "s = read_doc()['body']\nx = ''\nfor i in range(200):\n    x = s + str(i)\nping()\n";
    let (report, recorder) = engine.run_recorded("plan.py", plan, "", Box::new(writer));
    let error = report.outcome.error.expect("the run stopped");
    assert!(
        error.message.contains("the record could not be written"),
        "{}",
        error.message
    );
    assert!(!asked.load(Ordering::SeqCst), "the approver was asked");
    assert!(recorder.finish().is_err());
}
