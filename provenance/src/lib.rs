//! The shared vocabulary of Bactrian: where data came from ([`Source`]), who may read it
//! ([`Readers`]), the [`Label`] that pairs them, and the [`Graph`] of derivations that
//! explains how a value came to be.
//!
//! A tour:
//!
//! ```
//! use bactrian_provenance::{LabelTable, Readers, Source};
//!
//! let mut labels = LabelTable::new();
//! // A literal in the plan is trusted and public.
//! let literal = labels.program();
//! assert!(labels.is_trusted(literal));
//!
//! // A web page is neither trusted nor restricted.
//! let web = labels.intern(
//!     [Source::tool("web_search", "c1")].into(),
//!     Readers::Public,
//! );
//! assert!(!labels.is_trusted(web));
//!
//! // Joining takes the union of sources and the intersection of readers:
//! // anything computed from the web page is untrusted too. (`Program` adds nothing once a
//! // real source is there.)
//! let mixed = labels.join(literal, web);
//! assert!(!labels.is_trusted(mixed));
//! assert_eq!(labels.get(mixed).sources, [Source::tool("web_search", "c1")].into());
//!
//! // Private data keeps its readers through a join.
//! let mail = labels.intern(
//!     [Source::tool("read_email", "c2")].into(),
//!     Readers::only(["alice@example.com"]),
//! );
//! let both = labels.join(web, mail);
//! assert_eq!(labels.get(both).readers, Readers::only(["alice@example.com"]));
//! ```
//!
//! The [`Graph`] records derivations with integer node ids (a petgraph arena):
//!
//! ```
//! use bactrian_provenance::{Graph, NodeKind, Source};
//!
//! let mut graph = Graph::new();
//! let search = graph.add(NodeKind::Source(Source::tool("web_search", "c1")), 1, &[], &[]);
//! let email = graph.add(NodeKind::derive("r['email']"), 2, &[search], &[]);
//! let to = graph.add(NodeKind::assign("to"), 2, &[email], &[]);
//! let sources = graph.sources_of(to);
//! assert_eq!(sources, vec![Source::tool("web_search", "c1")]);
//! assert_eq!(graph.explain(to), "to (line 2) ← r['email'] (line 2) ← web_search(call c1)");
//! ```

#![forbid(unsafe_code)]
// Errors, not panics, outside tests: nothing a plan, a config or a tool sends can abort.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod graph;
mod label;

pub use graph::{EdgeKind, Graph, Node, NodeId, NodeKind};
pub use label::{Label, LabelData, LabelTable, Readers, Source};
