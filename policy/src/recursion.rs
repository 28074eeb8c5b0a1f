//! Recursive Rego functions, refused when the policy loads.
//!
//! Rego has no recursion: OPA rejects a function that calls itself, directly or through
//! other functions, when it compiles the policy. regorus 0.14 checks recursion among rules
//! while it evaluates, but not among functions: `f(x) := y if { y := f(x) }` recursed until
//! the process overflowed its stack and aborted (issue #12). This module finds such cycles
//! in the parsed modules and names the call that closes one, so the policy is a load error
//! with `file:line:col`, like any other Rego mistake.
//!
//! It reads regorus' syntax tree through `regorus::unstable` (pinned by the `0.14`
//! requirement in Cargo.toml; the tree is part of what a regorus upgrade must check).

use std::collections::{BTreeMap, BTreeSet};

use regorus::unstable::{Expr, Literal, Module, Query, Ref, Rule, RuleHead};
use regorus::utils::{gather_functions, get_path_string};

/// One call from a function's body: the function it reaches and where it is written.
struct Call {
    callee: String,
    file: String,
    line: usize,
    col: usize,
}

/// A call that closes a cycle of functions.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Recursion {
    pub(crate) file: String,
    pub(crate) line: usize,
    pub(crate) col: usize,
    /// The functions of the cycle in call order, the first one again at the end
    /// (`data.p.f → data.p.g → data.p.f`).
    pub(crate) cycle: Vec<String>,
}

impl Recursion {
    /// The error message, without the location.
    pub(crate) fn message(&self) -> String {
        let first = self.cycle.first().map(String::as_str).unwrap_or("");
        let how = if self.cycle.len() <= 2 {
            "calls itself".to_string()
        } else {
            format!("calls itself through {}", self.cycle.join(" → "))
        };
        format!(
            "recursive function: {first} {how}; Rego does not allow recursion (OPA refuses it \
             too), and evaluating it would never end"
        )
    }
}

/// The first cycle among the functions of `modules`, in path order; `None` when there is
/// none (or when regorus itself will refuse the functions, e.g. for conflicting arities).
pub(crate) fn find(modules: &[Ref<Module>]) -> Option<Recursion> {
    let table = gather_functions(modules).ok()?;
    let mut calls: BTreeMap<&str, Vec<Call>> = BTreeMap::new();
    for (path, (rules, _, module)) in &table {
        let package = get_path_string(&module.package.refr, Some("data")).ok()?;
        let mut out = Vec::new();
        for rule in rules {
            each_call(rule, &mut |fcn: &Expr| {
                let Ok(name) = get_path_string(fcn, None) else {
                    return;
                };
                let callee = resolve(&name, &package, module);
                if table.contains_key(&callee) {
                    let span = fcn.span();
                    out.push(Call {
                        callee,
                        file: span.source.file().clone(),
                        line: span.line as usize,
                        col: span.col as usize,
                    });
                }
            });
        }
        calls.insert(path.as_str(), out);
    }
    first_cycle(&calls)
}

/// The first call that closes a cycle, by an iterative depth-first search (a policy may
/// chain thousands of functions; the search must not need a deep stack itself).
fn first_cycle(calls: &BTreeMap<&str, Vec<Call>>) -> Option<Recursion> {
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for start in calls.keys() {
        if done.contains(start) {
            continue;
        }
        // The functions being explored, each with the index of its next call to follow.
        let mut path: Vec<(&str, usize)> = vec![(start, 0)];
        while let Some((at, next)) = path.last_mut() {
            let at: &str = at;
            let Some(call) = calls.get(at).and_then(|c| c.get(*next)) else {
                done.insert(at);
                path.pop();
                continue;
            };
            *next += 1;
            if let Some(i) = path.iter().position(|(f, _)| *f == call.callee) {
                let mut cycle: Vec<String> = path[i..].iter().map(|(f, _)| f.to_string()).collect();
                cycle.push(call.callee.clone());
                return Some(Recursion {
                    file: call.file.clone(),
                    line: call.line,
                    col: call.col,
                    cycle,
                });
            }
            if let Some((callee, _)) = calls.get_key_value(call.callee.as_str()) {
                if !done.contains(callee) {
                    path.push((callee, 0));
                }
            }
        }
    }
    None
}

/// The full path (`data.pkg.f`) of a function called as `name` from `module`: through an
/// import alias (`import data.lib` then `lib.f`), as written when it starts at `data`,
/// else in the module's own package.
fn resolve(name: &str, package: &str, module: &Module) -> String {
    if name.starts_with("data.") {
        return name.to_string();
    }
    let (root, rest) = name.split_once('.').unwrap_or((name, ""));
    for import in &module.imports {
        let Ok(target) = get_path_string(&import.refr, None) else {
            continue;
        };
        let alias = match &import.r#as {
            Some(span) => span.text().to_string(),
            None => target.rsplit('.').next().unwrap_or("").to_string(),
        };
        if alias == root && target.starts_with("data.") && !rest.is_empty() {
            return format!("{target}.{rest}");
        }
    }
    format!("{package}.{name}")
}

