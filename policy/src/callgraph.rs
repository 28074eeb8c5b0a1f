//! How the rules and functions of Rego files reach each other, checked when they load:
//! no function may call itself, and no chain of references may be deeper than
//! [`MAX_CHAIN`].
//!
//! Rego has no recursion: OPA rejects a function that calls itself, directly or through
//! other functions, when it compiles the policy. regorus 0.14 checks recursion among rules
//! while it evaluates, but not among functions: `f(x) := y if { y := f(x) }` recursed until
//! the process overflowed its stack and aborted (issue #12). And regorus evaluates a rule
//! or function that another one mentions on the stack, one level per link: a chain of 400
//! rules (`r0 := r1`, `r1 := r2`, ...) or 1,000 functions overflowed it too.
//!
//! Both are load errors with `file:line:col`, like any other Rego mistake. Calls are
//! resolved exactly; a reference is taken to mention every rule it could name (a local
//! variable named like a rule counts), which can only make a chain look longer.
//!
//! It reads regorus' syntax tree through `regorus::unstable` (pinned by the `0.14`
//! requirement in Cargo.toml; the tree is part of what a regorus upgrade must check).

use std::collections::{BTreeMap, BTreeSet};

use regorus::unstable::{Expr, Literal, Module, Query, Ref, Rule, RuleHead, Span};
use regorus::utils::{gather_functions, get_path_string};

/// The longest chain of rules and functions mentioning each other. Real policies chain a
/// few; at 64 levels evaluation uses about 1.5 MB of stack in a debug build (a chain of
/// rules takes about 23 KB a level), well inside the main thread's 8 MB.
pub(crate) const MAX_CHAIN: usize = 64;

/// Where a call or reference is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct At {
    pub(crate) file: String,
    pub(crate) line: usize,
    pub(crate) col: usize,
}

impl At {
    fn of(span: &Span) -> At {
        At {
            file: span.source.file().clone(),
            line: span.line as usize,
            col: span.col as usize,
        }
    }
}

/// Why the files are refused, and where.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) at: At,
    pub(crate) message: String,
}

/// One link: a rule or function that mentions another.
struct Link {
    to: String,
    /// A call (exact), rather than a reference (which may name several rules).
    call: bool,
    at: At,
}

/// Every rule and function by path (`data.pkg.name`), with what it mentions.
type Graph = BTreeMap<String, Vec<Link>>;

/// The first recursive function, else the first chain deeper than [`MAX_CHAIN`], in path
/// order; `None` when there is neither (or when regorus itself will refuse the files,
/// e.g. for a function defined with two arities).
pub(crate) fn check(modules: &[Ref<Module>]) -> Option<Refusal> {
    let graph = build(modules)?;
    first_cycle(&graph).or_else(|| too_deep(&graph))
}

