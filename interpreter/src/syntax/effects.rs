//! What a region of the plan may change, found before it runs: the static half of strict
//! mode. When a branch on untrusted data ends, everything the code *not* taken could have
//! changed must carry the condition's label too, or the value left untouched would tell which
//! way the branch went (docs/labels.md, "the branch not taken").
//!
//! The analysis is sound by over-approximation, never by guessing what a value is:
//! - `assigned`: every name the region may rebind;
//! - `deep`: names through which the region may mutate a heap object (the receiver of a
//!   mutating method, the object of a subscript or attribute store, the callee and arguments
//!   of a call that may run plan code with effects). At run time everything reachable from
//!   them is relabeled, so an alias (`inner = box["to"]`) or a closure cannot hide a write;
//! - `consumed`: names whose iterators the region may advance (an argument of any call, the
//!   iterable of a loop): at run time only iterators reachable from them are relabeled.
//!
//! If a root name is itself rebound inside the region, the object it names there may come
//! from anything the region reads, so every name the region reads becomes a root.

use super::scope;
use rustpython_parser::ast;
use std::collections::HashSet;

/// Methods that change their receiver in place.
pub const MUTATING_METHODS: &[&str] = &[
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "clear",
    "sort",
    "reverse",
    "update",
    "setdefault",
    "popitem",
    "add",
    "discard",
    "difference_update",
    "intersection_update",
    "symmetric_difference_update",
];

/// Builtins that call a function they are given (`key=`, `map`, `filter`).
const CALLBACK_BUILTINS: &[&str] = &["sorted", "min", "max", "map", "filter"];

/// Builtins that build a new container from their arguments (a local assigned only from
/// these, or from a literal or a comprehension, is fresh: nothing outside the call sees it).
const FRESH_BUILTINS: &[&str] = &[
    "list",
    "dict",
    "set",
    "sorted",
    "tuple",
    "frozenset",
    "range",
    "str",
    "int",
    "float",
    "len",
    "sum",
    "reversed",
    "enumerate",
    "zip",
];

/// The names a region may change, before they are resolved to slots.
#[derive(Debug, Default)]
pub struct RawEffects {
    pub assigned: Vec<String>,
    pub deep: Vec<String>,
    pub consumed: Vec<String>,
    /// `name.field = ...` stores on a variable the region does not rebind: only that field
    /// of that object changes (a data model's fields are fixed by its class).
    pub fields: Vec<(String, String)>,
    /// Variables the region only appends to (`xs.append(v)`, `xs.extend(ys)`, `xs += ys`):
    /// a list's length changes, none of its items moves.
    pub grown: Vec<String>,
    pub loop_exit: bool,
    pub escape: bool,
    pub raise: bool,
}

impl RawEffects {
    /// True when the region changes nothing outside itself.
    pub fn is_empty(&self) -> bool {
        self.assigned.is_empty()
            && self.deep.is_empty()
            && self.consumed.is_empty()
            && self.fields.is_empty()
            && self.grown.is_empty()
    }
}

/// What the analysis needs to know about names.
pub struct Names<'a> {
    /// Whether a name called as a function is a builtin, a type or a tool (never plan code).
    pub is_native: &'a dyn Fn(&str) -> bool,
    /// Module-level functions known to change nothing their caller can see.
    pub pure: &'a HashSet<String>,
}

fn push(out: &mut Vec<String>, name: &str) {
    if !out.iter().any(|n| n == name) {
        out.push(name.to_string());
    }
}

/// Every name loaded anywhere in `expr` (nested lambdas and comprehensions included).
pub fn names_in(expr: &ast::Expr, out: &mut Vec<String>) {
    if let ast::Expr::Name(n) = expr {
        push(out, n.id.as_str());
    }
    scope::each_subexpr(expr, &mut |e| names_in(e, out));
}

/// Every name loaded anywhere in a block.
pub fn names_in_block(body: &[ast::Stmt], out: &mut Vec<String>) {
    body.iter().for_each(|s| names_in_stmt(s, out));
}

fn names_in_stmt(stmt: &ast::Stmt, out: &mut Vec<String>) {
    let (exprs, stmts) = scope::children(stmt);
    exprs.into_iter().for_each(|e| names_in(e, out));
    stmts.into_iter().for_each(|s| names_in_stmt(s, out));
}

