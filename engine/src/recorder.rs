//! Writes a run into its record as it goes: the program, the statements executed, every
//! derivation, every tool call with its decision and result, and how the run ended.

use super::gate::CallRecord;
use super::input::InputVersion;
use super::spec::{audience_json, ToolSpec};
use crate::fields::set_field;
use bactrian_interpreter::{Progress, RunOutcome};
use bactrian_provenance::{EdgeKind, NodeKind};
use serde_json::{json, Map, Value};
use sha2::Digest;
use std::collections::HashMap;

/// Where record nodes go: a signed record file, or memory when replaying.
pub trait Sink {
    /// Appends one node; returns its hash (hex).
    fn append(&mut self, kind: &str, body: Value, parents: &[String]) -> Result<String, String>;

    /// Seals the record once the run has ended.
    fn finish(self: Box<Self>, _program_sha256: &str) -> Result<(), String> {
        Ok(())
    }

    /// The nodes kept in memory, if this sink keeps them.
    fn into_memory(self: Box<Self>) -> Option<MemorySink> {
        None
    }
}

/// Collects nodes in memory (replay compares them with the recorded ones).
#[derive(Default)]
pub struct MemorySink {
    pub nodes: Vec<(String, Value, Vec<String>)>,
}

impl Sink for MemorySink {
    fn append(&mut self, kind: &str, body: Value, parents: &[String]) -> Result<String, String> {
        let hash = crate::record::node_hash(kind, &body, parents);
        self.nodes.push((kind.to_string(), body, parents.to_vec()));
        Ok(hash)
    }

    fn into_memory(self: Box<Self>) -> Option<MemorySink> {
        Some(*self)
    }
}

/// The program node's `input` when the run's input documents list the parts of a value only
/// where their labels differ from the whole's ([`InputVersion::PartsThatDiffer`]).
pub const PARTS_THAT_DIFFER: &str = "parts_that_differ";

/// The program node's `derivations` when a `derive` node that shares the lineage of one
/// written before it on its line is not written (see [`Recorder::every_derivation`]).
pub const MERGED: &str = "merged";

/// A derivation node written into the record.
struct Written {
    hash: String,
    /// For a `derive` node: its line and what it depends on (data and control, as written),
    /// which a later node of the line must stay within to share its lineage.
    derive: Option<(u32, Box<[u32]>)>,
}

/// The most statement lines in one `steps` node.
const STEPS_PER_NODE: usize = 16_384;

/// Turns engine events into record nodes.
pub struct Recorder {
    sink: Box<dyn Sink + Send>,
    /// Each derivation-graph node written so far.
    derivations: HashMap<u32, Written>,
    /// Derivation-graph nodes not written because they share the lineage of one that was,
    /// and that one.
    merged: HashMap<u32, u32>,
    /// The last node of the main line (program, steps, calls...), parent of the next.
    last: Option<String>,
    /// The `tool_call` node of each call id: parent of its sandbox and sensor events.
    calls: HashMap<String, String>,
    /// The first write that failed: the run stops (fail closed).
    failure: Option<String>,
    program_sha256: String,
    /// The input document the run builds: the program node says which (and, for records
    /// made before tools had an audience and parameters a type and default, is written as
    /// they wrote it, to replay them).
    pub input_version: InputVersion,
    /// Write every `derive` node, as records made before merging did (replaying them).
    /// Otherwise a `derive` node is not written when it shares the lineage of one written
    /// before it on the same line: it depends on that node and only on what that node
    /// depends on (`s + s + s` is `(s + s) + s`), so every value it leads to has the same
    /// sources and the same explanation through that node. A loop turn that joins an
    /// untrusted string 200 times then writes one node, not 199.
    pub every_derivation: bool,
    /// Who asked for the run (the daemon's caller: peer credentials or token scope),
    /// written into the program node.
    pub caller: Option<Value>,
}

impl Recorder {
    pub fn new(sink: Box<dyn Sink + Send>) -> Recorder {
        Recorder {
            sink,
            derivations: HashMap::new(),
            merged: HashMap::new(),
            last: None,
            calls: HashMap::new(),
            failure: None,
            program_sha256: String::new(),
            input_version: InputVersion::default(),
            every_derivation: false,
            caller: None,
        }
    }

