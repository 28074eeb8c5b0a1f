//! Delta debugging over the plan tree: drop runs of statements, drop optional clauses,
//! replace a compound statement by one of its bodies, empty a body (`pass`), replace an
//! expression by a sub-expression of the same type or by a literal. A candidate is kept when
//! the plan still fails the same way with the same two worlds and its text is shorter.

use super::plan::{Clause, Expr, Node, Part, Plan};
use std::time::{Duration, Instant};

/// The smallest plan found within `budget` for which `fails` holds.
pub fn shrink(plan: Plan, budget: Duration, mut fails: impl FnMut(&str) -> bool) -> Plan {
    let deadline = Instant::now() + budget;
    let mut best = plan;
    let mut best_len = best.render().len();
    loop {
        let mut improved = false;
        let mut i = 0;
        loop {
            let cands = body_candidates(&best.nodes);
            if i >= cands.len() {
                break;
            }
            if Instant::now() > deadline {
                return best;
            }
            let cand = Plan {
                nodes: cands[i].clone(),
            };
            let text = cand.render();
            if text.len() < best_len && fails(&text) {
                best = cand;
                best_len = text.len();
                improved = true;
                // Candidates before `i` were tried on a bigger plan; go on from here.
            } else {
                i += 1;
            }
        }
        if !improved {
            return best;
        }
    }
}

fn body_candidates(body: &[Node]) -> Vec<Vec<Node>> {
    let mut out = Vec::new();
    let n = body.len();
    // Runs of statements, halving.
    let mut size = n / 2;
    while size >= 1 {
        let mut start = 0;
        while start < n {
            let end = (start + size).min(n);
            let mut b = body[..start].to_vec();
            b.extend_from_slice(&body[end..]);
            out.push(b);
            start += size;
        }
        size /= 2;
    }
    if n == 1 {
        out.push(Vec::new());
    }
    for (i, node) in body.iter().enumerate() {
        for alt in node_candidates(node) {
            let mut b = body[..i].to_vec();
            b.extend(alt);
            b.extend_from_slice(&body[i + 1..]);
            out.push(b);
        }
    }
    out
}

fn node_candidates(node: &Node) -> Vec<Vec<Node>> {
    let mut out = Vec::new();
    match node {
        Node::Line(e) => {
            for e2 in expr_candidates(e, false) {
                out.push(vec![Node::Line(e2)]);
            }
        }
        Node::Block(clauses) => {
            // The body of one clause in place of the statement.
            for c in clauses {
                out.push(c.body.clone());
            }
            for (i, c) in clauses.iter().enumerate() {
                if c.optional {
                    let mut cs = clauses.clone();
                    cs.remove(i);
                    out.push(vec![Node::Block(cs)]);
                }
            }
            // `if a: ... elif b: ...` without its first clause: `if b: ...`.
            if clauses.len() > 1 {
                if let Some(Part::Text(head)) = clauses[1].head.parts.first() {
                    if let Some(rest) = head.strip_prefix("elif ") {
                        let mut cs = clauses[1..].to_vec();
                        cs[0].head.parts[0] = Part::Text(format!("if {rest}"));
                        cs[0].optional = false;
                        out.push(vec![Node::Block(cs)]);
                    }
                }
            }
            for (i, c) in clauses.iter().enumerate() {
                if !c.body.is_empty() {
                    let mut cs = clauses.clone();
                    cs[i].body = Vec::new();
                    out.push(vec![Node::Block(cs)]);
                }
                for b in body_candidates(&c.body) {
                    let mut cs = clauses.clone();
                    cs[i] = Clause {
                        head: c.head.clone(),
                        body: b,
                        optional: c.optional,
                    };
                    out.push(vec![Node::Block(cs)]);
                }
                for h in expr_candidates(&c.head, false) {
                    let mut cs = clauses.clone();
                    cs[i].head = h;
                    out.push(vec![Node::Block(cs)]);
                }
            }
        }
    }
    out
}

/// Simpler versions of `e`: its literal stand-in, a sub-expression of the same type, or `e`
/// with one sub-expression simplified.
fn expr_candidates(e: &Expr, replace_self: bool) -> Vec<Expr> {
    let mut out = Vec::new();
    if replace_self {
        if let (Some(tag), Some(fallback)) = (e.tag, &e.fallback) {
            let mut f = Expr::lit(fallback.clone());
            f.tag = Some(tag);
            f.fallback = Some(fallback.clone());
            f.atomic = true;
            out.push(f);
            collect_same_tag(e, tag, &mut out);
        }
    }
    for (i, p) in e.parts.iter().enumerate() {
        if let Part::Sub(sub) = p {
            for alt in expr_candidates(sub, true) {
                let mut e2 = e.clone();
                let alt = if needs_paren(sub, &alt) {
                    alt.paren()
                } else {
                    alt
                };
                e2.parts[i] = Part::Sub(alt);
                out.push(e2);
            }
        }
    }
    out
}

/// A non-atomic replacement in the place of an atomic expression gets parentheses.
fn needs_paren(old: &Expr, new: &Expr) -> bool {
    old.atomic && !new.atomic
}

fn collect_same_tag(e: &Expr, tag: &str, out: &mut Vec<Expr>) {
    for p in &e.parts {
        if let Part::Sub(sub) = p {
            if sub.tag == Some(tag) {
                out.push(sub.clone());
            } else {
                collect_same_tag(sub, tag, out);
            }
        }
    }
}