struct Walk<'n, 'a> {
    names: &'n Names<'a>,
    fx: RawEffects,
    /// Names rebound only by `x op= y` in the region: the object such a name holds there
    /// came from the name itself, so it needs no widening of the roots.
    aug_only: Vec<String>,
    /// Names bound in the region any other way.
    plain: Vec<String>,
}

impl Walk<'_, '_> {
    fn stmt(&mut self, stmt: &ast::Stmt) {
        match stmt {
            ast::Stmt::Break(_) | ast::Stmt::Continue(_) => self.fx.loop_exit = true,
            ast::Stmt::Return(r) => {
                self.fx.escape = true;
                if let Some(v) = &r.value {
                    self.expr(v);
                }
            }
            ast::Stmt::Raise(r) => {
                self.fx.raise = true;
                for e in r.exc.iter().chain(&r.cause) {
                    self.expr(e);
                }
            }
            // Defining a function runs none of it; its body counts where it is called.
            ast::Stmt::FunctionDef(f) => {
                for a in f
                    .args
                    .posonlyargs
                    .iter()
                    .chain(&f.args.args)
                    .chain(&f.args.kwonlyargs)
                {
                    if let Some(d) = &a.default {
                        self.expr(d);
                    }
                }
            }
            ast::Stmt::Assign(a) => {
                a.targets.iter().for_each(|t| self.store_target(t));
                self.expr(&a.value);
            }
            ast::Stmt::AugAssign(a) => {
                // `xs += ys` extends a list in place: a mutation of whatever `xs` names.
                match a.target.as_ref() {
                    ast::Expr::Name(n) => {
                        push(&mut self.fx.grown, n.id.as_str());
                        push(&mut self.aug_only, n.id.as_str());
                    }
                    t => self.store_target(t),
                }
                self.expr(&a.value);
            }
            ast::Stmt::AnnAssign(a) => {
                self.store_target(&a.target);
                if let Some(v) = &a.value {
                    self.expr(v);
                }
            }
            ast::Stmt::Delete(d) => d.targets.iter().for_each(|t| self.store_target(t)),
            ast::Stmt::For(f) => {
                self.consume(&f.iter);
                self.store_target(&f.target);
                self.expr(&f.iter);
                f.body.iter().chain(&f.orelse).for_each(|s| self.stmt(s));
            }
            _ => {
                let (exprs, stmts) = scope::children(stmt);
                exprs.into_iter().for_each(|e| self.expr(e));
                stmts.into_iter().for_each(|s| self.stmt(s));
            }
        }
    }

    /// A store into `target`: a subscript or attribute store mutates the object it is on.
    fn store_target(&mut self, target: &ast::Expr) {
        match target {
            ast::Expr::Subscript(s) => {
                names_in(&s.value, &mut self.fx.deep);
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            ast::Expr::Attribute(a) => {
                match a.value.as_ref() {
                    ast::Expr::Name(n) => {
                        let field = (n.id.to_string(), a.attr.to_string());
                        if !self.fx.fields.contains(&field) {
                            self.fx.fields.push(field);
                        }
                    }
                    other => names_in(other, &mut self.fx.deep),
                }
                self.expr(&a.value);
            }
            ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| self.store_target(e)),
            ast::Expr::List(l) => l.elts.iter().for_each(|e| self.store_target(e)),
            ast::Expr::Starred(s) => self.store_target(&s.value),
            _ => {}
        }
    }

    fn consume(&mut self, e: &ast::Expr) {
        names_in(e, &mut self.fx.consumed);
    }

    fn mutate(&mut self, e: &ast::Expr) {
        names_in(e, &mut self.fx.deep);
    }

    /// Whether calling `f` may run plan code that changes what its caller can see.
    fn callee_has_effects(&self, f: &ast::Expr) -> bool {
        match f {
            ast::Expr::Name(n) => {
                let name = n.id.as_str();
                !((self.names.is_native)(name) || self.names.pure.contains(name))
            }
            ast::Expr::Lambda(l) => {
                // Appending, storing a field or advancing an iterator is an effect too.
                !analyse_expr(&l.body, self.names).is_empty()
            }
            _ => true,
        }
    }

