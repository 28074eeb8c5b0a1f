//! Lowers the rustpython tree to [`ir`]: resolves every name to a slot, refuses what the
//! subset does not allow (collecting every problem rather than stopping at the first), and
//! computes the effects compound statements need for strict-mode labels.

use super::effects::{self as fx, Names};
use super::ir::*;
use super::refusals;
use super::scope::{self, FunctionSyntax};
use super::{Diagnostic, SourceMap};
use crate::builtins::{self, BuiltinName};
use crate::value::{PyStr, TypeKind};
use indexmap::IndexMap;
use num_traits::ToPrimitive;
use rustpython_parser::ast::{self, Ranged};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;

const TEXT_LIMIT: usize = 80;

/// Whether `text` is already in the one-line form an expression's text is kept in: ASCII,
/// no whitespace but single spaces between words. One pass, as most texts are.
fn is_one_line(text: &[u8]) -> bool {
    let mut previous = b' ';
    for &b in text {
        if !b.is_ascii() || (char::from(b).is_whitespace() && (b != b' ' || previous == b' ')) {
            return false;
        }
        previous = b;
    }
    previous != b' ' || text.is_empty()
}

struct Scope {
    is_module: bool,
    /// Names bound in this frame (for the module: only comprehension variables live here;
    /// module names are globals).
    names: HashMap<String, Var>,
    /// Comprehension variables, innermost last.
    comps: Vec<HashMap<String, Var>>,
    /// Names of this frame that nested functions capture.
    captured: HashSet<String>,
    locals: u32,
    cells: u32,
    captures: IndexMap<String, (u32, Capture)>,
    loop_depth: u32,
    /// A generator expression's implicit function (a walrus in it binds outside it).
    genexpr: bool,
}

impl Scope {
    fn new(is_module: bool, captured: HashSet<String>) -> Scope {
        Scope {
            is_module,
            names: HashMap::new(),
            comps: Vec::new(),
            captured,
            locals: 0,
            cells: 0,
            captures: IndexMap::new(),
            loop_depth: 0,
            genexpr: false,
        }
    }

    fn new_slot(&mut self, name: &str) -> Var {
        if self.captured.contains(name) {
            self.cells += 1;
            Var::Cell(self.cells - 1)
        } else {
            self.locals += 1;
            Var::Local(self.locals - 1)
        }
    }
}

pub struct Lowerer<'a> {
    source: &'a str,
    map: &'a SourceMap,
    tools: &'a HashSet<String>,
    pub diagnostics: Vec<Diagnostic>,
    scopes: Vec<Scope>,
    globals: IndexMap<String, u32>,
    module_names: Vec<String>,
    /// Every name the plan binds in any scope (see `is_native`).
    plan_bound: HashSet<String>,
    undefined: Vec<(Rc<str>, Pos)>,
    tool_calls: Vec<ToolUse>,
    /// Module-level functions that change nothing their callers can see.
    pure: HashSet<String>,
    /// One shared copy of each string literal: a dict key written as a literal and read
    /// with an equal literal is then the same object, compared by address. (CPython also
    /// makes equal constants of a module one object.)
    literals: HashSet<PyStr>,
    /// The qualified names of the functions being lowered, innermost last
    /// (`outer.<locals>.inner`), for CPython's messages and reprs.
    enclosing: Vec<Rc<str>>,
}

impl<'a> Lowerer<'a> {
    pub fn new(source: &'a str, map: &'a SourceMap, tools: &'a HashSet<String>) -> Self {
        Lowerer {
            source,
            map,
            tools,
            diagnostics: Vec::new(),
            scopes: Vec::new(),
            globals: IndexMap::new(),
            module_names: Vec::new(),
            plan_bound: HashSet::new(),
            undefined: Vec::new(),
            tool_calls: Vec::new(),
            pure: HashSet::new(),
            literals: HashSet::new(),
            enclosing: Vec::new(),
        }
    }

    /// Whether `name`, called, is a builtin, a type or a tool rather than plan code. A name
    /// the plan binds anywhere (a module name, a local, a parameter, a loop or comprehension
    /// variable) may hold plan code wherever it is called, so it is never native: the static
    /// effects stay sound when a plan shadows a builtin.
    fn is_native(&self, name: &str) -> bool {
        !self.plan_bound.contains(name)
            && (builtins::lookup(name).is_some() || self.tools.contains(name))
    }

    pub fn program(mut self, suite: &[ast::Stmt]) -> (Program, Vec<Diagnostic>) {
        let captured = scope::nested_free_in_block(suite);
        self.scopes.push(Scope::new(true, captured));
        let mut module_names = Vec::new();
        scope::bound_names(suite, &mut module_names);
        for name in &module_names {
            self.global_slot(name);
        }
        self.module_names = module_names;
        self.plan_bound = scope::names_bound_anywhere(suite);
        let pure = fx::pure_module_functions(suite, &|n| self.is_native(n));
        self.pure = pure;
        let body = self.block(suite);
        let module = self
            .scopes
            .pop()
            .unwrap_or_else(|| Scope::new(true, HashSet::new()));
        let program = Program {
            body,
            globals: self.globals.keys().map(|k| Rc::from(k.as_str())).collect(),
            locals: module.locals,
            cells: module.cells,
            undefined: std::mem::take(&mut self.undefined),
            tool_calls: std::mem::take(&mut self.tool_calls),
        };
        (program, self.diagnostics)
    }

    fn scope(&mut self) -> &mut Scope {
        // `program` pushes the module scope before lowering anything and pops it last; were
        // none open, lowering goes on in a fresh module scope rather than aborting.
        if self.scopes.is_empty() {
            self.scopes.push(Scope::new(true, Default::default()));
        }
        let innermost = self.scopes.len() - 1;
        // Not empty: a scope was pushed just above (`last_mut` would need an unreachable
        // branch the borrow checker cannot see through).
        #[allow(clippy::indexing_slicing)]
        &mut self.scopes[innermost]
    }

    fn global_slot(&mut self, name: &str) -> u32 {
        let next = self.globals.len() as u32;
        *self.globals.entry(name.to_string()).or_insert(next)
    }

    fn pos(&self, range: ast::text_size::TextRange) -> Pos {
        self.map.pos(range.start().to_usize())
    }

    fn refuse(&mut self, range: ast::text_size::TextRange, message: impl Into<String>) {
        let pos = self.pos(range);
        self.diagnostics.push(Diagnostic {
            kind: "UnsupportedSyntax",
            message: message.into(),
            line: pos.line,
            col: pos.col,
        });
    }

