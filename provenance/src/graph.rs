//! The derivation graph: how each value came to be.
//!
//! Nodes live in a petgraph arena and are named by integer ids; an edge points from a value to
//! what it was computed from (`Data`) or to the condition that decided whether it was computed
//! at all (`Control`, strict mode).

use crate::label::Source;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::Arc;

/// A node's id. Ids are dense and start at 0.
pub type NodeId = u32;

/// What kind of step a node stands for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "what", rename_all = "snake_case")]
pub enum NodeKind {
    /// Data entering the program: a tool result, the user's request, a model's answer.
    Source(Source),
    /// A value computed from others (`r['email']`, `a + b`, `len(x)`).
    Derive(Arc<str>),
    /// A value stored under a name.
    Assign(Arc<str>),
    /// The test of an `if`/`while`, the iterable of a `for`: a control-flow dependency.
    Condition(Arc<str>),
}

impl NodeKind {
    pub fn derive(what: impl Into<Arc<str>>) -> NodeKind {
        NodeKind::Derive(what.into())
    }
    pub fn assign(name: impl Into<Arc<str>>) -> NodeKind {
        NodeKind::Assign(name.into())
    }
    pub fn condition(what: impl Into<Arc<str>>) -> NodeKind {
        NodeKind::Condition(what.into())
    }

    fn describe(&self) -> String {
        match self {
            NodeKind::Source(source) => match source {
                Source::Tool { name, call, .. } => format!("{name}(call {call})"),
                other => other.describe(),
            },
            NodeKind::Derive(what) | NodeKind::Assign(what) => what.to_string(),
            NodeKind::Condition(what) => format!("if {what}"),
        }
    }
}

/// Why one node points at another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    Data,
    Control,
}

/// One step: what it is and the line of the plan it happened on.
#[derive(Clone, Debug, Serialize)]
pub struct Node {
    #[serde(flatten)]
    pub kind: NodeKind,
    pub line: u32,
}

/// The derivation graph of one run.
#[derive(Debug, Default)]
pub struct Graph {
    graph: DiGraph<Node, EdgeKind, u32>,
}

impl Graph {
    pub fn new() -> Graph {
        Graph::default()
    }

    /// Adds a node computed from `data` and decided by `control`; returns its id.
    pub fn add(
        &mut self,
        kind: NodeKind,
        line: u32,
        data: &[NodeId],
        control: &[NodeId],
    ) -> NodeId {
        let id = self.graph.add_node(Node { kind, line });
        for &dep in data {
            self.graph
                .add_edge(id, NodeIndex::new(dep as usize), EdgeKind::Data);
        }
        for &dep in control {
            self.graph
                .add_edge(id, NodeIndex::new(dep as usize), EdgeKind::Control);
        }
        id.index() as NodeId
    }

    /// The node with this id, if there is one.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.graph.node_weight(NodeIndex::new(id as usize))
    }

    /// How many nodes there are.
    pub fn len(&self) -> usize {
        self.graph.node_count()
    }

    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }

    /// The nodes a node depends on directly, with the kind of each edge, in insertion order.
    pub fn dependencies(&self, id: NodeId) -> Vec<(NodeId, EdgeKind)> {
        let mut deps: Vec<_> = self
            .graph
            .edges(NodeIndex::new(id as usize))
            .map(|e| (e.target().index() as NodeId, *e.weight()))
            .collect();
        // petgraph lists outgoing edges newest first.
        deps.reverse();
        deps
    }

    /// Every source the node depends on, through data and control edges, in order.
    pub fn sources_of(&self, id: NodeId) -> Vec<Source> {
        let mut seen = BTreeSet::new();
        let mut sources = BTreeSet::new();
        let mut stack = vec![id];
        while let Some(next) = stack.pop() {
            if !seen.insert(next) {
                continue;
            }
            if let Some(Node {
                kind: NodeKind::Source(source),
                ..
            }) = self.node(next)
            {
                sources.insert(source.clone());
            }
            stack.extend(self.dependencies(next).into_iter().map(|(dep, _)| dep));
        }
        sources.into_iter().collect()
    }

    /// One line of lineage in plain words, following the first data dependency of each step:
    /// `to (line 2) ← r['email'] (line 2) ← web_search(call c1)`.
    pub fn explain(&self, id: NodeId) -> String {
        let mut parts = Vec::new();
        let mut seen = BTreeSet::new();
        let mut at = Some(id);
        while let Some(next) = at {
            if !seen.insert(next) {
                break;
            }
            let Some(node) = self.node(next) else { break };
            parts.push(match &node.kind {
                NodeKind::Source(_) => node.kind.describe(),
                _ => format!("{} (line {})", node.kind.describe(), node.line),
            });
            let deps = self.dependencies(next);
            at = deps
                .iter()
                .find(|(_, kind)| *kind == EdgeKind::Data)
                .or(deps.first())
                .map(|(dep, _)| *dep);
        }
        parts.join(" ← ")
    }

    /// The petgraph graph, for export and custom queries.
    pub fn as_petgraph(&self) -> &DiGraph<Node, EdgeKind, u32> {
        &self.graph
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_dependencies_count_as_sources() {
        let mut g = Graph::new();
        let mail = g.add(
            NodeKind::Source(Source::tool("read_email", "c1")),
            1,
            &[],
            &[],
        );
        let cond = g.add(NodeKind::condition("'urgent' in body"), 2, &[mail], &[]);
        let to = g.add(NodeKind::assign("to"), 3, &[], &[cond]);
        assert_eq!(g.sources_of(to), vec![Source::tool("read_email", "c1")]);
        assert_eq!(g.dependencies(to), vec![(cond, EdgeKind::Control)]);
    }

    #[test]
    fn a_node_without_dependencies_has_no_sources() {
        let mut g = Graph::new();
        let lit = g.add(NodeKind::assign("x"), 1, &[], &[]);
        assert!(g.sources_of(lit).is_empty());
        assert_eq!(g.explain(lit), "x (line 1)");
    }
}