    fn expr(&mut self, expr: &ast::Expr) {
        match expr {
            ast::Expr::Call(c) => {
                let args = c.args.iter().chain(c.keywords.iter().map(|k| &k.value));
                match c.func.as_ref() {
                    ast::Expr::Attribute(a) => {
                        let name = a.attr.as_str();
                        let appends = matches!(name, "append" | "extend");
                        if let (true, ast::Expr::Name(n)) = (appends, a.value.as_ref()) {
                            push(&mut self.fx.grown, n.id.as_str());
                        } else if MUTATING_METHODS.contains(&name) {
                            self.mutate(&a.value);
                        } else {
                            self.consume(&a.value);
                        }
                        // `xs.sort(key=f)` calls f on every item.
                        let callback = name == "sort"
                            && c.keywords.iter().any(|k| self.callee_has_effects(&k.value));
                        for arg in args {
                            if callback {
                                self.mutate(arg);
                                self.mutate(&a.value);
                            } else {
                                self.consume(arg);
                            }
                        }
                    }
                    ast::Expr::Name(n) if (self.names.is_native)(n.id.as_str()) => {
                        // `map(f, ...)` and `filter(f, ...)` call their first argument;
                        // `sorted`, `min` and `max` their `key=`.
                        let callbacks: Vec<&ast::Expr> = match n.id.as_str() {
                            "map" | "filter" => c.args.first().into_iter().collect(),
                            name if CALLBACK_BUILTINS.contains(&name) => c
                                .keywords
                                .iter()
                                .filter(|k| k.arg.as_deref() == Some("key"))
                                .map(|k| &k.value)
                                .collect(),
                            _ => Vec::new(),
                        };
                        let calls_back = callbacks.iter().any(|a| self.may_be_callback(a));
                        for arg in args {
                            if calls_back {
                                self.mutate(arg);
                            } else {
                                self.consume(arg);
                            }
                        }
                    }
                    f if !self.callee_has_effects(f) => args.for_each(|a| self.consume(a)),
                    f => {
                        self.mutate(f);
                        for arg in args {
                            self.mutate(arg);
                        }
                    }
                }
            }
            ast::Expr::ListComp(_)
            | ast::Expr::SetComp(_)
            | ast::Expr::DictComp(_)
            | ast::Expr::GeneratorExp(_) => {
                for g in scope::comprehension_generators(expr) {
                    self.consume(&g.iter);
                }
            }
            ast::Expr::NamedExpr(n) => {
                if let ast::Expr::Name(t) = n.target.as_ref() {
                    push(&mut self.fx.assigned, t.id.as_str());
                }
            }
            // A lambda's body runs only when it is called.
            ast::Expr::Lambda(_) => return,
            _ => {}
        }
        scope::each_subexpr(expr, &mut |e| self.expr(e));
    }

    /// Whether an argument of a callback-taking builtin may be plan code with effects.
    fn may_be_callback(&self, arg: &ast::Expr) -> bool {
        match arg {
            ast::Expr::Lambda(_) | ast::Expr::Name(_) => self.callee_has_effects(arg),
            ast::Expr::Constant(_)
            | ast::Expr::List(_)
            | ast::Expr::Tuple(_)
            | ast::Expr::ListComp(_)
            | ast::Expr::GeneratorExp(_) => false,
            _ => true,
        }
    }

    /// Closes the roots over rebinding inside the region (see the module doc).
    fn close(mut self, read: impl FnOnce(&mut Vec<String>)) -> RawEffects {
        // Every binding but `x op= y` (found by scope's own walk, so none is missed).
        let aug_only: Vec<String> = self
            .aug_only
            .iter()
            .filter(|n| !self.plain.contains(n))
            .cloned()
            .collect();
        let fx = &mut self.fx;
        let rebound_names: Vec<String> = fx
            .assigned
            .iter()
            .filter(|n| !aug_only.contains(n))
            .cloned()
            .collect();
        // A list grown through a name the region rebinds may be any object.
        let grown = std::mem::take(&mut fx.grown);
        for root in grown {
            if rebound_names.contains(&root) {
                push(&mut fx.deep, &root);
            } else {
                push(&mut fx.grown, &root);
            }
        }
        // A field store through a name the region rebinds may reach any object.
        let fields = std::mem::take(&mut fx.fields);
        for (root, field) in fields {
            if rebound_names.contains(&root) {
                push(&mut fx.deep, &root);
            } else {
                fx.fields.push((root, field));
            }
        }
        let rebound = |roots: &[String]| roots.iter().any(|r| rebound_names.contains(r));
        let (deep_rebound, consumed_rebound) = (rebound(&fx.deep), rebound(&fx.consumed));
        if deep_rebound || consumed_rebound {
            let mut all = Vec::new();
            read(&mut all);
            for n in all {
                if deep_rebound {
                    push(&mut fx.deep, &n);
                }
                if consumed_rebound {
                    push(&mut fx.consumed, &n);
                }
            }
        }
        self.fx
    }
}