    /// A string literal with a lone surrogate (`"\ud800"`) cannot be kept: Bactrian's strings
    /// are UTF-8, and the parser has put U+FFFD in its place. Refused, rather than run with
    /// another string than the plan wrote.
    fn refuse_surrogates(&mut self, value: &str, range: ast::text_size::TextRange) {
        if !value.contains('\u{FFFD}') {
            return;
        }
        let source = self
            .source
            .get(range.start().to_usize()..range.end().to_usize())
            .unwrap_or("");
        if let Some(escape) = surrogate_escape(source) {
            self.refuse(
                range,
                format!(
                    "a lone surrogate ({escape}) in a string: Bactrian's strings are UTF-8 text, \
                     which cannot hold one"
                ),
            );
        }
    }

    fn text(&self, range: ast::text_size::TextRange) -> Arc<str> {
        // Only the head of a long expression is named: look at no more than that much.
        let start = range.start().to_usize();
        let mut end = range.end().to_usize().min(start + 4 * TEXT_LIMIT);
        while end > start && !self.source.is_char_boundary(end) {
            end -= 1;
        }
        let text = self.source.get(start..end).unwrap_or("");
        // Most expressions are short and on one line (`e["id"]`, `n + 1`): already in the
        // form below.
        if text.len() <= TEXT_LIMIT && is_one_line(text.as_bytes()) {
            return Arc::from(text);
        }
        let mut one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if one_line.chars().count() > TEXT_LIMIT {
            one_line = one_line.chars().take(TEXT_LIMIT - 1).collect::<String>() + "…";
        }
        Arc::from(one_line)
    }

    // ---- names ----

    fn check_bindable(&mut self, name: &str, range: ast::text_size::TextRange) {
        if name.starts_with("__") && name.ends_with("__") {
            self.refuse(
                range,
                format!("'{name}' is not allowed: {}", refusals::DUNDER_NAME.reason),
            );
        } else if self.tools.contains(name) {
            // The record and `check --agent` name a tool call by the name the plan calls.
            self.refuse(
                range,
                format!("'{name}' is a tool: {}", refusals::TOOL_REBINDING.reason),
            );
        }
    }

    /// The variable a store to `name` writes.
    fn store_var(&mut self, name: &str, range: ast::text_size::TextRange) -> Name {
        self.check_bindable(name, range);
        let var = self.resolve_store(name);
        Name {
            var,
            name: Rc::from(name),
        }
    }

    fn resolve_store(&mut self, name: &str) -> Var {
        let scope = self.scope();
        for layer in scope.comps.iter().rev() {
            if let Some(v) = layer.get(name) {
                return *v;
            }
        }
        self.resolve_frame_store(name)
    }

    /// Where a store to `name` goes in the current function or module, comprehensions
    /// aside (`name := v` stores there from inside a comprehension too).
    fn resolve_frame_store(&mut self, name: &str) -> Var {
        if self.scope().genexpr {
            // A generator expression's own scope is skipped too: the name is the enclosing
            // one's (a cell the generator captured, or a global).
            let level = self.scopes.len() - 1;
            if let Some(var) = self.resolve_load_at(level, name) {
                return var;
            }
        }
        let scope = self.scope();
        if scope.is_module {
            return Var::Global(self.global_slot(name));
        }
        if let Some(v) = scope.names.get(name) {
            return *v;
        }
        let v = scope.new_slot(name);
        scope.names.insert(name.to_string(), v);
        v
    }

    /// Binds each `nonlocal` name of a function body to the enclosing function's variable
    /// (a captured cell), so that stores to it write there.
    fn declare_nonlocals(&mut self, body: &[ast::Stmt]) {
        let names = scope::nonlocal_names(body);
        if names.is_empty() {
            return;
        }
        let level = self.scopes.len() - 1;
        let range = body.first().map(|s| s.range()).unwrap_or_default();
        for name in names {
            let outer = if level >= 2 {
                self.resolve_load_at(level, &name)
            } else {
                None
            };
            match outer {
                Some(var @ Var::Free(_)) => {
                    self.scope().names.insert(name, var);
                }
                _ => self.syntax_error(range, format!("no binding for nonlocal '{name}' found")),
            }
        }
    }

    /// The module variables among `names`, by slot, sorted (what a function body reads).
    fn global_slots(&self, names: &[String]) -> Vec<u32> {
        let mut slots: Vec<u32> = names
            .iter()
            .filter_map(|n| self.globals.get(n.as_str()).copied())
            .collect();
        slots.sort_unstable();
        slots.dedup();
        slots
    }

    /// Resolves a load of `name` in the scope at `level`; `None` when no scope binds it.
    fn resolve_load_at(&mut self, level: usize, name: &str) -> Option<Var> {
        let scope = self.scopes.get(level)?;
        for layer in scope.comps.iter().rev() {
            if let Some(v) = layer.get(name) {
                return Some(*v);
            }
        }
        if scope.is_module {
            return self.globals.get(name).map(|g| Var::Global(*g));
        }
        if let Some(v) = scope.names.get(name) {
            return Some(*v);
        }
        if let Some((idx, _)) = scope.captures.get(name) {
            return Some(Var::Free(*idx));
        }
        let outer = self.resolve_load_at(level.checked_sub(1)?, name)?;
        let capture = match outer {
            Var::Global(g) => return Some(Var::Global(g)),
            Var::Cell(i) => Capture::ParentCell(i),
            Var::Free(i) => Capture::ParentFree(i),
            // Scope analysis puts every captured name in a cell; a plain local here would be
            // an analysis gap, reported instead of mis-evaluated.
            Var::Local(_) => return None,
        };
        let scope = self.scopes.get_mut(level)?;
        let idx = scope.captures.len() as u32;
        scope.captures.insert(name.to_string(), (idx, capture));
        Some(Var::Free(idx))
    }

    fn load_name(&mut self, name: &str, range: ast::text_size::TextRange) -> ExprKind {
        if name.starts_with("__") && name.ends_with("__") {
            // `__import__` says why it in particular is refused.
            let why = builtins::refused(name).unwrap_or(refusals::DUNDER_NAME.reason);
            self.refuse(range, format!("'{name}' is not allowed: {why}"));
            return ExprKind::Const(Const::None);
        }
        let level = self.scopes.len() - 1;
        if let Some(var) = self.resolve_load_at(level, name) {
            return ExprKind::Name(Name {
                var,
                name: Rc::from(name),
            });
        }
        if let Some(why) = builtins::refused(name) {
            self.refuse(range, format!("'{name}' is not allowed: {why}"));
            return ExprKind::Const(Const::None);
        }
        match builtins::lookup(name) {
            Some(BuiltinName::Function(b)) => return ExprKind::Builtin(b),
            Some(BuiltinName::Type(t)) => return ExprKind::Type(t),
            None => {}
        }
        if self.tools.contains(name) {
            return ExprKind::Tool(PyStr::from(name));
        }
        // Unknown: a global that is never assigned; evaluating it raises NameError.
        if !self.module_names.iter().any(|n| n == name) {
            let pos = self.pos(range);
            self.undefined.push((Rc::from(name), pos));
        }
        ExprKind::Name(Name {
            var: Var::Global(self.global_slot(name)),
            name: Rc::from(name),
        })
    }