    /// Seals the record (signs it, for a record file).
    pub fn finish(self) -> Result<(), String> {
        if let Some(f) = self.failure {
            return Err(f);
        }
        self.sink.finish(&self.program_sha256)
    }

    /// The nodes written, for a memory sink.
    pub fn into_memory(self) -> Option<MemorySink> {
        self.sink.into_memory()
    }

    fn write(&mut self, kind: &str, body: Value, mut parents: Vec<String>) -> Option<String> {
        if self.failure.is_some() {
            return None;
        }
        if let Some(last) = &self.last {
            if !parents.contains(last) {
                parents.insert(0, last.clone());
            }
        }
        match self.sink.append(kind, body, &parents) {
            Ok(hash) => {
                self.last = Some(hash.clone());
                Some(hash)
            }
            Err(e) => {
                self.failure = Some(e);
                None
            }
        }
    }

    /// The plan, the agent's tool declarations and what the user gave: everything replay
    /// needs besides the tool results.
    #[allow(clippy::too_many_arguments)]
    pub fn program(
        &mut self,
        filename: &str,
        source: &str,
        tools: &[ToolSpec],
        trusted_values: &[String],
        strict: bool,
        agent: &str,
        default: &str,
    ) {
        let sha = hex(&sha2::Sha256::digest(source.as_bytes()));
        self.program_sha256 = sha.clone();
        let tools: Vec<Value> = tools
            .iter()
            .map(|t| {
                let params: Vec<Value> = t
                    .params
                    .iter()
                    .map(|p| {
                        let mut param = json!({"name": p.name, "sensitive": p.sensitive, "recipient": p.recipient, "required": p.required, "redact": p.redact});
                        if self.input_version != InputVersion::NoContext {
                            set_field(&mut param, "type", json!(p.ty.as_str()));
                            if let Some(d) = &p.default {
                                set_field(&mut param, "default", d.clone());
                            }
                        }
                        param
                    })
                    .collect();
                let mut tool = json!({
                    "name": t.name,
                    "params": params,
                    "side_effects": t.side_effects,
                    "default": t.default.map(|d| d.as_str()),
                    "trusted_output": t.trusted_output,
                    "output_readers": t.output_readers,
                });
                if self.input_version != InputVersion::NoContext {
                    set_field(&mut tool, "audience", audience_json(t.audience.as_ref()));
                }
                tool
            })
            .collect();
        let mut body = json!({"filename": filename, "source": source, "sha256": sha, "agent": agent,
               "tools": tools, "trusted_values": trusted_values, "mode": if strict {"strict"} else {"normal"},
               "default": default});
        if self.input_version == InputVersion::PartsThatDiffer {
            set_field(&mut body, "input", json!(PARTS_THAT_DIFFER));
        }
        if !self.every_derivation {
            set_field(&mut body, "derivations", json!(MERGED));
        }
        if let Some(caller) = &self.caller {
            set_field(&mut body, "caller", caller.clone());
        }
        self.write("program", body, Vec::new());
    }