/// The effects of a region made of statements.
pub fn analyse_block(bodies: &[&[ast::Stmt]], names: &Names<'_>) -> RawEffects {
    let mut walk = Walk {
        names,
        fx: RawEffects::default(),
        aug_only: Vec::new(),
        plain: Vec::new(),
    };
    for body in bodies {
        scope::bound_names(body, &mut walk.fx.assigned);
        scope::plainly_bound_names(body, &mut walk.plain);
        body.iter().for_each(|s| walk.stmt(s));
    }
    walk.close(|all| {
        for body in bodies {
            body.iter().for_each(|s| names_in_stmt(s, all));
        }
    })
}

/// The effects of evaluating an expression (the arms of `x if c else y`, the operands after
/// the first of `and`/`or`, a comprehension's element and filters).
pub fn analyse_expr(expr: &ast::Expr, names: &Names<'_>) -> RawEffects {
    let mut walk = Walk {
        names,
        fx: RawEffects::default(),
        aug_only: Vec::new(),
        plain: Vec::new(),
    };
    walk.expr(expr);
    walk.close(|all| names_in(expr, all))
}

/// Locals of a function that only ever hold containers the function made itself: mutating
/// them changes nothing the caller can see.
fn fresh_locals(f: &ast::StmtFunctionDef) -> HashSet<String> {
    let params: HashSet<&str> = f
        .args
        .posonlyargs
        .iter()
        .chain(&f.args.args)
        .chain(&f.args.kwonlyargs)
        .map(|a| a.def.arg.as_str())
        .chain(f.args.vararg.iter().map(|a| a.arg.as_str()))
        .chain(f.args.kwarg.iter().map(|a| a.arg.as_str()))
        .collect();
    let mut fresh: HashSet<String> = HashSet::new();
    let mut spoiled: HashSet<String> = params.iter().map(|p| p.to_string()).collect();
    fn is_fresh(e: &ast::Expr) -> bool {
        match e {
            ast::Expr::List(_)
            | ast::Expr::Dict(_)
            | ast::Expr::Set(_)
            | ast::Expr::ListComp(_)
            | ast::Expr::DictComp(_)
            | ast::Expr::SetComp(_)
            | ast::Expr::Constant(_)
            | ast::Expr::JoinedStr(_) => true,
            ast::Expr::Call(c) => {
                matches!(c.func.as_ref(), ast::Expr::Name(n) if FRESH_BUILTINS.contains(&n.id.as_str()))
            }
            _ => false,
        }
    }
    fn visit(s: &ast::Stmt, fresh: &mut HashSet<String>, spoiled: &mut HashSet<String>) {
        match s {
            ast::Stmt::Assign(a) => {
                for t in &a.targets {
                    match t {
                        ast::Expr::Name(n) if is_fresh(&a.value) => {
                            fresh.insert(n.id.to_string());
                        }
                        other => {
                            let mut names = Vec::new();
                            scope::bound_names(
                                &[ast::Stmt::Assign(ast::StmtAssign {
                                    range: a.range,
                                    targets: vec![other.clone()],
                                    value: a.value.clone(),
                                    type_comment: None,
                                })],
                                &mut names,
                            );
                            spoiled.extend(names);
                        }
                    }
                }
            }
            // A nested function may keep a local alive past the call.
            ast::Stmt::FunctionDef(f) => {
                let mut inner = Vec::new();
                for st in &f.body {
                    names_in_stmt(st, &mut inner);
                }
                spoiled.extend(inner);
            }
            ast::Stmt::AugAssign(_) => {}
            other => {
                let mut bound = Vec::new();
                if !matches!(
                    other,
                    ast::Stmt::If(_) | ast::Stmt::While(_) | ast::Stmt::Try(_) | ast::Stmt::Expr(_)
                ) {
                    scope::bound_names(std::slice::from_ref(other), &mut bound);
                    spoiled.extend(bound);
                }
                let (_, stmts) = scope::children(other);
                for st in stmts {
                    visit(st, fresh, spoiled);
                }
            }
        }
    }
    for s in &f.body {
        visit(s, &mut fresh, &mut spoiled);
    }
    // Lambdas capture locals too.
    let mut captured = Vec::new();
    for s in &f.body {
        scope_lambda_names(s, &mut captured);
    }
    spoiled.extend(captured);
    fresh.retain(|n| !spoiled.contains(n));
    fresh
}