    // ---- statements ----

    fn block(&mut self, stmts: &[ast::Stmt]) -> Block {
        stmts.iter().filter_map(|s| self.stmt(s)).collect()
    }

    fn stmt(&mut self, stmt: &ast::Stmt) -> Option<Stmt> {
        use ast::Stmt as S;
        let pos = self.pos(stmt.range());
        let kind = match stmt {
            // `...` as a placeholder body does nothing, as `pass`.
            S::Expr(e)
                if matches!(
                    e.value.as_ref(),
                    ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Ellipsis)
                ) =>
            {
                return None;
            }
            S::Expr(e) => StmtKind::Expr(self.expr(&e.value)),
            S::Assign(a) => {
                let value = self.expr(&a.value);
                let targets = a.targets.iter().map(|t| self.target(t)).collect();
                StmtKind::Assign { targets, value }
            }
            S::AnnAssign(a) => {
                let Some(value) = &a.value else {
                    // A bare annotation binds nothing.
                    return None;
                };
                let value = self.expr(value);
                StmtKind::Assign {
                    targets: vec![self.target(&a.target)],
                    value,
                }
            }
            S::AugAssign(a) => {
                let value = self.expr(&a.value);
                let op = self.binop(a.op, a.range);
                StmtKind::AugAssign {
                    target: self.target(&a.target),
                    op,
                    value,
                }
            }
            S::If(i) => {
                let test = self.expr(&i.test);
                let body = self.block(&i.body);
                let orelse = self.block(&i.orelse);
                let effects = self.effects(&[&i.body, &i.orelse]);
                StmtKind::If {
                    test,
                    body,
                    orelse,
                    effects,
                }
            }
            S::For(f) => {
                let iter = self.expr(&f.iter);
                let target = self.target(&f.target);
                self.scope().loop_depth += 1;
                let body = self.block(&f.body);
                self.scope().loop_depth -= 1;
                let orelse = self.block(&f.orelse);
                let mut effects = self.effects(&[&f.body, &f.orelse]);
                self.add_target_effects(&f.target, &mut effects);
                // A `break` or `continue` in the `else` clause leaves the enclosing loop.
                effects.escapes |= fx::leaves_enclosing_loop(&f.orelse);
                StmtKind::For {
                    target,
                    iter,
                    body,
                    orelse,
                    effects,
                }
            }
            S::While(w) => {
                let test = self.expr(&w.test);
                self.scope().loop_depth += 1;
                let body = self.block(&w.body);
                self.scope().loop_depth -= 1;
                let orelse = self.block(&w.orelse);
                let mut effects = self.effects(&[&w.body, &w.orelse]);
                // A `break` or `continue` in the `else` clause leaves the enclosing loop.
                effects.escapes |= fx::leaves_enclosing_loop(&w.orelse);
                StmtKind::While {
                    test,
                    body,
                    orelse,
                    effects,
                }
            }
            S::Break(_) | S::Continue(_) => {
                if self.scope().loop_depth == 0 {
                    let word = if matches!(stmt, S::Break(_)) {
                        "break"
                    } else {
                        "continue"
                    };
                    self.syntax_error(stmt.range(), format!("'{word}' outside loop"));
                }
                if matches!(stmt, S::Break(_)) {
                    StmtKind::Break
                } else {
                    StmtKind::Continue
                }
            }
            S::Pass(_) => StmtKind::Pass,
            S::Return(r) => {
                if self.scope().is_module {
                    self.syntax_error(r.range, "'return' outside function");
                }
                StmtKind::Return(r.value.as_ref().map(|v| self.expr(v)))
            }
            S::Raise(r) => StmtKind::Raise {
                exc: r.exc.as_ref().map(|e| self.expr(e)),
                cause: r.cause.as_ref().map(|e| self.expr(e)),
            },
            S::Try(t) => {
                let body = self.block(&t.body);
                let handlers = t
                    .handlers
                    .iter()
                    .map(|ast::ExceptHandler::ExceptHandler(h)| {
                        let types = h.type_.as_ref().map(|e| self.expr(e));
                        let name = h.name.as_ref().map(|n| self.store_var(n.as_str(), h.range));
                        Handler {
                            types,
                            name,
                            body: self.block(&h.body),
                        }
                    })
                    .collect();
                let orelse = self.block(&t.orelse);
                let finalbody = self.block(&t.finalbody);
                let mut all: Vec<&[ast::Stmt]> = vec![&t.body, &t.orelse];
                all.extend(
                    t.handlers
                        .iter()
                        .map(|ast::ExceptHandler::ExceptHandler(h)| h.body.as_slice()),
                );
                let mut effects = self.effects(&all);
                // A handler binds its name, and unbinds it when it ends.
                for ast::ExceptHandler::ExceptHandler(h) in &t.handlers {
                    if let Some(n) = &h.name {
                        if let Some(var) = self.lookup_existing(n.as_str()) {
                            effects.assigned.push(Name {
                                var,
                                name: Rc::from(n.as_str()),
                            });
                        }
                    }
                }
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                    effects,
                }
            }
            S::FunctionDef(f) => {
                if let Some(d) = f.decorator_list.first() {
                    self.refuse(d.range(), refusals::DECORATOR.reason);
                }
                let defaults = self.defaults(&f.args);
                let code = self.function(
                    f.name.as_str(),
                    &f.args,
                    FunctionSyntax::Block(&f.body),
                    f.range,
                );
                let target = self.store_var(f.name.as_str(), f.range).var;
                StmtKind::Def {
                    target,
                    code,
                    defaults,
                }
            }
            S::ClassDef(c) => return self.class(c, pos),
            S::Delete(d) => {
                let targets = d
                    .targets
                    .iter()
                    .filter_map(|t| match t {
                        ast::Expr::Subscript(_) => Some(self.target(t)),
                        other => {
                            self.refuse(other.range(), refusals::DELETE.reason);
                            None
                        }
                    })
                    .collect();
                StmtKind::Delete(targets)
            }
            S::Assert(a) => StmtKind::Assert {
                test: self.expr(&a.test),
                msg: a.msg.as_ref().map(|m| self.expr(m)),
            },
            S::Import(_) | S::ImportFrom(_) => {
                self.refuse(stmt.range(), refusals::IMPORT.reason);
                return None;
            }
            S::Global(_) => {
                self.refuse(stmt.range(), refusals::GLOBAL.reason);
                return None;
            }
            // Resolved when the function was entered (see `declare_nonlocals`).
            S::Nonlocal(_) => return None,
            S::AsyncFunctionDef(_) | S::AsyncFor(_) | S::AsyncWith(_) => {
                self.refuse(stmt.range(), refusals::ASYNC.reason);
                return None;
            }
            S::With(_) => {
                self.refuse(stmt.range(), refusals::WITH.reason);
                return None;
            }
            S::Match(_) => {
                self.refuse(stmt.range(), refusals::MATCH.reason);
                return None;
            }
            S::TryStar(_) => {
                self.refuse(stmt.range(), refusals::EXCEPT_STAR.reason);
                return None;
            }
            S::TypeAlias(_) => {
                self.refuse(stmt.range(), refusals::TYPE_ALIAS.reason);
                return None;
            }
        };
        Some(Stmt { kind, pos })
    }

    fn syntax_error(&mut self, range: ast::text_size::TextRange, message: impl Into<String>) {
        let pos = self.pos(range);
        self.diagnostics.push(Diagnostic {
            kind: "SyntaxError",
            message: message.into(),
            line: pos.line,
            col: pos.col,
        });
    }

    /// What a set of bodies may change (lowered against the current scope).
    fn effects(&mut self, bodies: &[&[ast::Stmt]]) -> Effects {
        let pure = std::mem::take(&mut self.pure);
        let raw = {
            let is_native = |n: &str| self.is_native(n);
            fx::analyse_block(
                bodies,
                &Names {
                    is_native: &is_native,
                    pure: &pure,
                },
            )
        };
        self.pure = pure;
        self.resolve_effects(raw)
    }

    /// What evaluating an expression may change, when it may change anything.
    fn expr_effects(&mut self, e: &ast::Expr) -> Option<Box<Effects>> {
        let pure = std::mem::take(&mut self.pure);
        let raw = {
            let is_native = |n: &str| self.is_native(n);
            fx::analyse_expr(
                e,
                &Names {
                    is_native: &is_native,
                    pure: &pure,
                },
            )
        };
        self.pure = pure;
        if raw.is_empty() {
            return None;
        }
        Some(Box::new(self.resolve_effects(raw)))
    }

    fn resolve_effects(&mut self, raw: fx::RawEffects) -> Effects {
        let mut effects = Effects {
            exits_early: raw.loop_exit || raw.escape || raw.raise,
            escapes: raw.escape || raw.raise,
            leaves_without_raising: raw.loop_exit || raw.escape,
            ..Effects::default()
        };
        for (root, field) in raw.fields {
            if let Some(var) = self.lookup_existing(&root) {
                let name = Name {
                    var,
                    name: Rc::from(root.as_str()),
                };
                effects.fields.push((name, Rc::from(field.as_str())));
            }
        }
        for (names, out) in [
            (raw.assigned, &mut effects.assigned),
            (raw.deep, &mut effects.mutated),
            (raw.consumed, &mut effects.consumed),
            (raw.grown, &mut effects.grown),
        ] {
            for name in names {
                if let Some(var) = self.lookup_existing(&name) {
                    out.push(Name {
                        var,
                        name: Rc::from(name.as_str()),
                    });
                }
            }
        }
        effects
    }

    fn add_target_effects(&mut self, target: &ast::Expr, effects: &mut Effects) {
        let mut names = Vec::new();
        scope::bound_names(
            &[ast::Stmt::Assign(ast::StmtAssign {
                range: target.range(),
                targets: vec![target.clone()],
                value: Box::new(target.clone()),
                type_comment: None,
            })],
            &mut names,
        );
        for name in names {
            if let Some(var) = self.lookup_existing(&name) {
                effects.assigned.push(Name {
                    var,
                    name: Rc::from(name.as_str()),
                });
            }
        }
    }

    fn lookup_existing(&mut self, name: &str) -> Option<Var> {
        let level = self.scopes.len() - 1;
        self.resolve_load_at(level, name)
    }

    fn defaults(&mut self, args: &ast::Arguments) -> Vec<Expr> {
        args.posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
            .filter_map(|a| a.default.as_ref().map(|d| self.expr(d)))
            .collect()
    }

    fn function(
        &mut self,
        name: &str,
        args: &ast::Arguments,
        body: FunctionSyntax<'_>,
        _range: ast::text_size::TextRange,
    ) -> Rc<FunctionCode> {
        let captured = match &body {
            FunctionSyntax::Block(stmts) => scope::nested_free_in_block(stmts),
            FunctionSyntax::Lambda(e) => scope::nested_free_in_expr(e),
        };
        self.scopes.push(Scope::new(false, captured));
        let qualname: Rc<str> = match self.enclosing.last() {
            Some(outer) => Rc::from(format!("{outer}.<locals>.{name}")),
            None => Rc::from(name),
        };
        self.enclosing.push(qualname.clone());
        let param = |this: &mut Self, a: &ast::Arg| {
            let name = this.store_var(a.arg.as_str(), a.range);
            Param {
                name: name.name,
                var: name.var,
            }
        };
        let mut params = Vec::new();
        for a in args.posonlyargs.iter().chain(&args.args) {
            params.push(param(self, &a.def));
        }
        let vararg = args.vararg.as_ref().map(|a| param(self, a));
        let kwonly: Vec<Param> = args
            .kwonlyargs
            .iter()
            .map(|a| param(self, &a.def))
            .collect();
        let kwarg = args.kwarg.as_ref().map(|a| param(self, a));
        let n_defaults = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .filter(|a| a.default.is_some())
            .count();
        let kwonly_defaults = args
            .kwonlyargs
            .iter()
            .map(|a| a.default.is_some())
            .collect();
        let (body, effects, pure, read) = match body {
            FunctionSyntax::Block(stmts) => {
                self.declare_nonlocals(stmts);
                let mut names = Vec::new();
                scope::bound_names(stmts, &mut names);
                // Python makes a name local to the whole function if it is bound anywhere in it.
                for n in &names {
                    self.resolve_store(n);
                }
                let lowered = FunctionBody::Block(self.block(stmts));
                let effects = self.effects(&[stmts]);
                // A module-level `def` was judged with the whole plan (mutual recursion included).
                let module_level = self.scopes.len() == 2;
                let pure = if module_level {
                    self.pure.contains(name)
                } else {
                    self.body_is_pure(stmts, args)
                };
                let mut read = Vec::new();
                fx::names_in_block(stmts, &mut read);
                (lowered, effects, pure, read)
            }
            FunctionSyntax::Lambda(e) => {
                let lowered = FunctionBody::Lambda(self.expr(e));
                let effects = self.expr_effects(e).map(|b| *b).unwrap_or_default();
                // A lambda that appends (`lambda y: xs.append(y)`) or stores a field changes
                // what its caller sees too.
                let pure = effects.mutated.is_empty()
                    && effects.grown.is_empty()
                    && effects.fields.is_empty();
                let mut read = Vec::new();
                fx::names_in(e, &mut read);
                (lowered, effects, pure, read)
            }
        };
        let globals_read = self.global_slots(&read);
        self.enclosing.pop();
        let scope = self
            .scopes
            .pop()
            .unwrap_or_else(|| Scope::new(false, HashSet::new()));
        Rc::new(FunctionCode {
            name: Rc::from(name),
            qualname,
            params,
            posonly: args.posonlyargs.len(),
            vararg,
            kwonly,
            kwarg,
            n_defaults,
            kwonly_defaults,
            locals: scope.locals,
            cells: scope.cells,
            captures: scope.captures.values().map(|(_, c)| *c).collect(),
            body,
            pure,
            globals_read,
            effects,
        })
    }

    /// Whether a nested `def` changes nothing its caller can see (module-level ones are
    /// decided once for the whole plan, see `effects::pure_module_functions`).
    fn body_is_pure(&mut self, stmts: &[ast::Stmt], args: &ast::Arguments) -> bool {
        let def = ast::StmtFunctionDef {
            range: Default::default(),
            name: ast::Identifier::new("<nested>"),
            args: Box::new(args.clone()),
            body: stmts.to_vec(),
            decorator_list: Vec::new(),
            returns: None,
            type_comment: None,
            type_params: Vec::new(),
        };
        let pure = std::mem::take(&mut self.pure);
        let result = {
            let is_native = |n: &str| self.is_native(n);
            fx::function_is_pure(
                &def,
                &Names {
                    is_native: &is_native,
                    pure: &pure,
                },
            )
        };
        self.pure = pure;
        result
    }

    fn class(&mut self, c: &ast::StmtClassDef, pos: Pos) -> Option<Stmt> {
        let is_model =
            matches!(c.bases.as_slice(), [ast::Expr::Name(n)] if n.id.as_str() == "BaseModel");
        let only_pass = c.body.iter().all(|s| match s {
            ast::Stmt::Pass(_) => true,
            ast::Stmt::Expr(e) => matches!(e.value.as_ref(), ast::Expr::Constant(_)),
            _ => false,
        });
        let plain = c.keywords.is_empty() && c.decorator_list.is_empty();
        // A builtin base other than an exception class is refused now rather than at run time.
        let builtin_non_exception = match c.bases.first() {
            Some(ast::Expr::Name(n)) if !self.plan_bound.contains(n.id.as_str()) => !matches!(
                builtins::lookup(n.id.as_str()),
                None | Some(BuiltinName::Type(TypeKind::Exception(_)))
            ),
            _ => false,
        };
        let single_base = match c.bases.as_slice() {
            [base] => Some(base),
            _ => None,
        };
        if let Some(base) =
            single_base.filter(|_| !is_model && plain && only_pass && !builtin_non_exception)
        {
            // Anything else as the base is a TypeError when the statement runs, as in CPython.
            let base = self.expr(base);
            let target = self.store_var(c.name.as_str(), c.range).var;
            return Some(Stmt {
                kind: StmtKind::ExceptionClass {
                    target,
                    name: Rc::from(c.name.as_str()),
                    base,
                },
                pos,
            });
        }
        if !is_model || !plain {
            self.refuse(c.range, refusals::CLASS.reason);
            return None;
        }
        let mut fields = Vec::new();
        let mut defaults = Vec::new();
        for stmt in &c.body {
            match stmt {
                ast::Stmt::AnnAssign(a) => {
                    let ast::Expr::Name(n) = a.target.as_ref() else {
                        self.refuse(a.range, "a field must be a plain name");
                        continue;
                    };
                    if n.id.starts_with('_') {
                        self.refuse(a.range, "field names may not start with '_'");
                        continue;
                    }
                    let ty = self.field_type(&a.annotation);
                    defaults.push(a.value.as_ref().map(|v| self.expr(v)));
                    fields.push(Field {
                        name: Rc::from(n.id.as_str()),
                        ty,
                    });
                }
                ast::Stmt::Pass(_) => {}
                ast::Stmt::Expr(e) if matches!(e.value.as_ref(), ast::Expr::Constant(_)) => {}
                other => self.refuse(other.range(), refusals::MODEL_BODY.reason),
            }
        }
        let target = self.store_var(c.name.as_str(), c.range).var;
        Some(Stmt {
            kind: StmtKind::Class {
                target,
                class: Rc::new(ModelClass {
                    name: Rc::from(c.name.as_str()),
                    fields,
                }),
                defaults,
            },
            pos,
        })
    }

    fn field_type(&mut self, annotation: &ast::Expr) -> FieldType {
        match annotation {
            ast::Expr::Name(n) => match n.id.as_str() {
                "str" => FieldType::Str,
                "int" => FieldType::Int,
                "float" => FieldType::Float,
                "bool" => FieldType::Bool,
                "list" => FieldType::List(Box::new(FieldType::Any)),
                "dict" => FieldType::Dict(Box::new(FieldType::Any), Box::new(FieldType::Any)),
                "Any" => FieldType::Any,
                other => FieldType::Model(Rc::from(other)),
            },
            ast::Expr::Constant(c) if matches!(c.value, ast::Constant::None) => FieldType::NoneType,
            ast::Expr::Subscript(s) => {
                let ast::Expr::Name(base) = s.value.as_ref() else {
                    self.refuse(s.range, refusals::FIELD_TYPE.reason);
                    return FieldType::Any;
                };
                let args: Vec<&ast::Expr> = match s.slice.as_ref() {
                    ast::Expr::Tuple(t) => t.elts.iter().collect(),
                    one => vec![one],
                };
                match (base.id.as_str(), args.as_slice()) {
                    ("list" | "List", [item]) => FieldType::List(Box::new(self.field_type(item))),
                    ("dict" | "Dict", [k, v]) => {
                        FieldType::Dict(Box::new(self.field_type(k)), Box::new(self.field_type(v)))
                    }
                    ("Optional", [inner]) => FieldType::Optional(Box::new(self.field_type(inner))),
                    _ => {
                        self.refuse(s.range, refusals::FIELD_TYPE.reason);
                        FieldType::Any
                    }
                }
            }
            ast::Expr::BinOp(b) if matches!(b.op, ast::Operator::BitOr) => {
                let (l, r) = (self.field_type(&b.left), self.field_type(&b.right));
                match (l, r) {
                    (FieldType::NoneType, t) | (t, FieldType::NoneType) => {
                        FieldType::Optional(Box::new(t))
                    }
                    _ => {
                        self.refuse(b.range, "only 'T | None' unions are supported");
                        FieldType::Any
                    }
                }
            }
            other => {
                self.refuse(other.range(), refusals::FIELD_TYPE.reason);
                FieldType::Any
            }
        }
    }

    fn target(&mut self, target: &ast::Expr) -> Target {
        match target {
            ast::Expr::Name(n) => Target::Var(self.store_var(n.id.as_str(), n.range)),
            ast::Expr::Subscript(s) => Target::Subscript {
                obj: self.expr(&s.value),
                index: self.expr(&s.slice),
            },
            ast::Expr::Attribute(a) => {
                self.check_attr(a.attr.as_str(), a.range);
                Target::Attr {
                    obj: self.expr(&a.value),
                    attr: Rc::from(a.attr.as_str()),
                }
            }
            ast::Expr::Tuple(ast::ExprTuple { elts, range, .. })
            | ast::Expr::List(ast::ExprList { elts, range, .. }) => {
                let mut star = None;
                let mut items = Vec::new();
                for (i, e) in elts.iter().enumerate() {
                    if let ast::Expr::Starred(s) = e {
                        if star.is_some() {
                            self.syntax_error(
                                s.range,
                                "multiple starred expressions in assignment",
                            );
                        }
                        star = Some(i);
                        items.push(self.target(&s.value));
                    } else {
                        items.push(self.target(e));
                    }
                }
                Target::Unpack {
                    items,
                    star,
                    pos: self.pos(*range),
                }
            }
            other => {
                self.syntax_error(other.range(), "cannot assign to this expression");
                Target::Var(Name {
                    var: Var::Global(self.global_slot("_")),
                    name: Rc::from("_"),
                })
            }
        }
    }

    fn check_attr(&mut self, attr: &str, range: ast::text_size::TextRange) {
        // `type(e).__name__` and `x.__class__` read what `type()` already gives.
        if attr.starts_with('_') && !matches!(attr, "__name__" | "__class__") {
            self.refuse(
                range,
                format!(
                    "attribute '{attr}' is not allowed: {}",
                    refusals::PRIVATE_ATTRIBUTE.reason
                ),
            );
        }
    }

    fn binop(&mut self, op: ast::Operator, range: ast::text_size::TextRange) -> BinOp {
        use ast::Operator as O;
        match op {
            O::Add => BinOp::Add,
            O::Sub => BinOp::Sub,
            O::Mult => BinOp::Mul,
            O::Div => BinOp::Div,
            O::FloorDiv => BinOp::FloorDiv,
            O::Mod => BinOp::Mod,
            O::Pow => BinOp::Pow,
            O::LShift => BinOp::LShift,
            O::RShift => BinOp::RShift,
            O::BitOr => BinOp::BitOr,
            O::BitXor => BinOp::BitXor,
            O::BitAnd => BinOp::BitAnd,
            O::MatMult => {
                self.refuse(range, refusals::MATMUL.reason);
                BinOp::Mul
            }
        }
    }

    // ---- expressions ----

    fn boxed(&mut self, e: &ast::Expr) -> Box<Expr> {
        Box::new(self.expr(e))
    }

    fn elts(&mut self, elts: &[ast::Expr]) -> Vec<Elt> {
        elts.iter()
            .map(|e| match e {
                ast::Expr::Starred(s) => Elt {
                    expr: self.expr(&s.value),
                    starred: true,
                },
                other => Elt {
                    expr: self.expr(other),
                    starred: false,
                },
            })
            .collect()
    }

    fn kwargs(&mut self, keywords: &[ast::Keyword]) -> Vec<Kwarg> {
        keywords
            .iter()
            .map(|k| Kwarg {
                name: k.arg.as_ref().map(|a| Rc::from(a.as_str())),
                value: self.expr(&k.value),
            })
            .collect()
    }

    pub fn expr(&mut self, expr: &ast::Expr) -> Expr {
        use ast::Expr as E;
        let range = expr.range();
        let kind = match expr {
            E::Constant(c) => ExprKind::Const(self.constant(&c.value, c.range)),
            E::Name(n) => self.load_name(n.id.as_str(), n.range),
            E::BoolOp(b) => {
                let values = b.values.iter().map(|v| self.expr(v)).collect();
                let mut effects: Option<Box<Effects>> = None;
                for later in b.values.iter().skip(1) {
                    if let Some(e) = self.expr_effects(later) {
                        effects = Some(match effects {
                            None => e,
                            Some(mut acc) => {
                                acc.merge(*e);
                                acc
                            }
                        });
                    }
                }
                match b.op {
                    ast::BoolOp::And => ExprKind::And(values, effects),
                    ast::BoolOp::Or => ExprKind::Or(values, effects),
                }
            }
            E::BinOp(b) => ExprKind::BinOp {
                op: self.binop(b.op, b.range),
                left: self.boxed(&b.left),
                right: self.boxed(&b.right),
            },
            E::UnaryOp(u) => {
                let operand = self.boxed(&u.operand);
                match (u.op, &operand.kind) {
                    // `-1000000` is a constant, as CPython makes it: not a negation at every
                    // turn of a loop.
                    (ast::UnaryOp::USub, ExprKind::Const(Const::Int(n)))
                        if n.checked_neg().is_some() =>
                    {
                        ExprKind::Const(Const::Int(-n))
                    }
                    (ast::UnaryOp::USub, ExprKind::Const(Const::Float(f))) => {
                        ExprKind::Const(Const::Float(-f))
                    }
                    _ => ExprKind::Unary {
                        op: match u.op {
                            ast::UnaryOp::Not => UnaryOp::Not,
                            ast::UnaryOp::USub => UnaryOp::Neg,
                            ast::UnaryOp::UAdd => UnaryOp::Pos,
                            ast::UnaryOp::Invert => UnaryOp::Invert,
                        },
                        operand,
                    },
                }
            }
            E::Compare(c) => {
                let left = self.boxed(&c.left);
                let ops = c
                    .ops
                    .iter()
                    .zip(&c.comparators)
                    .map(|(op, e)| {
                        let op = match op {
                            ast::CmpOp::Eq => CmpOp::Eq,
                            ast::CmpOp::NotEq => CmpOp::NotEq,
                            ast::CmpOp::Lt => CmpOp::Lt,
                            ast::CmpOp::LtE => CmpOp::LtE,
                            ast::CmpOp::Gt => CmpOp::Gt,
                            ast::CmpOp::GtE => CmpOp::GtE,
                            ast::CmpOp::Is => CmpOp::Is,
                            ast::CmpOp::IsNot => CmpOp::IsNot,
                            ast::CmpOp::In => CmpOp::In,
                            ast::CmpOp::NotIn => CmpOp::NotIn,
                        };
                        (op, self.expr(e))
                    })
                    .collect();
                ExprKind::Compare { left, ops }
            }
            E::Call(c) => {
                let args = self.elts(&c.args);
                let kwargs = self.kwargs(&c.keywords);
                match c.func.as_ref() {
                    E::Attribute(a) => {
                        self.check_attr(a.attr.as_str(), a.range);
                        ExprKind::MethodCall {
                            obj: self.boxed(&a.value),
                            name: Rc::from(a.attr.as_str()),
                            slots: crate::methods::MethodSlots::of(a.attr.as_str()),
                            args,
                            kwargs,
                        }
                    }
                    func => {
                        let func = self.boxed(func);
                        if let ExprKind::Tool(tool) = &func.kind {
                            self.tool_calls.push(ToolUse {
                                tool: Rc::from(tool),
                                positional: args.len(),
                                keywords: kwargs.iter().filter_map(|k| k.name.clone()).collect(),
                                pos: self.pos(c.range),
                            });
                        }
                        ExprKind::Call { func, args, kwargs }
                    }
                }
            }
            E::Attribute(a) => {
                self.check_attr(a.attr.as_str(), a.range);
                ExprKind::Attr {
                    obj: self.boxed(&a.value),
                    name: Rc::from(a.attr.as_str()),
                }
            }
            E::Subscript(s) => ExprKind::Subscript {
                obj: self.boxed(&s.value),
                index: self.boxed(&s.slice),
            },
            E::Slice(s) => ExprKind::Slice {
                lower: s.lower.as_ref().map(|e| self.boxed(e)),
                upper: s.upper.as_ref().map(|e| self.boxed(e)),
                step: s.step.as_ref().map(|e| self.boxed(e)),
            },
            E::List(l) => ExprKind::List(self.elts(&l.elts)),
            E::Tuple(t) => ExprKind::Tuple(self.elts(&t.elts)),
            E::Set(s) => ExprKind::Set(self.elts(&s.elts)),
            E::Dict(d) => ExprKind::Dict(
                d.keys
                    .iter()
                    .zip(&d.values)
                    .map(|(k, v)| match k {
                        Some(k) => DictItem::Pair(self.expr(k), self.expr(v)),
                        None => DictItem::Splat(self.expr(v)),
                    })
                    .collect(),
            ),
            E::ListComp(c) => self.comprehension(CompKind::List, &c.elt, None, &c.generators),
            E::SetComp(c) => self.comprehension(CompKind::Set, &c.elt, None, &c.generators),
            E::GeneratorExp(c) => self.generator_expression(expr, &c.elt, &c.generators),
            E::DictComp(c) => {
                self.comprehension(CompKind::Dict, &c.key, Some(&c.value), &c.generators)
            }
            E::IfExp(i) => ExprKind::IfExp {
                test: self.boxed(&i.test),
                body: self.boxed(&i.body),
                orelse: self.boxed(&i.orelse),
                effects: self.expr_effects(expr),
            },
            E::Lambda(l) => {
                let defaults = self.defaults(&l.args);
                let code = self.function(
                    "<lambda>",
                    &l.args,
                    FunctionSyntax::Lambda(&l.body),
                    l.range,
                );
                ExprKind::Lambda { code, defaults }
            }
            E::JoinedStr(j) => ExprKind::FString(self.fstring_parts(&j.values)),
            E::FormattedValue(_) => {
                ExprKind::FString(self.fstring_parts(std::slice::from_ref(expr)))
            }
            E::Starred(s) => {
                self.syntax_error(s.range, "can't use starred expression here");
                ExprKind::Const(Const::None)
            }
            E::NamedExpr(n) => {
                let value = self.boxed(&n.value);
                if let ast::Expr::Name(t) = n.target.as_ref() {
                    self.check_bindable(t.id.as_str(), t.range);
                    let var = self.resolve_frame_store(t.id.as_str());
                    ExprKind::Walrus {
                        target: Name {
                            var,
                            name: Rc::from(t.id.as_str()),
                        },
                        value,
                    }
                } else {
                    self.syntax_error(
                        n.range,
                        "cannot use assignment expressions with this target",
                    );
                    ExprKind::Const(Const::None)
                }
            }
            E::Await(_) => {
                self.refuse(range, refusals::AWAIT.reason);
                ExprKind::Const(Const::None)
            }
            E::Yield(_) | E::YieldFrom(_) => {
                self.refuse(range, refusals::YIELD.reason);
                ExprKind::Const(Const::None)
            }
        };
        Expr {
            kind,
            pos: self.pos(range),
            text: self.text(range),
        }
    }

    /// The shared copy of the string literal `text`.
    fn literal(&mut self, text: &str) -> PyStr {
        if let Some(shared) = self.literals.get(text) {
            return shared.clone();
        }
        let shared = PyStr::from(text);
        self.literals.insert(shared.clone());
        shared
    }

    fn constant(&mut self, c: &ast::Constant, range: ast::text_size::TextRange) -> Const {
        match c {
            ast::Constant::None => Const::None,
            ast::Constant::Bool(b) => Const::Bool(*b),
            ast::Constant::Str(s) => {
                self.refuse_surrogates(s, range);
                Const::Str(self.literal(s))
            }
            ast::Constant::Int(i) => match i.to_i64() {
                Some(small) => Const::Int(small),
                None => Const::BigInt(Rc::new(i.clone())),
            },
            ast::Constant::Float(f) => Const::Float(*f),
            ast::Constant::Tuple(_) => {
                self.refuse(range, "unsupported constant");
                Const::None
            }
            ast::Constant::Bytes(_) => {
                self.refuse(range, refusals::BYTES.reason);
                Const::None
            }
            ast::Constant::Complex { .. } => {
                self.refuse(range, refusals::COMPLEX.reason);
                Const::None
            }
            ast::Constant::Ellipsis => {
                self.refuse(range, "'...' is not supported");
                Const::None
            }
        }
    }

    fn fstring_parts(&mut self, values: &[ast::Expr]) -> Vec<FPart> {
        let mut parts = Vec::new();
        for v in values {
            match v {
                ast::Expr::Constant(c) => {
                    if let ast::Constant::Str(s) = &c.value {
                        self.refuse_surrogates(s, c.range);
                        parts.push(FPart::Lit(Rc::from(s.as_str())));
                    }
                }
                ast::Expr::FormattedValue(f) => {
                    let conversion = match f.conversion {
                        ast::ConversionFlag::None => None,
                        ast::ConversionFlag::Str => Some('s'),
                        ast::ConversionFlag::Repr => Some('r'),
                        ast::ConversionFlag::Ascii => Some('a'),
                    };
                    let spec = f.format_spec.as_ref().map(|s| match s.as_ref() {
                        ast::Expr::JoinedStr(j) => self.fstring_parts(&j.values),
                        other => self.fstring_parts(std::slice::from_ref(other)),
                    });
                    parts.push(FPart::Value {
                        expr: self.expr(&f.value),
                        conversion,
                        spec,
                    });
                }
                ast::Expr::JoinedStr(j) => parts.extend(self.fstring_parts(&j.values)),
                other => {
                    self.refuse(other.range(), "unsupported f-string part");
                }
            }
        }
        parts
    }

    fn comprehension(
        &mut self,
        kind: CompKind,
        elt: &ast::Expr,
        value: Option<&ast::Expr>,
        gens: &[ast::Comprehension],
    ) -> ExprKind {
        // Names that lambdas inside the comprehension capture must live in cells.
        let mut nested = HashSet::new();
        let mut walk = |e: &ast::Expr| nested.extend(scope::nested_free_in_expr(e));
        walk(elt);
        if let Some(v) = value {
            walk(v);
        }
        for g in gens {
            walk(&g.iter);
            g.ifs.iter().for_each(&mut walk);
        }
        let mut generators = Vec::new();
        let depth = self.scope().comps.len();
        for (i, g) in gens.iter().enumerate() {
            if g.is_async {
                self.refuse(g.iter.range(), refusals::ASYNC.reason);
            }
            // The first iterable is evaluated in the enclosing scope.
            let iter = if i == 0 {
                self.expr(&g.iter)
            } else {
                self.expr_in_comp(&g.iter)
            };
            let mut names = Vec::new();
            scope::bound_names(
                &[ast::Stmt::Assign(ast::StmtAssign {
                    range: g.target.range(),
                    targets: vec![g.target.clone()],
                    value: Box::new(g.target.clone()),
                    type_comment: None,
                })],
                &mut names,
            );
            let mut layer = HashMap::new();
            for n in names {
                // `self.target` below checks the name; checking here too would report it twice.
                let scope = self.scope();
                let var = if nested.contains(&n) {
                    scope.cells += 1;
                    Var::Cell(scope.cells - 1)
                } else {
                    scope.locals += 1;
                    Var::Local(scope.locals - 1)
                };
                layer.insert(n, var);
            }
            self.scope().comps.push(layer);
            let target = self.target(&g.target);
            let ifs = g.ifs.iter().map(|e| self.expr(e)).collect();
            generators.push(Generator { target, iter, ifs });
        }
        let elt_ast = elt;
        let elt = self.boxed(elt);
        let value_ast = value;
        let value = value.map(|v| self.boxed(v));
        self.scope().comps.truncate(depth);
        // The element, value and filters run once per item that passes: their effects,
        // resolved in the enclosing scope (the comprehension's own variables die with it).
        let mut effects = self.expr_effects(elt_ast);
        let rest = value_ast
            .into_iter()
            .chain(gens.iter().flat_map(|g| g.ifs.iter()))
            .chain(gens.iter().skip(1).map(|g| &g.iter));
        for e in rest {
            if let Some(more) = self.expr_effects(e) {
                effects = Some(match effects {
                    None => more,
                    Some(mut acc) => {
                        acc.merge(*more);
                        acc
                    }
                });
            }
        }
        ExprKind::Comp {
            kind,
            elt,
            value,
            generators,
            effects,
        }
    }

    /// A generator expression: its first iterable is lowered here, the rest in a scope of
    /// its own (as CPython's implicit function), whose free names are captured from this one.
    fn generator_expression(
        &mut self,
        whole: &ast::Expr,
        elt: &ast::Expr,
        gens: &[ast::Comprehension],
    ) -> ExprKind {
        let first = match gens.first() {
            Some(g) => self.boxed(&g.iter),
            None => Box::new(Expr {
                kind: ExprKind::Const(Const::None),
                pos: self.pos(whole.range()),
                text: self.text(whole.range()),
            }),
        };
        // Names that lambdas and generator expressions inside this one capture from it.
        let mut nested = scope::nested_free_in_expr(elt);
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                nested.extend(scope::nested_free_in_expr(&g.iter));
            }
            g.ifs
                .iter()
                .for_each(|e| nested.extend(scope::nested_free_in_expr(e)));
        }
        let mut own = Scope::new(false, nested);
        own.genexpr = true;
        self.scopes.push(own);
        let mut generators = Vec::new();
        for (i, g) in gens.iter().enumerate() {
            if g.is_async {
                self.refuse(g.iter.range(), refusals::ASYNC.reason);
            }
            let iter = if i == 0 {
                Expr {
                    kind: ExprKind::Const(Const::None),
                    pos: first.pos,
                    text: first.text.clone(),
                }
            } else {
                self.expr(&g.iter)
            };
            let mut names = Vec::new();
            scope::bound_in_target(&g.target, &mut names);
            let mut layer = HashMap::new();
            for n in names {
                let var = self.scope().new_slot(&n);
                layer.insert(n, var);
            }
            self.scope().comps.push(layer);
            let target = self.target(&g.target);
            let ifs = g.ifs.iter().map(|e| self.expr(e)).collect();
            generators.push(Generator { target, iter, ifs });
        }
        let elt_lowered = self.expr(elt);
        // Resolved in the generator's own scope: an advance runs there.
        let mut effects = self.expr_effects(elt).map(|b| *b).unwrap_or_default();
        let rest = gens
            .iter()
            .flat_map(|g| g.ifs.iter())
            .chain(gens.iter().skip(1).map(|g| &g.iter));
        for e in rest {
            if let Some(more) = self.expr_effects(e) {
                effects.merge(*more);
            }
        }
        let pure = effects.mutated.is_empty()
            && effects.fields.is_empty()
            && effects.grown.is_empty()
            && effects.assigned.is_empty();
        let mut read = Vec::new();
        fx::names_in(whole, &mut read);
        let globals_read = self.global_slots(&read);
        let scope = self
            .scopes
            .pop()
            .unwrap_or_else(|| Scope::new(false, HashSet::new()));
        ExprKind::GenExpr {
            first,
            code: Rc::new(GenCode {
                elt: elt_lowered,
                generators,
                locals: scope.locals,
                cells: scope.cells,
                captures: scope.captures.values().map(|(_, c)| *c).collect(),
                effects,
                pure,
                globals_read,
            }),
        }
    }

    fn expr_in_comp(&mut self, e: &ast::Expr) -> Expr {
        self.expr(e)
    }
}

/// The first `\uXXXX` or `\UXXXXXXXX` escape of a surrogate (U+D800 to U+DFFF) in `source`.
fn surrogate_escape(source: &str) -> Option<&str> {
    let bytes = source.as_bytes();
    (0..bytes.len()).find_map(|at| {
        let digits = match bytes.get(at..at + 2)? {
            b"\\u" => 4,
            b"\\U" => 8,
            _ => return None,
        };
        let escape = source.get(at..at + 2 + digits)?;
        let code = u32::from_str_radix(escape.get(2..)?, 16).ok()?;
        (0xD800..=0xDFFF).contains(&code).then_some(escape)
    })
}

#[cfg(test)]
mod tests {
    use super::is_one_line;

    #[test]
    fn texts_already_on_one_line_are_recognised() {
        assert!(is_one_line(b"e[\"id\"] + 1"));
        assert!(is_one_line(b""));
        for text in [" a", "a ", "a  b", "a\tb", "a\nb", "a\x0bb", "caf\u{e9}"] {
            assert!(!is_one_line(text.as_bytes()), "{text:?}");
        }
    }
}