    /// Statements executed and derivations made since the last event.
    ///
    /// An error when the record could not be written: then the next call must not run.
    pub fn progress(&mut self, p: &Progress<'_>) -> Result<(), String> {
        // Lines as one compact string (ranges and repeats, record::encode_lines): a long
        // JSON array of numbers is costly to canonicalise and hash.
        for chunk in p.lines.chunks(STEPS_PER_NODE) {
            self.write(
                "steps",
                json!({"count": chunk.len(), "lines": crate::record::encode_lines(chunk)}),
                Vec::new(),
            );
        }
        let main = self.last.clone();
        for id in p.new_nodes.clone() {
            let Some(node) = p.graph.node(id) else {
                continue;
            };
            let mut parents = Vec::new();
            let mut data = Vec::new();
            let mut control = Vec::new();
            for (dep, kind) in p.graph.dependencies(id) {
                let dep = self.written_id(dep);
                let list = match kind {
                    EdgeKind::Data => &mut data,
                    EdgeKind::Control => &mut control,
                };
                if !self.every_derivation && list.contains(&dep) {
                    continue;
                }
                list.push(dep);
                if let Some(written) = self.derivations.get(&dep) {
                    if self.every_derivation || !parents.contains(&written.hash) {
                        parents.push(written.hash.clone());
                    }
                }
            }
            if matches!(node.kind, NodeKind::Derive(_)) && !self.every_derivation {
                if let Some(into) = self.sharing_lineage(node.line, &data, &control) {
                    self.merged.insert(id, into);
                    continue;
                }
            }
            let (kind, what) = match &node.kind {
                NodeKind::Source(s) => ("source", serde_json::to_value(s).unwrap_or(Value::Null)),
                NodeKind::Derive(t) => ("derive", json!(&**t)),
                NodeKind::Assign(t) => ("assign", json!(&**t)),
                NodeKind::Condition(t) => ("condition", json!(&**t)),
            };
            // Derivations hang off their own dependencies, not the main line.
            let saved = self.last.take();
            if parents.is_empty() {
                if let Some(m) = &main {
                    parents.push(m.clone());
                }
            }
            let derive = matches!(node.kind, NodeKind::Derive(_))
                .then(|| (node.line, data.iter().chain(&control).copied().collect()));
            if let Some(hash) = self.write(
                "derivation",
                json!({"id": id, "kind": kind, "what": what, "line": node.line, "data": data, "control": control}),
                parents,
            ) {
                self.derivations.insert(id, Written { hash, derive });
            }
            self.last = saved;
        }
        self.written()
    }

    /// The node the record shows for derivation-graph node `id`: itself, or the written
    /// node whose lineage it shares.
    fn written_id(&self, id: u32) -> u32 {
        self.merged.get(&id).copied().unwrap_or(id)
    }

    /// A written `derive` node of `line` among `data` whose lineage a new `derive` node with
    /// these dependencies shares: every other dependency is one of that node's own.
    fn sharing_lineage(&self, line: u32, data: &[u32], control: &[u32]) -> Option<u32> {
        data.iter().copied().find(|&candidate| {
            let Some((at, deps)) = self
                .derivations
                .get(&candidate)
                .and_then(|w| w.derive.as_ref())
            else {
                return false;
            };
            *at == line
                && data
                    .iter()
                    .chain(control)
                    .all(|&dep| dep == candidate || deps.contains(&dep))
        })
    }

    /// A tool call before it runs: the call (arguments with labels), the decision (with the
    /// input document and its hash) and any approval.
    ///
    /// An error when the record could not be written: then the call must not run (nothing
    /// happens that the record cannot show).
    pub fn decided(&mut self, call: &CallRecord, redacted: &[String]) -> Result<(), String> {
        let arg_parents: Vec<String> = call
            .arg_nodes
            .iter()
            .filter_map(|&id| self.derivations.get(&self.written_id(id)))
            .map(|written| written.hash.clone())
            .collect();
        if let Some(hash) = self.write(
            "tool_call",
            json!({"id": call.id, "index": call.index, "tool": call.tool, "line": call.line,
                   "args": redacted_args(call, redacted)}),
            arg_parents,
        ) {
            self.calls.insert(call.id.clone(), hash);
        }
        let mut input_doc = call.input.clone();
        if !redacted.is_empty() {
            set_field(
                &mut input_doc,
                "args",
                Value::Object(redacted_args(call, redacted)),
            );
        }
        self.write(
            "decision",
            json!({"call": call.id, "verdict": call.decision, "reasons": call.reasons, "audit": call.audit,
                   "input_sha256": sha256_of_json(&call.input), "input": input_doc}),
            Vec::new(),
        );
        if let Some(approval) = call.approval {
            self.write(
                "approval",
                json!({"call": call.id, "answer": approval}),
                Vec::new(),
            );
        }
        self.written()
    }

    /// Whether every node so far was written (the first failure otherwise).
    fn written(&self) -> Result<(), String> {
        match &self.failure {
            Some(failure) => Err(failure.clone()),
            None => Ok(()),
        }
    }

