//! Scope analysis on the parsed tree: which names a function binds, and which of them nested
//! functions capture (those live in cells).

use rustpython_parser::ast;
use std::collections::HashSet;

/// Names bound directly in a block (not inside nested functions or comprehensions).
pub fn bound_names(body: &[ast::Stmt], out: &mut Vec<String>) {
    for stmt in body {
        bound_in_stmt(stmt, out, false);
    }
}

/// Like `bound_names`, without the targets of augmented assignments (`x += y`).
pub fn plainly_bound_names(body: &[ast::Stmt], out: &mut Vec<String>) {
    for stmt in body {
        bound_in_stmt(stmt, out, true);
    }
}

fn bound_in_block(body: &[ast::Stmt], out: &mut Vec<String>, skip_aug: bool) {
    for stmt in body {
        bound_in_stmt(stmt, out, skip_aug);
    }
}

fn push(out: &mut Vec<String>, name: &str) {
    if !out.iter().any(|n| n == name) {
        out.push(name.to_string());
    }
}

pub(crate) fn bound_in_target(target: &ast::Expr, out: &mut Vec<String>) {
    match target {
        ast::Expr::Name(n) => push(out, n.id.as_str()),
        ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| bound_in_target(e, out)),
        ast::Expr::List(l) => l.elts.iter().for_each(|e| bound_in_target(e, out)),
        ast::Expr::Starred(s) => bound_in_target(&s.value, out),
        _ => {}
    }
}

/// Targets of `name := value` in an expression, comprehensions included (they bind in the
/// enclosing scope), lambdas not (they have their own).
fn walrus_targets(expr: &ast::Expr, out: &mut Vec<String>) {
    match expr {
        ast::Expr::Lambda(_) => return,
        ast::Expr::NamedExpr(n) => {
            if let ast::Expr::Name(t) = n.target.as_ref() {
                push(out, t.id.as_str());
            }
        }
        _ => {}
    }
    each_subexpr(expr, &mut |e| walrus_targets(e, out));
}

fn bound_in_stmt(stmt: &ast::Stmt, out: &mut Vec<String>, skip_aug: bool) {
    use ast::Stmt::*;
    if !matches!(stmt, FunctionDef(_) | AsyncFunctionDef(_) | ClassDef(_)) {
        let (exprs, _) = children(stmt);
        exprs.into_iter().for_each(|e| walrus_targets(e, out));
    }
    match stmt {
        FunctionDef(f) => push(out, f.name.as_str()),
        AsyncFunctionDef(f) => push(out, f.name.as_str()),
        ClassDef(c) => push(out, c.name.as_str()),
        Assign(a) => a.targets.iter().for_each(|t| bound_in_target(t, out)),
        AugAssign(a) if !skip_aug => bound_in_target(&a.target, out),
        AnnAssign(a) => bound_in_target(&a.target, out),
        For(f) => {
            bound_in_target(&f.target, out);
            bound_in_block(&f.body, out, skip_aug);
            bound_in_block(&f.orelse, out, skip_aug);
        }
        While(w) => {
            bound_in_block(&w.body, out, skip_aug);
            bound_in_block(&w.orelse, out, skip_aug);
        }
        If(i) => {
            bound_in_block(&i.body, out, skip_aug);
            bound_in_block(&i.orelse, out, skip_aug);
        }
        Try(t) => {
            bound_in_block(&t.body, out, skip_aug);
            for ast::ExceptHandler::ExceptHandler(h) in &t.handlers {
                if let Some(name) = &h.name {
                    push(out, name.as_str());
                }
                bound_in_block(&h.body, out, skip_aug);
            }
            bound_in_block(&t.orelse, out, skip_aug);
            bound_in_block(&t.finalbody, out, skip_aug);
        }
        _ => {}
    }
}

/// Every name the plan binds in any scope: assignment, loop, comprehension and walrus
/// targets, parameters (of lambdas too), `def`, `class` and `except ... as` names.
pub fn names_bound_anywhere(body: &[ast::Stmt]) -> HashSet<String> {
    let mut out = HashSet::new();
    body.iter()
        .for_each(|s| bound_anywhere_in_stmt(s, &mut out));
    out
}