/// A part of a rule still to walk.
enum Part<'a> {
    Expr(&'a Expr),
    Query(&'a Query),
}

/// Calls `visit` with the function expression of every call in a rule. Iterative: a long
/// chain of `+` or `and` makes a deep tree that the parser's depth limit does not bound.
fn each_call(rule: &Rule, visit: &mut dyn FnMut(&Expr)) {
    let mut todo: Vec<Part<'_>> = Vec::new();
    match rule {
        Rule::Spec { head, bodies, .. } => {
            match head {
                RuleHead::Compr { assign, .. } | RuleHead::Func { assign, .. } => {
                    todo.extend(assign.iter().map(|a| Part::Expr(&a.value)));
                }
                RuleHead::Set { key, .. } => todo.extend(key.iter().map(|k| Part::Expr(k))),
            }
            for body in bodies {
                todo.extend(body.assign.iter().map(|a| Part::Expr(&a.value)));
                todo.push(Part::Query(&body.query));
            }
        }
        Rule::Default { value, .. } => todo.push(Part::Expr(value)),
    }
    while let Some(part) = todo.pop() {
        match part {
            Part::Query(query) => query_parts(query, &mut todo),
            Part::Expr(expr) => {
                if let Expr::Call { fcn, .. } = expr {
                    visit(fcn);
                }
                expr_parts(expr, &mut todo);
            }
        }
    }
}

/// The expressions and queries directly inside a query.
fn query_parts<'a>(query: &'a Query, todo: &mut Vec<Part<'a>>) {
    for stmt in &query.stmts {
        match &stmt.literal {
            Literal::SomeVars { .. } => {}
            Literal::SomeIn {
                key,
                value,
                collection,
                ..
            } => membership_parts(key, value, collection, todo),
            Literal::Expr { expr, .. } | Literal::NotExpr { expr, .. } => {
                todo.push(Part::Expr(expr))
            }
            Literal::Every { domain, query, .. } => {
                todo.push(Part::Expr(domain));
                todo.push(Part::Query(query));
            }
        }
        todo.extend(stmt.with_mods.iter().map(|w| Part::Expr(&w.r#as)));
    }
}

/// The expressions and queries directly inside an expression.
fn expr_parts<'a>(expr: &'a Expr, todo: &mut Vec<Part<'a>>) {
    match expr {
        Expr::Call { params, .. } => todo.extend(params.iter().map(|p| Part::Expr(p))),
        Expr::Array { items, .. } | Expr::Set { items, .. } => {
            todo.extend(items.iter().map(|i| Part::Expr(i)))
        }
        Expr::Object { fields, .. } => {
            for (_, key, value) in fields {
                todo.push(Part::Expr(key));
                todo.push(Part::Expr(value));
            }
        }
        Expr::ArrayCompr { term, query, .. } | Expr::SetCompr { term, query, .. } => {
            todo.push(Part::Expr(term));
            todo.push(Part::Query(query));
        }
        Expr::ObjectCompr {
            key, value, query, ..
        } => {
            todo.push(Part::Expr(key));
            todo.push(Part::Expr(value));
            todo.push(Part::Query(query));
        }
        Expr::UnaryExpr { expr, .. } => todo.push(Part::Expr(expr)),
        Expr::RefDot { refr, .. } => todo.push(Part::Expr(refr)),
        Expr::RefBrack { refr, index, .. } => {
            todo.push(Part::Expr(refr));
            todo.push(Part::Expr(index));
        }
        Expr::BinExpr { lhs, rhs, .. }
        | Expr::BoolExpr { lhs, rhs, .. }
        | Expr::ArithExpr { lhs, rhs, .. }
        | Expr::AssignExpr { lhs, rhs, .. } => {
            todo.push(Part::Expr(lhs));
            todo.push(Part::Expr(rhs));
        }
        Expr::Membership {
            key,
            value,
            collection,
            ..
        } => membership_parts(key, value, collection, todo),
        _ => {}
    }
}

/// The parts of `key, value in collection` (a `some ... in` or a membership test).
fn membership_parts<'a>(
    key: &'a Option<Ref<Expr>>,
    value: &'a Expr,
    collection: &'a Expr,
    todo: &mut Vec<Part<'a>>,
) {
    todo.extend(key.iter().map(|k| Part::Expr(k)));
    todo.push(Part::Expr(value));
    todo.push(Part::Expr(collection));
}