fn scope_lambda_names(s: &ast::Stmt, out: &mut Vec<String>) {
    fn in_expr(e: &ast::Expr, out: &mut Vec<String>) {
        if let ast::Expr::Lambda(l) = e {
            names_in(&l.body, out);
        }
        scope::each_subexpr(e, &mut |x| in_expr(x, out));
    }
    let (exprs, stmts) = scope::children(s);
    exprs.into_iter().for_each(|e| in_expr(e, out));
    stmts.into_iter().for_each(|st| scope_lambda_names(st, out));
}

/// Whether a function's body changes nothing its caller can see: it mutates no object it did
/// not make itself and calls no plan code that might.
pub fn function_is_pure(f: &ast::StmtFunctionDef, names: &Names<'_>) -> bool {
    let fx = analyse_block(&[&f.body], names);
    // Rebinding a `nonlocal` name changes the enclosing function's variable.
    let nonlocals = scope::nonlocal_names(&f.body);
    if fx.assigned.iter().any(|n| nonlocals.contains(n)) {
        return false;
    }
    let fresh = fresh_locals(f);
    fx.deep.iter().all(|n| fresh.contains(n))
        && fx.grown.iter().all(|n| fresh.contains(n))
        && fx.fields.iter().all(|(n, _)| fresh.contains(n))
}

/// The module-level functions that are pure, found as a greatest fixpoint (a pure function
/// may call pure functions, itself included). A name bound other than by `def` at module
/// level is never assumed pure: it may hold anything.
pub fn pure_module_functions(
    suite: &[ast::Stmt],
    is_native: &dyn Fn(&str) -> bool,
) -> HashSet<String> {
    let mut defs: Vec<&ast::StmtFunctionDef> = Vec::new();
    // Every binding but the module-level `def`s themselves: a local, parameter or loop
    // variable of the same name shadows the function where it is called.
    let mut other_bindings = HashSet::new();
    for s in suite {
        match s {
            ast::Stmt::FunctionDef(f) => {
                defs.push(f);
                let def = std::slice::from_ref(s);
                let inner = scope::names_bound_anywhere(def)
                    .into_iter()
                    .filter(|n| n != f.name.as_str());
                other_bindings.extend(inner);
                // A nested def of the same name is a shadowing too.
                other_bindings.extend(scope::names_bound_anywhere(&f.body));
            }
            other => {
                other_bindings.extend(scope::names_bound_anywhere(std::slice::from_ref(other)))
            }
        }
    }
    // Bindings nested in compound statements at module level count too.
    let mut pure: HashSet<String> = defs
        .iter()
        .map(|f| f.name.to_string())
        .filter(|n| !other_bindings.contains(n))
        .collect();
    // Defined twice: either body may be the one called.
    loop {
        let names = Names {
            is_native,
            pure: &pure,
        };
        let impure: Vec<String> = defs
            .iter()
            .filter(|f| pure.contains(f.name.as_str()) && !function_is_pure(f, &names))
            .map(|f| f.name.to_string())
            .collect();
        if impure.is_empty() {
            return pure;
        }
        for n in impure {
            pure.remove(&n);
        }
    }
}

/// Whether a block has a `break` or `continue` that is not inside a loop of its own (in a
/// loop's `else` clause, such a statement leaves the loop around it).
pub fn leaves_enclosing_loop(body: &[ast::Stmt]) -> bool {
    body.iter().any(|s| match s {
        ast::Stmt::Break(_) | ast::Stmt::Continue(_) => true,
        ast::Stmt::For(f) => leaves_enclosing_loop(&f.orelse),
        ast::Stmt::While(w) => leaves_enclosing_loop(&w.orelse),
        ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_) => false,
        other => {
            let (_, stmts) = scope::children(other);
            stmts
                .into_iter()
                .any(|st| leaves_enclosing_loop(std::slice::from_ref(st)))
        }
    })
}