fn bound_anywhere_in_stmt(stmt: &ast::Stmt, out: &mut HashSet<String>) {
    match stmt {
        ast::Stmt::FunctionDef(d) => {
            out.insert(d.name.to_string());
            params_of(&d.args, out);
        }
        ast::Stmt::ClassDef(c) => {
            out.insert(c.name.to_string());
        }
        ast::Stmt::Try(t) => {
            for ast::ExceptHandler::ExceptHandler(h) in &t.handlers {
                if let Some(name) = &h.name {
                    out.insert(name.to_string());
                }
            }
        }
        _ => {}
    }
    let (exprs, stmts) = children(stmt);
    exprs
        .into_iter()
        .for_each(|e| bound_anywhere_in_expr(e, out));
    stmts
        .into_iter()
        .for_each(|s| bound_anywhere_in_stmt(s, out));
}

fn bound_anywhere_in_expr(expr: &ast::Expr, out: &mut HashSet<String>) {
    match expr {
        ast::Expr::Name(n) if !matches!(n.ctx, ast::ExprContext::Load) => {
            out.insert(n.id.to_string());
        }
        ast::Expr::Lambda(l) => params_of(&l.args, out),
        _ => {}
    }
    each_subexpr(expr, &mut |e| bound_anywhere_in_expr(e, out));
}

fn params_of(args: &ast::Arguments, out: &mut HashSet<String>) {
    for a in args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .chain(&args.kwonlyargs)
    {
        out.insert(a.def.arg.to_string());
    }
    for a in args.vararg.iter().chain(&args.kwarg) {
        out.insert(a.arg.to_string());
    }
}

/// The names a function body declares `nonlocal` (not those of functions nested in it).
pub fn nonlocal_names(body: &[ast::Stmt]) -> Vec<String> {
    let mut out = Vec::new();
    body.iter().for_each(|s| nonlocal_in_stmt(s, &mut out));
    out
}

fn nonlocal_in_stmt(stmt: &ast::Stmt, out: &mut Vec<String>) {
    match stmt {
        ast::Stmt::Nonlocal(n) => n.names.iter().for_each(|id| push(out, id.as_str())),
        ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_) => {}
        other => children(other)
            .1
            .into_iter()
            .for_each(|s| nonlocal_in_stmt(s, out)),
    }
}

/// Names a function or lambda reads from enclosing scopes.
pub fn free_names_of_function(args: &ast::Arguments, body: FunctionSyntax<'_>) -> HashSet<String> {
    let mut bound: Vec<String> = Vec::new();
    for a in args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .chain(&args.kwonlyargs)
    {
        push(&mut bound, a.def.arg.as_str());
    }
    if let Some(v) = &args.vararg {
        push(&mut bound, v.arg.as_str());
    }
    if let Some(k) = &args.kwarg {
        push(&mut bound, k.arg.as_str());
    }
    let mut loads = HashSet::new();
    match body {
        FunctionSyntax::Block(stmts) => {
            bound_names(stmts, &mut bound);
            stmts.iter().for_each(|s| loads_in_stmt(s, &mut loads));
            // A `nonlocal` name is the enclosing function's variable, read or written.
            for name in nonlocal_names(stmts) {
                bound.retain(|b| *b != name);
                loads.insert(name);
            }
        }
        FunctionSyntax::Lambda(expr) => loads_in_expr(expr, &mut loads),
    }
    // Defaults are evaluated in the enclosing scope.
    for a in args
        .posonlyargs
        .iter()
        .chain(&args.args)
        .chain(&args.kwonlyargs)
    {
        if let Some(d) = &a.default {
            loads_in_expr(d, &mut loads);
        }
    }
    loads.retain(|n| !bound.contains(n));
    loads
}