/// The graph of `modules`.
fn build(modules: &[Ref<Module>]) -> Option<Graph> {
    let functions = gather_functions(modules).ok()?;
    let mut graph = Graph::new();
    let mut rules: Vec<(String, &Rule, &Module, String)> = Vec::new();
    for module in modules {
        let package = get_path_string(&module.package.refr, Some("data")).ok()?;
        for rule in &module.policy {
            let refr = match rule.as_ref() {
                Rule::Spec { head, .. } => match head {
                    RuleHead::Compr { refr, .. }
                    | RuleHead::Set { refr, .. }
                    | RuleHead::Func { refr, .. } => refr,
                },
                Rule::Default { refr, .. } => refr,
            };
            let Ok(path) = get_path_string(refr, Some(&package)) else {
                continue;
            };
            graph.entry(path.clone()).or_default();
            rules.push((path, rule, module, package.clone()));
        }
    }
    let mut links: Vec<(String, Link)> = Vec::new();
    // The nodes for "every rule under a path", with where the first mention is.
    let mut groups: BTreeMap<String, At> = BTreeMap::new();
    for (path, rule, module, package) in &rules {
        each_mention(rule, &mut |mention| {
            let (expr, call) = match mention {
                Mention::Call(fcn) => (fcn, true),
                Mention::Ref(refr) => (refr, false),
            };
            let Ok(name) = get_path_string(expr, None) else {
                return;
            };
            let target = resolve(&name, package, module);
            let at = At::of(expr.span());
            if call {
                if functions.contains_key(&target) {
                    links.push((
                        path.clone(),
                        Link {
                            to: target,
                            call,
                            at,
                        },
                    ));
                }
                return;
            }
            let (named, any_below) = named_by(&graph, &target);
            for to in named {
                links.push((
                    path.clone(),
                    Link {
                        to,
                        call,
                        at: at.clone(),
                    },
                ));
            }
            if any_below {
                let to = below(&target);
                groups.entry(to.clone()).or_insert_with(|| at.clone());
                links.push((path.clone(), Link { to, call, at }));
            }
        });
    }
    for (group, at) in groups {
        let under = group.trim_end_matches('*');
        let members: Vec<String> = graph
            .range(under.to_string()..)
            .map(|(path, _)| path)
            .take_while(|path| path.starts_with(under))
            .cloned()
            .collect();
        for to in members {
            let at = at.clone();
            links.push((
                group.clone(),
                Link {
                    to,
                    call: false,
                    at,
                },
            ));
        }
    }
    for (from, link) in links {
        graph.entry(from).or_default().push(link);
    }
    Some(graph)
}

/// The rules a reference to `target` may name: the rule itself and the rule whose value
/// it reads into (`data.p.x` for `data.p.x.y`); and whether rules lie under it (`data.p.x`
/// under `data.p`), which the reference then names through one shared node (see
/// [`below`]).
fn named_by(graph: &Graph, target: &str) -> (Vec<String>, bool) {
    let mut named: Vec<String> = Vec::new();
    let mut prefix = target;
    loop {
        if graph.contains_key(prefix) {
            named.push(prefix.to_string());
        }
        match prefix.rsplit_once('.') {
            Some((shorter, _)) => prefix = shorter,
            None => break,
        }
    }
    let under = format!("{target}.");
    let any_below = graph
        .range(under.clone()..)
        .next()
        .is_some_and(|(path, _)| path.starts_with(&under));
    (named, any_below)
}

/// The node that stands for every rule under `target` (`data.lib.*` for `data.lib`): a
/// thousand rules that each mention a package of a thousand rules make two thousand links
/// through it, not a million. It is not a rule, and does not count in a chain.
fn below(target: &str) -> String {
    format!("{target}.*")
}

fn is_below(node: &str) -> bool {
    node.ends_with(".*")
}

/// The first call that closes a cycle of functions, by an iterative depth-first search
/// (a policy may chain thousands of functions; the search must not need a deep stack
/// itself).
fn first_cycle(graph: &Graph) -> Option<Refusal> {
    // Each function's calls, indexed (a function may make thousands).
    let calls: BTreeMap<&str, Vec<&Link>> = graph
        .iter()
        .map(|(f, links)| (f.as_str(), links.iter().filter(|l| l.call).collect()))
        .collect();
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for start in graph.keys() {
        if done.contains(start.as_str()) {
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
            if let Some(i) = path.iter().position(|(f, _)| *f == call.to) {
                let mut cycle: Vec<&str> = path.iter().skip(i).map(|(f, _)| *f).collect();
                cycle.push(&call.to);
                let how = if cycle.len() <= 2 {
                    "calls itself".to_string()
                } else {
                    format!("calls itself through {}", cycle.join(" → "))
                };
                return Some(Refusal {
                    at: call.at.clone(),
                    message: format!(
                        "recursive function: {} {how}; Rego does not allow recursion (OPA \
                         refuses it too), and evaluating it would never end",
                        cycle.first().copied().unwrap_or_default()
                    ),
                });
            }
            if let Some((callee, _)) = graph.get_key_value(call.to.as_str()) {
                if !done.contains(callee.as_str()) {
                    path.push((callee, 0));
                }
            }
        }
    }
    None
}

