//! The record as a graph: one vertex per node, an edge from each parent to its child.

use std::collections::HashMap;
use std::fmt::Write as _;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde_json::{json, Value};

use super::read::{Record, RecordNode};

/// A record's nodes in a petgraph graph. Vertex `i` is `record.nodes[i]`; an edge goes from a
/// parent to the node that names it. A parent hash that several earlier nodes share (equal
/// content) points at the latest of them; one that no earlier node has (a record that does not
/// verify) gives no edge.
pub struct RecordGraph<'r> {
    record: &'r Record,
    graph: DiGraph<usize, ()>,
}

impl<'r> RecordGraph<'r> {
    pub fn new(record: &'r Record) -> RecordGraph<'r> {
        let mut graph = DiGraph::with_capacity(record.nodes.len(), record.nodes.len());
        let mut latest = HashMap::with_capacity(record.nodes.len());
        for (i, node) in record.nodes.iter().enumerate() {
            let vertex = graph.add_node(i);
            for parent in &node.parents {
                if let Some(&from) = latest.get(parent) {
                    graph.add_edge(from, vertex, ());
                }
            }
            latest.insert(node.hash, vertex);
        }
        RecordGraph { record, graph }
    }

    /// The petgraph graph (vertex weights are indices into `record.nodes`).
    pub fn graph(&self) -> &DiGraph<usize, ()> {
        &self.graph
    }

    /// The record node at a vertex (`None` for a vertex not of this graph).
    pub fn node(&self, vertex: NodeIndex) -> Option<&'r RecordNode> {
        let index = *self.graph.node_weight(vertex)?;
        self.record.nodes.get(index)
    }

    /// The seq of each end of an edge.
    fn edge_seqs(&self, from: NodeIndex, to: NodeIndex) -> Option<(u64, u64)> {
        Some((self.node(from)?.seq, self.node(to)?.seq))
    }

    /// The vertex of the node with this seq.
    pub fn vertex_of_seq(&self, seq: u64) -> Option<NodeIndex> {
        let i = self.record.nodes.iter().position(|n| n.seq == seq)?;
        Some(NodeIndex::new(i))
    }

    /// The vertices a node was derived from directly.
    pub fn parents(&self, vertex: NodeIndex) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph
            .edges_directed(vertex, Direction::Incoming)
            .map(|e| e.source())
    }

    /// Every vertex a node was derived from, directly or not, nearest first.
    pub fn ancestors(&self, vertex: NodeIndex) -> Vec<NodeIndex> {
        let mut bfs = petgraph::visit::Bfs::new(petgraph::visit::Reversed(&self.graph), vertex);
        let mut out = Vec::new();
        while let Some(v) = bfs.next(petgraph::visit::Reversed(&self.graph)) {
            if v != vertex {
                out.push(v);
            }
        }
        out
    }

    /// Graphviz DOT.
    pub fn to_dot(&self) -> String {
        let mut out = String::from("digraph record {\n  node [fontname=\"monospace\"];\n");
        for node in self.graph.node_indices().filter_map(|v| self.node(v)) {
            let mut label = format!("{} {}", node.seq, node.kind);
            if let Some(detail) = detail(node) {
                label.push('\n');
                label.push_str(&detail);
            }
            let _ = writeln!(
                out,
                "  n{} [label=\"{}\"{}];",
                node.seq,
                dot_escape(&label),
                style(node)
            );
        }
        for edge in self.graph.edge_references() {
            if let Some((from, to)) = self.edge_seqs(edge.source(), edge.target()) {
                let _ = writeln!(out, "  n{from} -> n{to};");
            }
        }
        out.push_str("}\n");
        out
    }

    /// JSON: `{"agent", "created", "key_id", "complete", "nodes": [{"seq", "kind", "hash",
    /// "time", "body"}], "edges": [{"from": seq, "to": seq}]}`.
    pub fn to_json(&self) -> Value {
        let nodes: Vec<Value> = self
            .record
            .nodes
            .iter()
            .map(|n| {
                json!({"seq": n.seq, "kind": n.kind, "hash": n.hash, "time": n.time, "body": n.body})
            })
            .collect();
        let edges: Vec<Value> = self
            .graph
            .edge_references()
            .filter_map(|e| self.edge_seqs(e.source(), e.target()))
            .map(|(from, to)| json!({"from": from, "to": to}))
            .collect();
        json!({
            "agent": self.record.header.agent,
            "created": self.record.header.created,
            "key_id": self.record.header.key_id,
            "complete": self.record.is_complete(),
            "nodes": nodes,
            "edges": edges,
        })
    }
}

/// The record as Graphviz DOT: `bactrian graph RECORD --format dot | dot -Tsvg > run.svg`.
pub fn to_dot(record: &Record) -> String {
    RecordGraph::new(record).to_dot()
}

/// The record as JSON nodes and edges (see [`RecordGraph::to_json`]).
pub fn to_json_graph(record: &Record) -> Value {
    RecordGraph::new(record).to_json()
}

/// A short second label line: the tool a call names, a decision's verdict, an error's type.
fn detail(node: &RecordNode) -> Option<String> {
    let text = ["tool", "verdict", "type", "status", "name"]
        .iter()
        .find_map(|field| node.body.get(field).and_then(Value::as_str))?;
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    Some(short)
}

fn style(node: &RecordNode) -> &'static str {
    let verdict = node.body.get("verdict").and_then(Value::as_str);
    match node.kind.as_str() {
        "decision" if verdict == Some("deny") => ", shape=diamond, color=red",
        "decision" => ", shape=diamond",
        "tool_call" => ", shape=box, style=bold",
        "tool_error" | "error" => ", shape=box, color=red",
        "program" | "end" => ", shape=doubleoctagon",
        _ => ", shape=box",
    }
}

/// Escapes a string for a double-quoted DOT label (`\n` becomes a centered line break).
fn dot_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