    /// What the tool answered.
    ///
    /// An error when the record could not be written: then the plan must stop at once,
    /// before it uses a result (or goes on to a call) the record does not show.
    pub fn finished(&mut self, call: &CallRecord) -> Result<(), String> {
        // Each event names its call's node as a parent too, so the graph hangs it there.
        let of_call: Vec<String> = self.calls.get(&call.id).cloned().into_iter().collect();
        let dropped = (call.sensor_dropped > 0)
            .then(|| json!({"kind": "dropped", "count": call.sensor_dropped}));
        // Written as JSON here, at the edge, in the order they happened.
        let events = call
            .sandbox
            .iter()
            .map(|e| ("sandbox_event", json_of(e)))
            .chain(call.sensor.iter().map(|e| ("sensor_event", json_of(e))))
            .chain(dropped.into_iter().map(|e| ("sensor_event", e)));
        for (kind, event) in events {
            self.write(
                kind,
                json!({"call": call.id, "tool": call.tool, "event": event}),
                of_call.clone(),
            );
        }
        if let Some(result) = &call.result {
            let mut body = json!({"call": call.id, "tool": call.tool, "result": result});
            if let Some(keys) = crate::record::key_order(result) {
                set_field(&mut body, "keys", keys);
            }
            if !call.result_parts.is_empty() {
                let labels = crate::record::part_labels_json(&call.result_parts);
                set_field(&mut body, "labels", labels);
            }
            self.write("tool_result", body, Vec::new());
        }
        if let Some(error) = &call.error {
            self.write(
                "tool_error",
                if call.stopped {
                    json!({"call": call.id, "tool": call.tool, "error": error, "stopped": true})
                } else {
                    json!({"call": call.id, "tool": call.tool, "error": error})
                },
                Vec::new(),
            );
        }
        self.written()
    }

    /// How the run ended.
    pub fn end(&mut self, outcome: &RunOutcome) {
        if let Some(e) = &outcome.error {
            self.write(
                "error",
                serde_json::to_value(e).unwrap_or(Value::Null),
                Vec::new(),
            );
        }
        self.write(
            "end",
            json!({"status": if outcome.error.is_none() {"ok"} else {"error"}, "stdout": outcome.stdout, "steps": outcome.steps}),
            Vec::new(),
        );
    }
}

/// A call's arguments as the record shows them: the value of a parameter marked `redact`
/// replaced by its SHA-256 (and its parts left out).
fn redacted_args(call: &CallRecord, redacted: &[String]) -> Map<String, Value> {
    let mut args = call.args().cloned().unwrap_or_default();
    for name in redacted {
        if let Some(Value::Object(arg)) = args.get_mut(name) {
            let value = arg.get("value").map(|v| v.to_string()).unwrap_or_default();
            let digest = hex(&sha2::Sha256::digest(value.as_bytes()));
            arg.insert("value".into(), json!({"redacted_sha256": digest}));
            arg.remove("items");
            arg.remove("fields");
        }
    }
    args
}

/// The SHA-256 (hex) of a value's compact JSON text, hashed as it is written rather than
/// written out first.
fn sha256_of_json(value: &Value) -> String {
    struct Hashing(sha2::Sha256);
    impl std::io::Write for Hashing {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.update(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut hashing = Hashing(sha2::Sha256::new());
    // Writing a JSON value into a writer that never fails cannot fail.
    let _ = serde_json::to_writer(&mut hashing, value);
    hex(&hashing.0.finalize())
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A record file as a sink.
impl Sink for crate::record::RecordWriter {
    fn append(&mut self, kind: &str, body: Value, parents: &[String]) -> Result<String, String> {
        let parents: Vec<crate::record::NodeHash> = parents
            .iter()
            .map(|p| {
                crate::record::Digest::from_hex(p).ok_or_else(|| format!("bad parent hash {p}"))
            })
            .collect::<Result<_, _>>()?;
        crate::record::RecordWriter::append(self, kind, body, &parents)
            .map(|h| h.to_hex())
            .map_err(|e| e.to_string())
    }

    fn finish(self: Box<Self>, program_sha256: &str) -> Result<(), String> {
        crate::record::RecordWriter::finish(*self, program_sha256).map_err(|e| e.to_string())
    }
}

/// A typed event as the record writes it.
fn json_of(event: &impl serde::Serialize) -> Value {
    // A derived Serialize of plain fields cannot fail.
    serde_json::to_value(event).unwrap_or(Value::Null)
}