/// The first rule or function (in path order) that starts a chain longer than
/// [`MAX_CHAIN`], located at its link into that chain. A link back into the chain being
/// explored (a cycle among rules, which regorus reports when it evaluates) adds nothing.
fn too_deep(graph: &Graph) -> Option<Refusal> {
    // The longest chain from each rule, counted in rules, and the link it starts with.
    let mut depth: BTreeMap<&str, (usize, Option<&Link>)> = BTreeMap::new();
    let mut exploring: BTreeSet<&str> = BTreeSet::new();
    for start in graph.keys() {
        if depth.contains_key(start.as_str()) {
            continue;
        }
        let mut path: Vec<(&str, usize)> = vec![(start, 0)];
        exploring.insert(start);
        while let Some((at, next)) = path.last_mut() {
            let at: &str = at;
            let links = graph.get(at).map(Vec::as_slice).unwrap_or_default();
            if let Some(link) = links.get(*next) {
                *next += 1;
                if let Some((to, _)) = graph.get_key_value(link.to.as_str()) {
                    if !depth.contains_key(to.as_str()) && exploring.insert(to) {
                        path.push((to, 0));
                    }
                }
                continue;
            }
            let deepest = links
                .iter()
                .filter_map(|l| depth.get(l.to.as_str()).map(|(d, _)| (*d, l)))
                .max_by_key(|(d, _)| *d);
            let (deeper, via) = deepest.map_or((0, None), |(d, l)| (d, Some(l)));
            let own = usize::from(!is_below(at));
            depth.insert(at, (deeper + own, via));
            exploring.remove(at);
            path.pop();
        }
    }
    let (start, (levels, _)) = depth.iter().find(|(_, (d, _))| *d > MAX_CHAIN)?;
    // Name the chain: its first rules and its last.
    let mut chain: Vec<&str> = vec![start];
    let mut first_link = None;
    let mut at: &str = start;
    while let Some((_, Some(link))) = depth.get(at) {
        first_link = first_link.or(Some(*link));
        if !is_below(&link.to) {
            chain.push(&link.to);
        }
        at = &link.to;
    }
    let named = match chain.as_slice() {
        [a, b, c, .., z] => format!("{a} → {b} → {c} → … → {z}"),
        all => all.join(" → "),
    };
    Some(Refusal {
        at: first_link?.at.clone(),
        message: format!(
            "rules and functions mention each other {levels} deep ({named}); Bactrian allows \
             {MAX_CHAIN} levels (regorus evaluates each level on the stack, and a deeper chain \
             could overflow it)"
        ),
    })
}

/// The full path (`data.pkg.f`) of a rule or function named `name` in `module`: through
/// an import alias (`import data.lib` then `lib.f`), as written when it starts at `data`,
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
        if alias == root && target.starts_with("data.") {
            return match rest {
                "" => target,
                rest => format!("{target}.{rest}"),
            };
        }
    }
    format!("{package}.{name}")
}