pub enum FunctionSyntax<'a> {
    Block(&'a [ast::Stmt]),
    Lambda(&'a ast::Expr),
}

/// Free names of every function nested (directly, or inside comprehensions) in these
/// statements: the names that a frame running them must keep in cells.
pub fn nested_free_in_block(body: &[ast::Stmt]) -> HashSet<String> {
    let mut out = HashSet::new();
    for s in body {
        nested_in_stmt(s, &mut out);
    }
    out
}

/// Same, for one expression.
pub fn nested_free_in_expr(expr: &ast::Expr) -> HashSet<String> {
    let mut out = HashSet::new();
    nested_in_expr(expr, &mut out);
    out
}

fn nested_in_stmt(stmt: &ast::Stmt, out: &mut HashSet<String>) {
    use ast::Stmt::*;
    match stmt {
        FunctionDef(f) => {
            out.extend(free_names_of_function(
                &f.args,
                FunctionSyntax::Block(&f.body),
            ));
        }
        _ => {
            let (exprs, stmts) = children(stmt);
            exprs.into_iter().for_each(|e| nested_in_expr(e, out));
            stmts.into_iter().for_each(|s| nested_in_stmt(s, out));
        }
    }
}

fn nested_in_expr(expr: &ast::Expr, out: &mut HashSet<String>) {
    match expr {
        ast::Expr::Lambda(l) => {
            out.extend(free_names_of_function(
                &l.args,
                FunctionSyntax::Lambda(&l.body),
            ));
        }
        ast::Expr::GeneratorExp(c) => {
            // It runs later, in a frame of its own, reading these names by reference; its
            // first iterable is evaluated here.
            out.extend(free_names_of_generator(c));
            if let Some(first) = c.generators.first() {
                nested_in_expr(&first.iter, out);
            }
        }
        _ => each_subexpr(expr, &mut |e| nested_in_expr(e, out)),
    }
}

/// The names a generator expression reads from the scope around it (its first iterable
/// aside, which that scope evaluates itself).
fn free_names_of_generator(c: &ast::ExprGeneratorExp) -> HashSet<String> {
    let mut loads = HashSet::new();
    let mut targets = Vec::new();
    loads_in_expr(&c.elt, &mut loads);
    for (i, g) in c.generators.iter().enumerate() {
        if i > 0 {
            loads_in_expr(&g.iter, &mut loads);
        }
        g.ifs.iter().for_each(|e| loads_in_expr(e, &mut loads));
        bound_in_target(&g.target, &mut targets);
    }
    loads.retain(|n| !targets.contains(n));
    loads
}

fn loads_in_stmt(stmt: &ast::Stmt, out: &mut HashSet<String>) {
    match stmt {
        ast::Stmt::FunctionDef(f) => {
            out.extend(free_names_of_function(
                &f.args,
                FunctionSyntax::Block(&f.body),
            ));
        }
        _ => {
            let (exprs, stmts) = children(stmt);
            exprs.into_iter().for_each(|e| loads_in_expr(e, out));
            stmts.into_iter().for_each(|s| loads_in_stmt(s, out));
        }
    }
}

fn loads_in_expr(expr: &ast::Expr, out: &mut HashSet<String>) {
    match expr {
        ast::Expr::Name(n) => {
            out.insert(n.id.to_string());
        }
        ast::Expr::Lambda(l) => {
            out.extend(free_names_of_function(
                &l.args,
                FunctionSyntax::Lambda(&l.body),
            ));
        }
        ast::Expr::ListComp(_)
        | ast::Expr::SetComp(_)
        | ast::Expr::DictComp(_)
        | ast::Expr::GeneratorExp(_) => {
            let mut inner = HashSet::new();
            let mut targets = Vec::new();
            each_subexpr(expr, &mut |e| loads_in_expr(e, &mut inner));
            for g in comprehension_generators(expr) {
                bound_in_target(&g.target, &mut targets);
            }
            inner.retain(|n| !targets.contains(n));
            out.extend(inner);
        }
        _ => each_subexpr(expr, &mut |e| loads_in_expr(e, out)),
    }
}

/// The `for` clauses of a comprehension (none for any other expression).
pub fn comprehension_generators(expr: &ast::Expr) -> &[ast::Comprehension] {
    match expr {
        ast::Expr::ListComp(c) => &c.generators,
        ast::Expr::SetComp(c) => &c.generators,
        ast::Expr::DictComp(c) => &c.generators,
        ast::Expr::GeneratorExp(c) => &c.generators,
        _ => &[],
    }
}

/// The direct sub-expressions and sub-statements of a statement.
pub fn children(stmt: &ast::Stmt) -> (Vec<&ast::Expr>, Vec<&ast::Stmt>) {
    let mut exprs = Vec::new();
    let mut stmts = Vec::new();
    each_child(stmt, &mut |e| exprs.push(e), &mut |s| stmts.push(s));
    (exprs, stmts)
}

/// Calls `f` on every direct sub-expression and `g` on every direct sub-statement.
fn each_child<'a>(
    stmt: &'a ast::Stmt,
    f: &mut dyn FnMut(&'a ast::Expr),
    g: &mut dyn FnMut(&'a ast::Stmt),
) {
    use ast::Stmt::*;
    match stmt {
        FunctionDef(d) => {
            for a in d
                .args
                .posonlyargs
                .iter()
                .chain(&d.args.args)
                .chain(&d.args.kwonlyargs)
            {
                if let Some(e) = &a.default {
                    f(e);
                }
            }
            d.body.iter().for_each(g);
        }
        ClassDef(c) => {
            c.bases.iter().for_each(&mut *f);
            c.body.iter().for_each(g);
        }
        Return(r) => {
            if let Some(v) = &r.value {
                f(v)
            }
        }
        Delete(d) => d.targets.iter().for_each(f),
        Assign(a) => {
            a.targets.iter().for_each(&mut *f);
            f(&a.value);
        }
        AugAssign(a) => {
            f(&a.target);
            f(&a.value);
        }
        AnnAssign(a) => {
            f(&a.target);
            if let Some(v) = &a.value {
                f(v);
            }
        }
        For(l) => {
            f(&l.target);
            f(&l.iter);
            l.body.iter().chain(&l.orelse).for_each(g);
        }
        While(w) => {
            f(&w.test);
            w.body.iter().chain(&w.orelse).for_each(g);
        }
        If(i) => {
            f(&i.test);
            i.body.iter().chain(&i.orelse).for_each(g);
        }
        Raise(r) => {
            if let Some(e) = &r.exc {
                f(e);
            }
            if let Some(c) = &r.cause {
                f(c);
            }
        }
        Try(t) => {
            t.body.iter().for_each(&mut *g);
            for ast::ExceptHandler::ExceptHandler(h) in &t.handlers {
                if let Some(e) = &h.type_ {
                    f(e);
                }
                h.body.iter().for_each(&mut *g);
            }
            t.orelse.iter().chain(&t.finalbody).for_each(g);
        }
        Assert(a) => {
            f(&a.test);
            if let Some(m) = &a.msg {
                f(m);
            }
        }
        Expr(e) => f(&e.value),
        _ => {}
    }
}

/// Calls `f` on every direct sub-expression.
pub fn each_subexpr<'a>(expr: &'a ast::Expr, f: &mut dyn FnMut(&'a ast::Expr)) {
    use ast::Expr::*;
    match expr {
        BoolOp(b) => b.values.iter().for_each(f),
        NamedExpr(n) => {
            f(&n.target);
            f(&n.value)
        }
        BinOp(b) => {
            f(&b.left);
            f(&b.right)
        }
        UnaryOp(u) => f(&u.operand),
        Lambda(l) => f(&l.body),
        IfExp(i) => {
            f(&i.test);
            f(&i.body);
            f(&i.orelse)
        }
        Dict(d) => {
            d.keys.iter().flatten().for_each(&mut *f);
            d.values.iter().for_each(f)
        }
        Set(s) => s.elts.iter().for_each(f),
        ListComp(c) => {
            f(&c.elt);
            generators(&c.generators, f)
        }
        SetComp(c) => {
            f(&c.elt);
            generators(&c.generators, f)
        }
        DictComp(c) => {
            f(&c.key);
            f(&c.value);
            generators(&c.generators, f)
        }
        GeneratorExp(c) => {
            f(&c.elt);
            generators(&c.generators, f)
        }
        Await(a) => f(&a.value),
        Yield(y) => {
            if let Some(v) = &y.value {
                f(v)
            }
        }
        YieldFrom(y) => f(&y.value),
        Compare(c) => {
            f(&c.left);
            c.comparators.iter().for_each(f)
        }
        Call(c) => {
            f(&c.func);
            c.args.iter().for_each(&mut *f);
            c.keywords.iter().for_each(|k| f(&k.value))
        }
        FormattedValue(v) => {
            f(&v.value);
            if let Some(s) = &v.format_spec {
                f(s)
            }
        }
        JoinedStr(j) => j.values.iter().for_each(f),
        Attribute(a) => f(&a.value),
        Subscript(s) => {
            f(&s.value);
            f(&s.slice)
        }
        Starred(s) => f(&s.value),
        List(l) => l.elts.iter().for_each(f),
        Tuple(t) => t.elts.iter().for_each(f),
        Slice(s) => {
            for e in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                f(e)
            }
        }
        Constant(_) | Name(_) => {}
    }
}

fn generators<'a>(gens: &'a [ast::Comprehension], f: &mut dyn FnMut(&'a ast::Expr)) {
    for g in gens {
        f(&g.target);
        f(&g.iter);
        g.ifs.iter().for_each(&mut *f);
    }
}

/// The first statement or expression nested more than `limit` levels deep (statements and
/// expressions count together: a block inside an `if` inside a function, an operand of an
/// operand of an operator), if any. The walk stops at the limit, so its own recursion is
/// bounded; every later pass on the tree (and the evaluator on the lowered code) may then
/// recurse as deep as the tree goes.
pub fn too_deep(body: &[ast::Stmt], limit: usize) -> Option<ast::text_size::TextRange> {
    let mut found = None;
    for s in body {
        deep_stmt(s, 1, limit, &mut found);
        if found.is_some() {
            break;
        }
    }
    found
}

fn deep_stmt(
    stmt: &ast::Stmt,
    depth: usize,
    limit: usize,
    found: &mut Option<ast::text_size::TextRange>,
) {
    use ast::Ranged;
    if found.is_some() {
        return;
    }
    if depth > limit {
        *found = Some(stmt.range());
        return;
    }
    // Annotations and decorators, which `each_child` leaves out, are read by the lowering of
    // data models and refused elsewhere; they are measured too.
    let mut extra: Vec<&ast::Expr> = Vec::new();
    match stmt {
        ast::Stmt::AnnAssign(a) => extra.push(&a.annotation),
        ast::Stmt::FunctionDef(f) => {
            extra.extend(&f.decorator_list);
            extra.extend(f.returns.as_deref());
        }
        ast::Stmt::ClassDef(c) => {
            extra.extend(&c.decorator_list);
            extra.extend(c.keywords.iter().map(|k| &k.value));
        }
        _ => {}
    }
    for e in extra {
        deep_expr(e, depth + 1, limit, found);
    }
    let (exprs, stmts) = children(stmt);
    for e in exprs {
        deep_expr(e, depth + 1, limit, found);
    }
    for s in stmts {
        deep_stmt(s, depth + 1, limit, found);
    }
}

fn deep_expr(
    expr: &ast::Expr,
    depth: usize,
    limit: usize,
    found: &mut Option<ast::text_size::TextRange>,
) {
    use ast::Ranged;
    if found.is_some() {
        return;
    }
    if depth > limit {
        *found = Some(expr.range());
        return;
    }
    each_subexpr(expr, &mut |e| deep_expr(e, depth + 1, limit, found));
}