/// A part of a rule still to walk.
enum Part<'a> {
    Expr(&'a Expr),
    Query(&'a Query),
}

/// What a rule mentions: a function it calls, or a reference (`x`, `data.p.x`, `lib.y[i]`).
enum Mention<'a> {
    Call(&'a Expr),
    Ref(&'a Expr),
}

/// Calls `visit` with every call and every whole reference in a rule (not the parts of a
/// reference: `data.p` inside `data.p.x` is not a mention of the package). Iterative: a
/// long chain of `+` or `and` makes a deep tree that the parser's depth limit does not
/// bound.
fn each_mention(rule: &Rule, visit: &mut dyn FnMut(Mention<'_>)) {
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
            Part::Expr(expr) => match expr {
                Expr::Call { fcn, params, .. } => {
                    visit(Mention::Call(fcn));
                    todo.extend(params.iter().map(|p| Part::Expr(p)));
                }
                Expr::Var { .. } | Expr::RefDot { .. } | Expr::RefBrack { .. } => {
                    visit(Mention::Ref(expr));
                    ref_parts(expr, &mut todo);
                }
                _ => expr_parts(expr, &mut todo),
            },
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

/// The expressions inside a reference that are not the reference itself: the indexes
/// (`i` in `x[i]`) and a root that is not a name (`f(x).y`).
fn ref_parts<'a>(mut expr: &'a Expr, todo: &mut Vec<Part<'a>>) {
    loop {
        match expr {
            Expr::RefDot { refr, .. } => expr = refr,
            Expr::RefBrack { refr, index, .. } => {
                todo.push(Part::Expr(index));
                expr = refr;
            }
            Expr::Var { .. } => return,
            root => return todo.push(Part::Expr(root)),
        }
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
        Expr::RefDot { .. } | Expr::RefBrack { .. } => ref_parts(expr, todo),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(files: &[(&str, &str)]) -> Option<Refusal> {
        let mut engine = regorus::Engine::new();
        for (path, text) in files {
            engine
                .add_policy(path.to_string(), text.to_string())
                .expect("parses");
        }
        check(engine.get_modules())
    }

    #[test]
    fn recursion_through_an_imported_package_is_found_at_the_closing_call() {
        let lib = "package lib\n\nimport data.bactrian as b\n\ng(x) := b.f(x)\n";
        let main = "package bactrian\n\nimport data.lib\n\nf(x) := lib.g(x)\n";
        let refusal = refused(&[("lib.rego", lib), ("main.rego", main)]).expect("a cycle");
        assert_eq!(refusal.at.file, "lib.rego");
        assert_eq!(refusal.at.line, 5);
        assert!(
            refusal
                .message
                .contains("data.bactrian.f → data.lib.g → data.bactrian.f"),
            "{}",
            refusal.message
        );
    }

    #[test]
    fn same_names_in_other_packages_and_local_variables_are_not_recursion() {
        let lib = "package lib\n\nf(x) := x + 1\n";
        let main = "package bactrian\n\nimport data.lib\n\nf(x) := lib.f(x)\n\ndeny contains m if {\n\tm := f(1)\n}\n";
        assert_eq!(refused(&[("lib.rego", lib), ("main.rego", main)]), None);
    }

    #[test]
    fn rules_that_each_mention_a_whole_package_link_through_one_node() {
        // Before: 4,000 rules each mentioning a package of 4,000 rules made 16 million
        // links (1.5 GB, then an abort under a 3 GiB cap).
        let mut lib = String::from("package lib\n\n");
        let mut main = String::from("package bactrian\n\nimport data.lib\n\n");
        for i in 0..4000 {
            lib.push_str(&format!("x{i} := {i}\n"));
            main.push_str(&format!("r{i} := count(lib)\n"));
        }
        let mut engine = regorus::Engine::new();
        engine.add_policy("lib.rego".into(), lib).unwrap();
        engine.add_policy("main.rego".into(), main).unwrap();
        let graph = build(engine.get_modules()).unwrap();
        let links: usize = graph.values().map(Vec::len).sum();
        assert!(links <= 8001, "{links}");
        assert_eq!(too_deep(&graph), None);
    }

    #[test]
    fn a_chain_of_the_allowed_length_passes() {
        let mut text = String::from("package p\n\n");
        for i in 1..MAX_CHAIN {
            text.push_str(&format!("r{i} := r{}\n", i + 1));
        }
        text.push_str(&format!("r{MAX_CHAIN} := 1\n"));
        assert_eq!(refused(&[("p.rego", &text)]), None);
        text.push_str("r0 := r1\n");
        let refusal = refused(&[("p.rego", &text)]).expect("too deep");
        assert!(refusal.message.contains("65 deep"), "{}", refusal.message);
    }
}
