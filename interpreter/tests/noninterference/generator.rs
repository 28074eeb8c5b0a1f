//! Random plans over the interpreter's subset, scope-aware so that most of them run: the
//! generator knows every variable in scope and its rough type, defines names before it uses
//! them, never rebinds an outer name from inside a function, and keeps loops bounded.
//!
//! Every plan mixes trusted literals (candidate recipients, user values), untrusted tool
//! data (`fetch`, `search`, the quarantined model) and the secret (`read_secret`), and calls
//! the sinks (`send`, `pay`, `post`, `log`) in branches, loops, comprehensions, handlers and
//! functions.

use super::plan::{s, t, Clause, Expr, Node, Part, Plan};
use super::rng::Rng;

/// Recipients a plan may write as literals (trusted). `bob` is also a user value.
pub const RECIPIENTS: &[&str] = &["'bob@corp.com'", "'carol@corp.com'", "'alice@corp.com'"];

const STR_LITS: &[&str] = &[
    "'bob@corp.com'",
    "'carol@corp.com'",
    "'alice@corp.com'",
    "'149'",
    "'hello'",
    "'report'",
    "'x'",
    "'a,b'",
    "''",
    "'@'",
    "'7'",
    "'DE00 1234'",
];

const INT_LITS: &[&str] = &["0", "1", "2", "3", "-1", "10", "149", "42", "7"];

/// The rough type of a variable or expression.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ty {
    Str,
    Int,
    Bool,
    /// list[str]
    LStr,
    /// list[int]
    LInt,
    /// list[list[str]]
    LLStr,
    /// A record: dict with keys to, body, id, items, email, n (what tools return).
    Rec,
    /// list of records
    LRec,
    /// dict[str, str]
    DStr,
    /// dict[str, int]
    DInt,
    /// set[str]
    SetStr,
    /// An instance of the data model `M1` (to: str, n: int, items: list[str]).
    Model,
    /// tuple (str, int)
    Tup,
    /// A caught exception.
    Exc,
}

impl Ty {
    fn tag(self) -> &'static str {
        match self {
            Ty::Str => "str",
            Ty::Int => "int",
            Ty::Bool => "bool",
            Ty::LStr => "lstr",
            Ty::LInt => "lint",
            Ty::LLStr => "llstr",
            Ty::Rec => "rec",
            Ty::LRec => "lrec",
            Ty::DStr => "dstr",
            Ty::DInt => "dint",
            Ty::SetStr => "set",
            Ty::Model => "model",
            Ty::Tup => "tup",
            Ty::Exc => "exc",
        }
    }

    fn fallback(self) -> &'static str {
        match self {
            Ty::Str => "'x'",
            Ty::Int => "0",
            Ty::Bool => "False",
            Ty::LStr => "['x']",
            Ty::LInt => "[0]",
            Ty::LLStr => "[['x']]",
            Ty::Rec => "{'to': 'x', 'body': 'x', 'id': 0, 'items': ['x'], 'email': 'x', 'n': 0}",
            Ty::LRec => "[]",
            Ty::DStr => "{}",
            Ty::DInt => "{}",
            Ty::SetStr => "set()",
            Ty::Model => "M1(to='x', n=0)",
            Ty::Tup => "('x', 0)",
            Ty::Exc => "ValueError('x')",
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Ty::Str => "s",
            Ty::Int => "n",
            Ty::Bool => "b",
            Ty::LStr => "xs",
            Ty::LInt => "ns",
            Ty::LLStr => "nest",
            Ty::Rec => "r",
            Ty::LRec => "rs",
            Ty::DStr => "d",
            Ty::DInt => "cnt",
            Ty::SetStr => "st",
            Ty::Model => "m",
            Ty::Tup => "tp",
            Ty::Exc => "e",
        }
    }
}

#[derive(Clone, Debug)]
struct Var {
    name: String,
    ty: Ty,
    /// The function nesting level that binds it (0: the module).
    level: usize,
    /// May not be rebound (loop variables, parameters of enclosing functions, handlers' `e`).
    fixed: bool,
}

#[derive(Clone, Debug)]
struct Func {
    name: String,
    params: Vec<(String, Ty)>,
    /// Parameters after the first `required` have defaults.
    required: usize,
    ret: Ty,
}

struct Frame {
    /// The function's return type (`None` at module level).
    ret: Option<Ty>,
    /// Loops around the current statement inside this function.
    loops: usize,
}

pub struct Gen {
    rng: Rng,
    next_id: u32,
    vars: Vec<Var>,
    funcs: Vec<Func>,
    frames: Vec<Frame>,
    /// Compound statements around the current statement.
    nest: usize,
    budget: usize,
    has_model: bool,
    /// `try` bodies around the current statement (a `raise` there is often caught).
    in_try: usize,
    /// A short plan of mostly control flow and container writes.
    dense: bool,
}

/// The plan of `seed`.
pub fn generate(seed: u64) -> Plan {
    let mut g = Gen {
        rng: Rng::new(seed),
        next_id: 1,
        vars: Vec::new(),
        funcs: Vec::new(),
        frames: vec![Frame {
            ret: None,
            loops: 0,
        }],
        nest: 0,
        budget: 0,
        has_model: false,
        in_try: 0,
        dense: false,
    };
    g.plan()
}

fn line(e: Expr) -> Node {
    Node::Line(e)
}

fn clause(head: Expr, body: Vec<Node>, optional: bool) -> Clause {
    Clause {
        head,
        body,
        optional,
    }
}

/// `name(args...)`.
fn call(name: &str, args: Vec<Expr>) -> Expr {
    let mut parts = vec![t(name), t("(")];
    for (i, a) in args.into_iter().enumerate() {
        if i > 0 {
            parts.push(t(", "));
        }
        parts.push(s(a));
    }
    parts.push(t(")"));
    Expr::new(parts).atomic()
}

/// `recv.name(args...)`.
fn method(recv: Expr, name: &str, args: Vec<Expr>) -> Expr {
    let mut parts = vec![s(recv.paren()), t("."), t(name), t("(")];
    for (i, a) in args.into_iter().enumerate() {
        if i > 0 {
            parts.push(t(", "));
        }
        parts.push(s(a));
    }
    parts.push(t(")"));
    Expr::new(parts).atomic()
}

/// `recv[index]`.
fn index(recv: Expr, idx: Expr) -> Expr {
    Expr::new(vec![s(recv.paren()), t("["), s(idx), t("]")]).atomic()
}

fn attr(recv: Expr, name: &str) -> Expr {
    Expr::new(vec![s(recv.paren()), t("."), t(name)]).atomic()
}

/// `name=value`, an argument given by name.
fn named(name: &str, value: Expr) -> Expr {
    cat(vec![t(&format!("{name}=")), s(value)])
}

fn binop(a: Expr, op: &str, b: Expr) -> Expr {
    Expr::new(vec![s(a.paren()), t(&format!(" {op} ")), s(b.paren())])
}

fn lit(text: &str) -> Expr {
    let mut e = Expr::lit(text);
    e.atomic = !text.starts_with('-');
    e
}

/// `[a, b, ...]`, `(a, b)`, `{a, b}`.
fn display(open: &str, items: Vec<Expr>, close: &str) -> Expr {
    let mut parts = vec![t(open)];
    let n = items.len();
    for (i, a) in items.into_iter().enumerate() {
        if i > 0 {
            parts.push(t(", "));
        }
        parts.push(s(a));
    }
    if open == "(" && n == 1 {
        parts.push(t(","));
    }
    parts.push(t(close));
    Expr::new(parts).atomic()
}

fn cat(parts: Vec<Part>) -> Expr {
    Expr::new(parts)
}

impl Gen {
    fn fresh(&mut self, prefix: &str) -> String {
        let n = self.next_id;
        self.next_id += 1;
        format!("{prefix}{n}")
    }

    fn level(&self) -> usize {
        self.frames.len() - 1
    }

    fn frame(&self) -> &Frame {
        self.frames.last().expect("a frame")
    }

    fn bind(&mut self, name: &str, ty: Ty, fixed: bool) {
        let level = self.level();
        self.vars.push(Var {
            name: name.to_string(),
            ty,
            level,
            fixed,
        });
    }

    /// Runs `f` in a nested block: names it binds are forgotten afterwards (they may be
    /// unbound when the block did not run).
    fn scoped<R>(&mut self, f: impl FnOnce(&mut Gen) -> R) -> R {
        let (nv, nf) = (self.vars.len(), self.funcs.len());
        let r = f(self);
        self.vars.truncate(nv);
        self.funcs.truncate(nf);
        r
    }

    fn var_of(&mut self, ty: Ty) -> Option<String> {
        let names: Vec<&Var> = self.vars.iter().filter(|v| v.ty == ty).collect();
        if names.is_empty() {
            return None;
        }
        // Prefer recent variables a little.
        let i = if self.rng.chance(40) {
            names.len() - 1 - self.rng.below(names.len().min(3))
        } else {
            self.rng.below(names.len())
        };
        Some(names[i].name.clone())
    }

    /// A variable of `ty` the current statement may rebind.
    fn rebindable(&mut self, ty: Option<Ty>) -> Option<(String, Ty)> {
        let level = self.level();
        let names: Vec<(String, Ty)> = self
            .vars
            .iter()
            .filter(|v| v.level == level && !v.fixed && ty.is_none_or(|t| v.ty == t))
            .filter(|v| v.ty != Ty::Exc)
            .map(|v| (v.name.clone(), v.ty))
            .collect();
        if names.is_empty() {
            None
        } else {
            Some(names[self.rng.below(names.len())].clone())
        }
    }

    // ---- the plan ----

    fn plan(&mut self) -> Plan {
        let mut nodes = Vec::new();
        if self.rng.chance(50) {
            self.has_model = true;
            nodes.push(Node::Block(vec![clause(
                lit("class M1(BaseModel):"),
                vec![
                    line(lit("to: str")),
                    line(lit("n: int")),
                    line(lit("items: list[str] = []")),
                ],
                false,
            )]));
        }
        // Sources every plan starts from, in a random order.
        let mut prelude: Vec<(Ty, Expr)> = vec![
            (Ty::Rec, call("fetch", vec![lit("'news'")])),
            (Ty::Rec, call("read_secret", vec![])),
            (Ty::Str, lit(self.rng.pick(RECIPIENTS))),
            (Ty::Str, lit(self.rng.pick(RECIPIENTS))),
            (Ty::Int, lit(self.rng.pick(&["10", "149", "3"]))),
        ];
        let recipients = self.rng.pick(&[
            "['bob@corp.com', 'carol@corp.com']",
            "['carol@corp.com', 'bob@corp.com', 'alice@corp.com']",
            "['carol@corp.com', 'x']",
        ]);
        prelude.push((Ty::LStr, lit(recipients)));
        if self.rng.chance(40) {
            prelude.push((Ty::LRec, call("search", vec![lit("'q'")])));
        }
        if self.rng.chance(50) {
            prelude.push((
                Ty::DStr,
                lit("{'to': 'bob@corp.com', 'cc': 'carol@corp.com'}"),
            ));
        }
        for i in (1..prelude.len()).rev() {
            let j = self.rng.below(i + 1);
            prelude.swap(i, j);
        }
        for (ty, e) in prelude {
            let name = self.fresh(ty.prefix());
            nodes.push(line(cat(vec![
                t(&name),
                t(" = "),
                s(e.typed(ty.tag(), ty.fallback())),
            ])));
            self.bind(&name, ty, false);
        }
        self.dense = self.rng.chance(50);
        self.budget = if self.dense {
            4 + self.rng.below(9)
        } else {
            6 + self.rng.below(20)
        };
        nodes.extend(self.block(usize::MAX));
        nodes.extend(self.element_probes());
        nodes.extend(self.probes());
        Plan { nodes }
    }

    /// Up to `n` statements (fewer when the budget runs out).
    fn block(&mut self, n: usize) -> Vec<Node> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < n && self.budget > 0 {
            self.budget -= 1;
            k += 1;
            out.extend(self.stmt());
        }
        out
    }

    /// A nested block of 1..=max statements.
    fn body(&mut self, max: usize) -> Vec<Node> {
        let n = 1 + self.rng.below(max);
        self.nest += 1;
        let mut b = self.block(n);
        if b.is_empty() {
            // Out of budget: still something to run.
            b.push(self.simple_stmt());
        }
        self.nest -= 1;
        b
    }

    fn stmt(&mut self) -> Vec<Node> {
        let compound = self.nest < 3;
        let in_loop = self.frame().loops > 0;
        let in_func = self.frame().ret.is_some();
        // Dense plans are short and made mostly of what moves trusted values under the
        // control of data: branches, loops, handlers, functions, writes into containers.
        let d = self.dense;
        let weights = [
            if d { 5 } else { 14 },                           // 0 new variable
            14,                                               // 1 rebind
            if d { 3 } else { 5 },                            // 2 augmented
            if d { 2 } else { 3 },                            // 3 unpacking
            if compound { 12 } else { 0 },                    // 4 if
            if compound { 8 } else { 0 },                     // 5 for
            if compound { 3 } else { 0 },                     // 6 while
            if compound { 9 } else { 0 },                     // 7 try
            if compound && self.level() < 2 { 6 } else { 0 }, // 8 def
            2,                                                // 9 lambda
            if d { 20 } else { 16 },                          // 10 mutation
            if d { 3 } else { 5 },                            // 11 sink
            if d { 1 } else { 3 },                            // 12 print
            if self.in_try > 0 {
                6
            } else if in_func {
                3
            } else {
                1
            }, // 13 raise
            if in_loop { 6 } else { 0 },                      // 14 break / continue
            if in_func { 4 } else { 0 },                      // 15 return
            if d { 4 } else { 3 },                            // 16 alias
            if d { 8 } else { 3 },                            // 17 expression statement
            if self.in_try > 0 { 1 } else { 0 },              // 18 assert
            3,                                                // 19 walrus
            if d { 5 } else { 3 },                            // 20 lazy iteration
        ];
        match self.rng.weighted(&weights) {
            0 => vec![self.new_var()],
            1 => match self.rebindable(None) {
                Some((name, ty)) => {
                    let e = if ty == Ty::Str && self.rng.chance(40) {
                        lit(self.rng.pick(RECIPIENTS)).typed("str", "'x'")
                    } else {
                        self.expr(ty, 2)
                    };
                    vec![line(cat(vec![t(&name), t(" = "), s(e)]))]
                }
                None => vec![self.new_var()],
            },
            2 => vec![self.augmented()],
            3 => vec![self.unpacking()],
            4 => vec![self.if_stmt()],
            5 => vec![self.for_stmt()],
            6 => self.while_stmt(),
            7 => vec![self.try_stmt()],
            8 => {
                // A function is defined to be called: mostly right away.
                let mut out = vec![self.def_stmt()];
                if self.rng.chance(75) {
                    let f = self.funcs.last().cloned().expect("just defined");
                    let c = self.call_func(&f);
                    out.push(match self.rng.below(5) {
                        0 | 1 => line(c),
                        2 | 3 => {
                            let name = self.fresh(f.ret.prefix());
                            self.bind(&name, f.ret, false);
                            line(cat(vec![t(&name), t(" = "), s(c)]))
                        }
                        _ => {
                            let cnd = self.cond();
                            Node::Block(vec![clause(
                                cat(vec![t("if "), s(cnd), t(":")]),
                                vec![line(c)],
                                false,
                            )])
                        }
                    });
                }
                out
            }
            9 => vec![self.lambda_stmt()],
            10 => vec![self.mutation()],
            11 => vec![line(self.sink())],
            12 => {
                let ty = self.any_ty();
                let e = self.expr(ty, 1);
                vec![line(call("print", vec![e]))]
            }
            13 => vec![self.raise_stmt()],
            14 => vec![self.jump()],
            15 => vec![self.return_stmt()],
            16 => vec![self.alias()],
            17 => vec![self.expr_stmt()],
            18 => {
                let c = self.expr(Ty::Bool, 1);
                let m = self.expr(Ty::Str, 0);
                vec![line(cat(vec![t("assert "), s(c), t(", "), s(m)]))]
            }
            19 => vec![self.walrus()],
            _ => self.lazy_stmt(),
        }
    }

    /// A rebinding by `:=` where only some runs evaluate it: the right operand of `and`, an
    /// arm of a conditional expression, or a comprehension's element behind a filter (which
    /// binds in the enclosing scope).
    fn walrus(&mut self) -> Node {
        let Some((name, ty)) = self.rebindable(None) else {
            return self.new_var();
        };
        let e = self.expr(ty, 1);
        let bind = cat(vec![t("("), t(&name), t(" := "), s(e), t(")")]);
        let c = self.cond();
        match self.rng.below(3) {
            0 => line(cat(vec![s(c), t(" and "), s(bind)])),
            1 => line(cat(vec![s(bind), t(" if "), s(c), t(" else None")])),
            _ => {
                let xs = self.expr(Ty::LStr, 1);
                let v = self.fresh("w");
                line(cat(vec![
                    t("["),
                    s(bind),
                    t(" for "),
                    t(&v),
                    t(" in "),
                    s(xs),
                    t(" if "),
                    s(c),
                    t("]"),
                ]))
            }
        }
    }

    /// A statement with no block (when the budget is spent).
    fn simple_stmt(&mut self) -> Node {
        match self.rng.below(3) {
            0 => line(self.sink()),
            1 => self.mutation(),
            _ => self.new_var(),
        }
    }

    fn any_ty(&mut self) -> Ty {
        let mut tys = vec![
            Ty::Str,
            Ty::Str,
            Ty::Str,
            Ty::Int,
            Ty::Int,
            Ty::Bool,
            Ty::LStr,
            Ty::LStr,
            Ty::LInt,
            Ty::LLStr,
            Ty::Rec,
            Ty::LRec,
            Ty::DStr,
            Ty::DInt,
            Ty::SetStr,
            Ty::Tup,
        ];
        if self.has_model {
            tys.push(Ty::Model);
        }
        self.rng.pick(&tys)
    }

    fn new_var(&mut self) -> Node {
        let ty = self.any_ty();
        let e = self.expr(ty, 2);
        let name = self.fresh(ty.prefix());
        self.bind(&name, ty, false);
        line(cat(vec![t(&name), t(" = "), s(e)]))
    }

    fn augmented(&mut self) -> Node {
        let level = self.level();
        let cands: Vec<(String, Ty)> = self
            .vars
            .iter()
            .filter(|v| v.level == level && !v.fixed)
            .filter(|v| matches!(v.ty, Ty::Int | Ty::Str | Ty::LStr | Ty::LInt))
            .map(|v| (v.name.clone(), v.ty))
            .collect();
        if cands.is_empty() {
            return self.new_var();
        }
        let (name, ty) = cands[self.rng.below(cands.len())].clone();
        let (op, rhs) = match ty {
            Ty::Int => {
                let op = self.rng.pick(&["+=", "-=", "*=", "//=", "%="]);
                let e = if op == "*=" || op == "//=" || op == "%=" {
                    let e = self.expr(Ty::Int, 1);
                    if self.rng.chance(50) {
                        cat(vec![t("max("), s(e), t(", 1)")]).atomic()
                    } else {
                        e
                    }
                } else {
                    self.expr(Ty::Int, 2)
                };
                (op, e)
            }
            Ty::Str => ("+=", self.expr(Ty::Str, 2)),
            other => ("+=", self.expr(other, 2)),
        };
        line(cat(vec![t(&name), t(&format!(" {op} ")), s(rhs)]))
    }

    fn unpacking(&mut self) -> Node {
        match self.rng.below(4) {
            0 => {
                // Swap two rebindable variables of one type.
                if let Some((a, ty)) = self.rebindable(None) {
                    if let Some((b, _)) = self.rebindable(Some(ty)) {
                        if a != b {
                            return line(lit(&format!("{a}, {b} = {b}, {a}")));
                        }
                    }
                }
                self.new_var()
            }
            1 => {
                let e = self.expr(Ty::Str, 1);
                let (a, b) = (self.fresh("s"), self.fresh("s"));
                self.bind(&a, Ty::Str, false);
                self.bind(&b, Ty::Str, false);
                line(cat(vec![
                    t(&format!("{a}, {b} = ")),
                    s(method(
                        if self.rng.chance(80) {
                            binop(e, "+", lit("'@'"))
                        } else {
                            e
                        },
                        "split",
                        vec![lit("'@'"), lit("1")],
                    )),
                ]))
            }
            2 => {
                let e = self.expr(Ty::Tup, 2);
                let (a, b) = (self.fresh("s"), self.fresh("n"));
                self.bind(&a, Ty::Str, false);
                self.bind(&b, Ty::Int, false);
                line(cat(vec![t(&format!("{a}, {b} = ")), s(e)]))
            }
            _ => {
                let x = self.expr(Ty::Str, 1);
                let y = self.expr(Ty::Str, 1);
                let (a, b) = (self.fresh("s"), self.fresh("s"));
                self.bind(&a, Ty::Str, false);
                self.bind(&b, Ty::Str, false);
                line(cat(vec![t(&format!("{a}, {b} = ")), s(x), t(", "), s(y)]))
            }
        }
    }

    /// A value written into a container or a variable: mostly a trusted literal (a
    /// recipient, a user value), whose presence there a label must explain.
    fn value(&mut self, ty: Ty) -> Expr {
        if self.rng.chance(55) {
            match ty {
                Ty::Str => return lit(self.rng.pick(RECIPIENTS)).typed("str", "'x'"),
                Ty::Int => return lit(self.rng.pick(&["149", "3", "7"])).typed("int", "0"),
                _ => {}
            }
        }
        self.expr(ty, 1)
    }

    fn cond(&mut self) -> Expr {
        if self.rng.chance(if self.dense { 80 } else { 45 }) {
            self.data(Ty::Bool)
        } else if self.rng.chance(15) {
            // Truthiness of any value.
            let ty = self.any_ty();
            self.expr(ty, 1)
        } else {
            self.expr(Ty::Bool, 2)
        }
    }

    fn if_stmt(&mut self) -> Node {
        let c = self.cond();
        let body = self.scoped(|g| g.body(3));
        let mut clauses = vec![clause(cat(vec![t("if "), s(c), t(":")]), body, false)];
        while self.rng.chance(25) {
            let c = self.cond();
            let body = self.scoped(|g| g.body(2));
            clauses.push(clause(cat(vec![t("elif "), s(c), t(":")]), body, true));
        }
        if self.rng.chance(45) {
            let body = self.scoped(|g| g.body(3));
            clauses.push(clause(lit("else:"), body, true));
        }
        Node::Block(clauses)
    }

    fn in_loop<R>(&mut self, f: impl FnOnce(&mut Gen) -> R) -> R {
        self.frames.last_mut().expect("frame").loops += 1;
        let r = f(self);
        self.frames.last_mut().expect("frame").loops -= 1;
        r
    }

    fn for_stmt(&mut self) -> Node {
        let (head, binds): (Expr, Vec<(String, Ty)>) = match self.rng.below(11) {
            9 | 10 => {
                // A lazy iterator, advanced by the loop (which may break out early).
                let x = self.fresh("x");
                let it = self.lazy_iterator();
                (
                    cat(vec![t(&format!("for {x} in ")), s(it), t(":")]),
                    vec![(x, Ty::Str)],
                )
            }
            0 | 1 => {
                let x = self.fresh("x");
                let it = self.expr(Ty::LStr, 2);
                (
                    cat(vec![t(&format!("for {x} in ")), s(it), t(":")]),
                    vec![(x, Ty::Str)],
                )
            }
            2 => {
                let x = self.fresh("i");
                let it = self.expr(Ty::LInt, 1);
                (
                    cat(vec![t(&format!("for {x} in ")), s(it), t(":")]),
                    vec![(x, Ty::Int)],
                )
            }
            3 => {
                let x = self.fresh("r");
                let it = self.expr(Ty::LRec, 1);
                (
                    cat(vec![t(&format!("for {x} in ")), s(it), t(":")]),
                    vec![(x, Ty::Rec)],
                )
            }
            4 => {
                let x = self.fresh("i");
                let k = self.expr(Ty::Int, 1);
                (
                    cat(vec![
                        t(&format!("for {x} in range(min(")),
                        s(k),
                        t(", 4)):"),
                    ]),
                    vec![(x, Ty::Int)],
                )
            }
            5 => {
                let (i, x) = (self.fresh("i"), self.fresh("x"));
                let it = self.expr(Ty::LStr, 1);
                // Sometimes from a start (which decides every index).
                let start = if self.rng.chance(40) {
                    let k = self.expr(Ty::Int, 0);
                    s(cat(vec![t(", "), s(k)]))
                } else {
                    t("")
                };
                (
                    cat(vec![
                        t(&format!("for {i}, {x} in enumerate(")),
                        s(it),
                        start,
                        t("):"),
                    ]),
                    vec![(i, Ty::Int), (x, Ty::Str)],
                )
            }
            6 => {
                let (a, b) = (self.fresh("x"), self.fresh("x"));
                let l1 = self.expr(Ty::LStr, 1);
                let l2 = self.expr(Ty::LStr, 1);
                (
                    cat(vec![
                        t(&format!("for {a}, {b} in zip(")),
                        s(l1),
                        t(", "),
                        s(l2),
                        t("):"),
                    ]),
                    vec![(a, Ty::Str), (b, Ty::Str)],
                )
            }
            7 => {
                let (k, v) = (self.fresh("k"), self.fresh("x"));
                let d = self.expr(Ty::DStr, 1);
                (
                    cat(vec![
                        t(&format!("for {k}, {v} in ")),
                        s(method(d, "items", vec![])),
                        t(":"),
                    ]),
                    vec![(k, Ty::Str), (v, Ty::Str)],
                )
            }
            _ => {
                let x = self.fresh("c");
                let it = self.expr(Ty::Str, 1);
                (
                    cat(vec![t(&format!("for {x} in ")), s(it), t(":")]),
                    vec![(x, Ty::Str)],
                )
            }
        };
        let body = self.scoped(|g| {
            for (name, ty) in &binds {
                g.bind(name, *ty, true);
            }
            g.in_loop(|g| g.body(4))
        });
        let mut clauses = vec![clause(head, body, false)];
        if self.rng.chance(20) {
            let body = self.scoped(|g| g.body(2));
            clauses.push(clause(lit("else:"), body, true));
        }
        Node::Block(clauses)
    }

    /// A lazy iterator of strings: a generator expression whose filter is data, or whose
    /// element appends to a list; `map` of a function that appends; `filter` of data;
    /// `zip` of lists whose length may be data.
    fn lazy_iterator(&mut self) -> Expr {
        let x = self.fresh("y");
        let source = self.expr(Ty::LStr, 1);
        let acc = self.var_of(Ty::LStr);
        let (elt, cond) = self.scoped(|g| {
            g.bind(&x, Ty::Str, true);
            let elt = match &acc {
                Some(acc) if g.rng.chance(50) => {
                    cat(vec![t(&format!("({acc}.append({x}) or {x})"))]).atomic()
                }
                _ => g.expr(Ty::Str, 1),
            };
            let cond = g.cond();
            (elt, cond)
        });
        match self.rng.below(5) {
            0 | 1 => cat(vec![
                t("("),
                s(elt),
                t(&format!(" for {x} in ")),
                s(source),
                t(" if "),
                s(cond.paren()),
                t(")"),
            ])
            .atomic(),
            2 => cat(vec![
                t(&format!("map(lambda {x}: ")),
                s(elt),
                t(", "),
                s(source),
                t(")"),
            ])
            .atomic(),
            3 => cat(vec![
                t(&format!("filter(lambda {x}: ")),
                s(cond),
                t(", "),
                s(source),
                t(")"),
            ])
            .atomic(),
            _ => {
                let other = self.expr(Ty::LStr, 1);
                let (a, b) = (self.fresh("y"), self.fresh("y"));
                cat(vec![
                    t(&format!("({a} + {b} for {a}, {b} in zip(")),
                    s(source),
                    t(", "),
                    s(other),
                    t("))"),
                ])
                .atomic()
            }
        }
    }

    /// A lazy iterator kept in a variable and advanced later, maybe under a condition:
    /// `next` with or without a default, or consumed whole.
    fn lazy_stmt(&mut self) -> Vec<Node> {
        let it = self.fresh("it");
        let make = self.lazy_iterator();
        let mut out = vec![line(cat(vec![t(&format!("{it} = ")), s(make)]))];
        let advance = |g: &mut Gen| -> Node {
            match g.rng.below(4) {
                0 => {
                    let v = g.fresh("s");
                    let dflt = g.value(Ty::Str);
                    let e = call("next", vec![lit(&it), dflt]);
                    g.bind(&v, Ty::Str, false);
                    line(cat(vec![t(&format!("{v} = ")), s(e)]))
                }
                1 => line(call("next", vec![lit(&it), lit("'z'")])),
                2 => {
                    let v = g.fresh("l");
                    g.bind(&v, Ty::LStr, false);
                    line(cat(vec![
                        t(&format!("{v} = ")),
                        s(call("list", vec![lit(&it)])),
                    ]))
                }
                _ => {
                    let v = g.fresh("b");
                    g.bind(&v, Ty::Bool, false);
                    let e = call(
                        g.rng.pick(&["any", "all"]),
                        vec![lit(&format!("(len({it}x) > 3 for {it}x in {it})"))],
                    );
                    line(cat(vec![t(&format!("{v} = ")), s(e)]))
                }
            }
        };
        if self.rng.chance(60) {
            let c = self.cond();
            let body = self.scoped(|g| vec![advance(g)]);
            out.push(Node::Block(vec![clause(
                cat(vec![t("if "), s(c), t(":")]),
                body,
                false,
            )]));
        } else {
            out.push(advance(self));
        }
        if self.rng.chance(50) {
            out.push(advance(self));
        }
        out
    }

    fn while_stmt(&mut self) -> Vec<Node> {
        let w = self.fresh("w");
        let bound = self.rng.range(1, 4);
        let init = line(lit(&format!("{w} = 0")));
        self.bind(&w, Ty::Int, true);
        let head = if self.rng.chance(50) {
            let c = self.cond();
            cat(vec![
                t(&format!("while {w} < {bound} and ")),
                s(c.paren()),
                t(":"),
            ])
        } else {
            lit(&format!("while {w} < {bound}:"))
        };
        let mut body = vec![line(lit(&format!("{w} += 1")))];
        body.extend(self.scoped(|g| g.in_loop(|g| g.body(3))));
        let mut clauses = vec![clause(head, body, false)];
        if self.rng.chance(20) {
            let body = self.scoped(|g| g.body(2));
            clauses.push(clause(lit("else:"), body, true));
        }
        vec![init, Node::Block(clauses)]
    }

    fn try_stmt(&mut self) -> Node {
        let body = self.scoped(|g| {
            // The risky statement uses only names bound before the `try`.
            let risky = if g.rng.chance(50) {
                Some(g.risky())
            } else {
                None
            };
            g.in_try += 1;
            let mut b = g.body(3);
            g.in_try -= 1;
            if let Some(r) = risky {
                b.insert(g.rng.below(b.len() + 1), r);
            }
            b
        });
        let mut clauses = vec![clause(lit("try:"), body, false)];
        let handlers = self.rng.below(3);
        for _ in 0..handlers {
            let ty = self.rng.pick(&[
                "ValueError",
                "ZeroDivisionError",
                "KeyError",
                "IndexError",
                "TypeError",
                "Exception",
                "(ValueError, KeyError)",
                "(IndexError, ZeroDivisionError)",
                "ToolError",
                "(ToolError, KeyError)",
                "AssertionError",
                "",
            ]);
            let named = !ty.is_empty() && self.rng.chance(60);
            let e = self.fresh("e");
            let head = if ty.is_empty() {
                lit("except:")
            } else if named {
                lit(&format!("except {ty} as {e}:"))
            } else {
                lit(&format!("except {ty}:"))
            };
            let body = self.scoped(|g| {
                if named {
                    g.bind(&e, Ty::Exc, true);
                }
                let mut b = g.body(2);
                if g.rng.chance(15) {
                    // Re-raised, sometimes.
                    let c = g.cond();
                    b.push(Node::Block(vec![clause(
                        cat(vec![t("if "), s(c), t(":")]),
                        vec![line(lit("raise"))],
                        false,
                    )]));
                }
                b
            });
            clauses.push(clause(head, body, handlers > 1));
        }
        if handlers > 0 && self.rng.chance(25) {
            let body = self.scoped(|g| g.body(2));
            clauses.push(clause(lit("else:"), body, true));
        }
        if handlers == 0 || self.rng.chance(30) {
            let mut body = self.scoped(|g| g.body(2));
            let (loops, ret) = (self.frame().loops, self.frame().ret);
            if loops > 0 && self.rng.chance(35) {
                let c = self.cond();
                let j = self.rng.pick(&["break", "continue"]);
                body.push(Node::Block(vec![clause(
                    cat(vec![t("if "), s(c), t(":")]),
                    vec![line(lit(j))],
                    false,
                )]));
            } else if let Some(ret) = ret {
                if self.rng.chance(30) {
                    let e = self.expr(ret, 1);
                    body.push(line(cat(vec![t("return "), s(e)])));
                }
            }
            clauses.push(clause(lit("finally:"), body, handlers > 0));
        }
        Node::Block(clauses)
    }

    /// A statement that may raise depending on the data.
    fn risky(&mut self) -> Node {
        let name = self.fresh("n");
        let e = match self.rng.below(7) {
            0 => {
                let s = self.expr(Ty::Str, 1);
                call("int", vec![s])
            }
            1 => {
                let a = self.expr(Ty::Int, 1);
                let x = self.sized();
                let k = self.expr(Ty::Int, 0);
                cat(vec![
                    s(a.paren()),
                    t(" // (len("),
                    s(x),
                    t(") - "),
                    s(k.paren()),
                    t(")"),
                ])
            }
            2 => {
                let l = self.expr(Ty::LStr, 1);
                let x = self.expr(Ty::Str, 1);
                method(l, "index", vec![x])
            }
            3 => {
                let d = self.expr(Ty::DInt, 1);
                let k = self.expr(Ty::Str, 1);
                index(d, k)
            }
            4 => {
                let r = self.expr(Ty::Rec, 1);
                index(r, lit("'n'"))
            }
            5 => {
                let l = self.expr(Ty::LInt, 1);
                let i = self.expr(Ty::Int, 1);
                index(l, i)
            }
            _ => {
                let a = self.expr(Ty::Int, 1);
                let b = self.expr(Ty::Int, 1);
                binop(a, "%", b)
            }
        };
        // The name is bound only when the statement did not raise: not visible afterwards
        // (the enclosing `try` body is a scope of its own).
        line(cat(vec![t(&name), t(" = "), s(e)]))
    }

    fn def_stmt(&mut self) -> Node {
        let name = self.fresh("f");
        let ret = self
            .rng
            .pick(&[Ty::Str, Ty::Str, Ty::Int, Ty::Bool, Ty::LStr, Ty::Rec]);
        let nparams = self.rng.below(3);
        let mut params = Vec::new();
        let mut head = vec![t(&format!("def {name}("))];
        let required = self.rng.below(nparams + 1);
        for i in 0..nparams {
            let ty = self
                .rng
                .pick(&[Ty::Str, Ty::Str, Ty::Int, Ty::LStr, Ty::Rec]);
            let p = self.fresh("p");
            if i > 0 {
                head.push(t(", "));
            }
            head.push(t(&p));
            if i >= required {
                let d = self.expr(ty, 1);
                head.push(t("="));
                head.push(s(d));
            }
            params.push((p, ty));
        }
        head.push(t("):"));
        // A function nested in another may rebind one of its variables through `nonlocal`.
        let nonlocal = if self.level() >= 1 && self.rng.chance(60) {
            self.rebindable(None)
        } else {
            None
        };
        let body = self.scoped(|g| {
            g.frames.push(Frame {
                ret: Some(ret),
                loops: 0,
            });
            // Outer names stay readable (closures); `rebindable` offers only this level's.
            for (p, ty) in &params {
                g.bind(p, *ty, false);
            }
            let mut b = Vec::new();
            if let Some((n, ty)) = &nonlocal {
                g.bind(n, *ty, false);
                b.push(line(cat(vec![t("nonlocal "), t(n)])));
                // Mostly rebound right away, under a condition that may be untrusted.
                if g.rng.chance(70) {
                    let c = g.cond();
                    let e = g.expr(*ty, 1);
                    b.push(Node::Block(vec![clause(
                        cat(vec![t("if "), s(c), t(":")]),
                        vec![line(cat(vec![t(n), t(" = "), s(e)]))],
                        false,
                    )]));
                }
            }
            b.extend(g.body(4));
            if g.rng.chance(85) {
                let e = g.expr(ret, 2);
                b.push(line(cat(vec![t("return "), s(e)])));
            }
            g.frames.pop();
            b
        });
        self.funcs.push(Func {
            name: name.clone(),
            params,
            required,
            ret,
        });
        Node::Block(vec![clause(cat(head), body, false)])
    }

    fn lambda_stmt(&mut self) -> Node {
        let name = self.fresh("lam");
        let pty = self.rng.pick(&[Ty::Str, Ty::Int, Ty::Rec]);
        let ret = self.rng.pick(&[Ty::Str, Ty::Int, Ty::Bool]);
        let p = self.fresh("a");
        let body = self.scoped(|g| {
            g.bind(&p, pty, true);
            g.expr(ret, 2)
        });
        self.funcs.push(Func {
            name: name.clone(),
            params: vec![(p.clone(), pty)],
            required: 1,
            ret,
        });
        line(cat(vec![t(&format!("{name} = lambda {p}: ")), s(body)]))
    }

    fn mutation(&mut self) -> Node {
        for _ in 0..6 {
            let ty = self.rng.pick(&[
                Ty::LStr,
                Ty::LStr,
                Ty::LStr,
                Ty::LInt,
                Ty::DStr,
                Ty::DStr,
                Ty::DInt,
                Ty::Rec,
                Ty::SetStr,
                Ty::LLStr,
                Ty::Model,
            ]);
            let Some(v) = self.var_of(ty) else { continue };
            let v = lit(&v);
            let e = match ty {
                Ty::LStr | Ty::LInt => {
                    let item = if ty == Ty::LStr { Ty::Str } else { Ty::Int };
                    match self.rng.below(14) {
                        0 | 1 => {
                            let x = self.value(item);
                            method(v, "append", vec![x])
                        }
                        2 => {
                            let x = self.expr(ty, 1);
                            method(v, "extend", vec![x])
                        }
                        3 => {
                            let i = self.expr(Ty::Int, 1);
                            let x = self.value(item);
                            method(v, "insert", vec![i, x])
                        }
                        4 => method(v, "pop", vec![]),
                        5 => {
                            let i = self.index_into(&v);
                            method(v, "pop", vec![i])
                        }
                        6 => {
                            let x = self.value(item);
                            if self.rng.chance(50) {
                                return Node::Block(vec![clause(
                                    cat(vec![
                                        t("if "),
                                        s(x.clone()),
                                        t(" in "),
                                        s(v.clone()),
                                        t(":"),
                                    ]),
                                    vec![line(method(v, "remove", vec![x]))],
                                    false,
                                )]);
                            }
                            method(v, "remove", vec![x])
                        }
                        7 => {
                            if self.rng.chance(50) {
                                method(v, "sort", vec![])
                            } else {
                                method(v, "sort", vec![lit("reverse=True")])
                            }
                        }
                        8 => method(v, "reverse", vec![]),
                        9 | 10 => {
                            let i = self.index_into(&v);
                            let x = self.value(item);
                            cat(vec![s(index(v, i)), t(" = "), s(x)])
                        }
                        11 => {
                            let i = self.index_into(&v);
                            cat(vec![t("del "), s(index(v, i))])
                        }
                        12 => {
                            // Slice assignment: any number of items, from a bound that
                            // may be untrusted.
                            let a = self.expr(Ty::Int, 0);
                            let x = self.expr(ty, 1);
                            cat(vec![s(v), t("["), s(a), t(":] = "), s(x)])
                        }
                        _ => {
                            let x = self.value(item);
                            let i = self.expr(Ty::Int, 0);
                            // (`v +=` would make `v` local inside a function.)
                            let n = cat(vec![t("["), s(x), t("] * min(max("), s(i), t(", 0), 2)")]);
                            method(v, "extend", vec![n])
                        }
                    }
                }
                Ty::DStr | Ty::DInt | Ty::Rec => {
                    let val = match ty {
                        Ty::DStr => Ty::Str,
                        Ty::DInt => Ty::Int,
                        _ => self.rng.pick(&[Ty::Str, Ty::Int]),
                    };
                    let key = if ty == Ty::Rec {
                        if val == Ty::Str {
                            lit(self.rng.pick(&["'to'", "'email'", "'body'"]))
                        } else {
                            lit(self.rng.pick(&["'n'", "'id'"]))
                        }
                    } else {
                        self.key()
                    };
                    match self.rng.below(7) {
                        0..=2 => {
                            let x = self.value(val);
                            cat(vec![s(index(v, key)), t(" = "), s(x)])
                        }
                        3 => cat(vec![t("del "), s(index(v, key))]),
                        4 => {
                            let x = self.expr(val, 1);
                            method(v, "setdefault", vec![key, x])
                        }
                        5 if ty != Ty::Rec => {
                            let x = self.expr(ty, 1);
                            method(v, "update", vec![x])
                        }
                        _ => method(v, "pop", vec![key, lit("None")]),
                    }
                }
                Ty::SetStr => {
                    let x = self.value(Ty::Str);
                    let m = self.rng.pick(&["add", "discard", "add"]);
                    method(v, m, vec![x])
                }
                Ty::LLStr => {
                    let i = self.index_into(&v);
                    let inner = index(v, i);
                    if self.rng.chance(50) {
                        let x = self.value(Ty::Str);
                        method(inner, "append", vec![x])
                    } else {
                        let j = self.expr(Ty::Int, 0);
                        let x = self.value(Ty::Str);
                        cat(vec![s(index(inner, j)), t(" = "), s(x)])
                    }
                }
                _ => {
                    if self.rng.chance(60) {
                        let x = self.expr(Ty::Str, 2);
                        cat(vec![s(attr(v, "to")), t(" = "), s(x)])
                    } else {
                        let x = self.expr(Ty::Int, 1);
                        cat(vec![s(attr(v, "n")), t(" = "), s(x)])
                    }
                }
            };
            return line(e);
        }
        line(self.sink())
    }

    /// An index into the list named by `v`: often data-dependent, sometimes out of range.
    fn index_into(&mut self, v: &Expr) -> Expr {
        let i = if self.rng.chance(50) {
            self.data(Ty::Int)
        } else {
            self.expr(Ty::Int, 1)
        };
        match self.rng.below(10) {
            0 => i,
            _ => cat(vec![
                s(i.paren()),
                t(" % max(len("),
                s(v.clone()),
                t("), 1)"),
            ]),
        }
    }

    /// An index that is usually in range of a short list.
    fn small_index(&mut self) -> Expr {
        if self.rng.chance(70) {
            lit(self.rng.pick(&["0", "-1", "0"]))
        } else {
            self.expr(Ty::Int, 0)
        }
    }

    fn key(&mut self) -> Expr {
        match self.rng.below(10) {
            0..=3 => lit(self.rng.pick(&["'to'", "'cc'", "'k'", "'bob@corp.com'"])),
            4..=6 => self.data(Ty::Str),
            _ => self.expr(Ty::Str, 1),
        }
    }

    /// An expression reading the data of a record variable (a tool's answer or the
    /// secret): what conditions, indexes and keys depend on.
    fn data(&mut self, ty: Ty) -> Expr {
        let Some(r) = self.var_of(Ty::Rec) else {
            return self.expr(ty, 1);
        };
        let r = lit(&r);
        let e = match ty {
            Ty::Int => match self.rng.below(4) {
                0 | 1 => index(r, lit("'n'")),
                2 => call("len", vec![index(r, lit("'items'"))]),
                _ => method(r, "get", vec![lit("'id'"), lit("0")]),
            },
            Ty::Str => match self.rng.below(4) {
                0 | 1 => index(r, lit("'to'")),
                2 => index(r, lit("'email'")),
                _ => method(r, "get", vec![lit("'body'"), lit("''")]),
            },
            Ty::Bool => match self.rng.below(6) {
                0 => {
                    let k = lit(self.rng.pick(&["0", "1", "2", "3"]));
                    binop(
                        index(r, lit("'n'")),
                        self.rng.pick(&[">", "==", "<", "!="]),
                        k,
                    )
                }
                1 => binop(
                    index(r, lit("'to'")),
                    self.rng.pick(&["==", "!="]),
                    lit(self.rng.pick(STR_LITS)),
                ),
                2 => binop(lit(self.rng.pick(STR_LITS)), "in", index(r, lit("'items'"))),
                3 => method(index(r, lit("'to'")), "startswith", vec![lit("'b'")]),
                4 => binop(
                    call("len", vec![index(r, lit("'items'"))]),
                    ">",
                    lit(self.rng.pick(&["0", "1", "2"])),
                ),
                _ => binop(method(r, "get", vec![lit("'n'"), lit("0")]), "%", lit("2")),
            },
            _ => return self.expr(ty, 1),
        };
        e.typed(ty.tag(), ty.fallback())
    }

    /// An expression whose `len` is defined.
    fn sized(&mut self) -> Expr {
        let ty = self.rng.pick(&[
            Ty::Str,
            Ty::LStr,
            Ty::LInt,
            Ty::DStr,
            Ty::Rec,
            Ty::LRec,
            Ty::SetStr,
        ]);
        self.expr(ty, 1)
    }

    /// A recipient: mostly a variable or a literal, sometimes computed, sometimes a list.
    fn recipient(&mut self) -> Expr {
        match self.rng.below(20) {
            0..=6 => match self.var_of(Ty::Str) {
                Some(v) => lit(&v).typed("str", "'x'"),
                None => lit(self.rng.pick(RECIPIENTS)),
            },
            7..=11 => self.element(),
            12 | 13 => lit(self.rng.pick(RECIPIENTS)).typed("str", "'x'"),
            14 | 15 => match self.var_of(Ty::LStr) {
                Some(v) => lit(&v).typed("lstr", "['x']"),
                None => self.expr(Ty::LStr, 1),
            },
            _ => self.expr(Ty::Str, 1),
        }
    }

    /// A string taken out of a container variable: what a label must keep apart from the
    /// rest of the container.
    fn element(&mut self) -> Expr {
        for _ in 0..4 {
            let ty = self
                .rng
                .pick(&[Ty::LStr, Ty::LStr, Ty::DStr, Ty::Rec, Ty::LLStr, Ty::Model]);
            let Some(v) = self.var_of(ty) else { continue };
            let v = lit(&v);
            let e = match ty {
                Ty::LStr => index(v, lit(self.rng.pick(&["0", "-1"]))),
                Ty::DStr => {
                    if self.rng.chance(50) {
                        method(v, "get", vec![lit("'to'"), lit("'carol@corp.com'")])
                    } else {
                        method(v, "get", vec![lit("'cc'"), lit("'bob@corp.com'")])
                    }
                }
                Ty::Rec => index(v, lit("'to'")),
                Ty::LLStr => index(index(v, lit("0")), lit(self.rng.pick(&["0", "-1"]))),
                _ => attr(v, "to"),
            };
            return e.typed("str", "'x'");
        }
        self.expr(Ty::Str, 1)
    }

    /// Elements of the module's containers taken out into variables at the end: each one is
    /// compared between the two runs like a sink's argument.
    fn element_probes(&mut self) -> Vec<Node> {
        let conts: Vec<(String, Ty)> = self
            .vars
            .iter()
            .filter(|v| v.level == 0)
            .filter(|v| {
                matches!(
                    v.ty,
                    Ty::LStr | Ty::LInt | Ty::DStr | Ty::DInt | Ty::Rec | Ty::LLStr | Ty::Model
                )
            })
            .map(|v| (v.name.clone(), v.ty))
            .collect();
        let mut out = Vec::new();
        for (v, ty) in conts {
            let forms: Vec<String> = match ty {
                Ty::LStr | Ty::LInt => vec![
                    format!("{v}[0] if {v} else None"),
                    format!("{v}[-1] if {v} else None"),
                ],
                Ty::DStr | Ty::DInt => vec![
                    format!("{v}.get('to')"),
                    format!("{v}.get('cc')"),
                    format!("{v}.get('k')"),
                ],
                Ty::Rec => vec![
                    format!("{v}.get('to') if isinstance({v}, dict) else None"),
                    format!("{v}.get('n') if isinstance({v}, dict) else None"),
                ],
                Ty::LLStr => vec![format!("{v}[0][-1] if {v} and {v}[0] else None")],
                _ => vec![format!("{v}.to")],
            };
            for f in forms {
                if self.rng.chance(60) {
                    let q = self.fresh("q");
                    out.push(line(lit(&format!("{q} = {f}"))));
                }
            }
        }
        out
    }

    /// Sinks at the end of a plan, reading the final state of its variables.
    fn probes(&mut self) -> Vec<Node> {
        // The variables at the end are compared anyway; a denied sink here would hide them.
        let n = usize::from(self.rng.chance(30));
        let mut out = Vec::new();
        for _ in 0..n {
            let e = match self.rng.below(6) {
                0..=2 => {
                    let to = self.recipient();
                    call("send", vec![to, lit("'done'")])
                }
                3 => {
                    let iban = self.recipient();
                    let amount = self.expr(Ty::Int, 0);
                    call("pay", vec![iban, amount])
                }
                4 => {
                    let x = self.element();
                    call("post", vec![x])
                }
                _ => {
                    let ty = self.rng.pick(&[Ty::Str, Ty::Int, Ty::LStr, Ty::Bool]);
                    let x = self.expr(ty, 0);
                    call("post", vec![call("str", vec![x])])
                }
            };
            out.push(line(e));
        }
        out
    }

    /// A call of a sink (`send`, `pay`, `post`, `log`), in one of the calling forms.
    fn sink(&mut self) -> Expr {
        let (tool, names, args): (&str, Vec<&str>, Vec<Expr>) =
            match self.rng.weighted(&[5, 2, 3, 2]) {
                0 => {
                    let to = self.recipient();
                    let body = self.expr(Ty::Str, 1);
                    ("send", vec!["to", "body"], vec![to, body])
                }
                1 => {
                    let iban = if self.rng.chance(50) {
                        lit(self.rng.pick(&["'DE00 1234'", "'bob@corp.com'", "'149'"]))
                    } else {
                        self.recipient()
                    };
                    let amount = self.expr(Ty::Int, 1);
                    ("pay", vec!["iban", "amount"], vec![iban, amount])
                }
                2 => {
                    let x = self.expr(Ty::Str, 2);
                    ("post", vec!["text"], vec![x])
                }
                _ => {
                    let x = self.expr(Ty::Str, 2);
                    ("log", vec!["text"], vec![x])
                }
            };
        match self.rng.below(10) {
            0 | 1 => {
                let mut parts = vec![t(tool), t("(")];
                for (i, (n, a)) in names.iter().zip(args).enumerate() {
                    if i > 0 {
                        parts.push(t(", "));
                    }
                    parts.push(t(&format!("{n}=")));
                    parts.push(s(a));
                }
                parts.push(t(")"));
                cat(parts).atomic()
            }
            2 => {
                let mut parts = vec![t(tool), t("(*[")];
                for (i, a) in args.into_iter().enumerate() {
                    if i > 0 {
                        parts.push(t(", "));
                    }
                    parts.push(s(a));
                }
                parts.push(t("])"));
                cat(parts).atomic()
            }
            3 => {
                let mut parts = vec![t(tool), t("(**{")];
                for (i, (n, a)) in names.iter().zip(args).enumerate() {
                    if i > 0 {
                        parts.push(t(", "));
                    }
                    parts.push(t(&format!("'{n}': ")));
                    parts.push(s(a));
                }
                parts.push(t("})"));
                cat(parts).atomic()
            }
            _ => call(tool, args),
        }
    }

    fn raise_stmt(&mut self) -> Node {
        let kind = self.rng.pick(&[
            "ValueError",
            "KeyError",
            "RuntimeError",
            "IndexError",
            "TypeError",
        ]);
        let msg = match self.rng.below(3) {
            0 => lit("'plain'"),
            1 => {
                let x = self.fexpr(Ty::Str);
                cat(vec![t("f\"bad {"), s(x), t("}\"")]).atomic()
            }
            _ => self.expr(Ty::Str, 1),
        };
        let raise = if self.rng.chance(15) {
            // The class itself chosen by the data.
            let c = self.cond();
            line(cat(vec![
                t(&format!("raise ({kind} if ")),
                s(c.paren()),
                t(" else KeyError)("),
                s(msg),
                t(")"),
            ]))
        } else {
            line(cat(vec![t(&format!("raise {kind}(")), s(msg), t(")")]))
        };
        if self.rng.chance(75) {
            let c = self.cond();
            Node::Block(vec![clause(
                cat(vec![t("if "), s(c), t(":")]),
                vec![raise],
                false,
            )])
        } else {
            raise
        }
    }

    fn jump(&mut self) -> Node {
        let j = self.rng.pick(&["break", "continue"]);
        let c = self.cond();
        Node::Block(vec![clause(
            cat(vec![t("if "), s(c), t(":")]),
            vec![line(lit(j))],
            false,
        )])
    }

    fn return_stmt(&mut self) -> Node {
        let ret = self.frame().ret.expect("in a function");
        let e = self.expr(ret, 1);
        let r = line(cat(vec![t("return "), s(e)]));
        if self.rng.chance(80) {
            let c = self.cond();
            Node::Block(vec![clause(
                cat(vec![t("if "), s(c), t(":")]),
                vec![r],
                false,
            )])
        } else {
            r
        }
    }

    fn alias(&mut self) -> Node {
        match self.rng.below(3) {
            0 => {
                // Another name for an existing container.
                for _ in 0..4 {
                    let ty = self
                        .rng
                        .pick(&[Ty::LStr, Ty::DStr, Ty::Rec, Ty::LLStr, Ty::LInt]);
                    if let Some(v) = self.var_of(ty) {
                        let name = self.fresh(ty.prefix());
                        self.bind(&name, ty, false);
                        return line(lit(&format!("{name} = {v}")));
                    }
                }
                self.new_var()
            }
            1 => {
                // A list holding existing lists (aliases of nested containers).
                let a = self.expr(Ty::LStr, 0);
                let b = self.expr(Ty::LStr, 0);
                let name = self.fresh("nest");
                self.bind(&name, Ty::LLStr, false);
                line(cat(vec![
                    t(&format!("{name} = [")),
                    s(a),
                    t(", "),
                    s(b),
                    t("]"),
                ]))
            }
            _ => {
                // A record holding an existing list.
                let l = self.expr(Ty::LStr, 0);
                let to = self.expr(Ty::Str, 0);
                let name = self.fresh("r");
                self.bind(&name, Ty::Rec, false);
                line(cat(vec![
                    t(&format!("{name} = {{'to': ")),
                    s(to),
                    t(", 'body': 'x', 'id': 1, 'items': "),
                    s(l),
                    t(", 'email': 'x', 'n': 2}"),
                ]))
            }
        }
    }

    fn expr_stmt(&mut self) -> Node {
        match self.rng.below(9) {
            8 => {
                // One of two plan functions, chosen by the data, then called.
                let cands: Vec<Func> = self
                    .funcs
                    .iter()
                    .filter(|f| f.required == 0)
                    .cloned()
                    .collect();
                if cands.len() < 2 {
                    return line(self.sink());
                }
                let f1 = cands[self.rng.below(cands.len())].name.clone();
                let f2 = cands[self.rng.below(cands.len())].name.clone();
                let c = self.cond();
                let chosen = if self.rng.chance(50) {
                    cat(vec![
                        t(&format!("({f1} if ")),
                        s(c.paren()),
                        t(&format!(" else {f2})()")),
                    ])
                } else {
                    let i = self.data(Ty::Int);
                    cat(vec![
                        t(&format!("[{f1}, {f2}][")),
                        s(i.paren()),
                        t(" % 2]()"),
                    ])
                };
                line(chosen.atomic())
            }
            5 => {
                // An effect on the right of `and` / `or`.
                let c = self.cond();
                let effect = match self.var_of(Ty::LStr) {
                    Some(acc) if self.rng.chance(60) => {
                        let v = self.expr(Ty::Str, 1);
                        method(lit(&acc), "append", vec![v])
                    }
                    _ => match self.func_call(None) {
                        Some(e) => e,
                        None => self.sink(),
                    },
                };
                line(binop(c, self.rng.pick(&["and", "or"]), effect))
            }
            6 => {
                // Functions called from a list whose length the data decides.
                let Some(f) = self.funcs.iter().rev().find(|f| f.required <= 1).cloned() else {
                    return line(self.sink());
                };
                let g = self.fresh("g");
                let c = self.cond();
                let args: Vec<Expr> = f.params[..f.required]
                    .iter()
                    .map(|(_, ty)| self.expr(*ty, 1))
                    .collect();
                Node::Block(vec![clause(
                    cat(vec![
                        t(&format!("for {g} in ([{}] if ", f.name)),
                        s(c.paren()),
                        t(" else []):"),
                    ]),
                    vec![line(call(&g, args))],
                    false,
                )])
            }
            7 => {
                // A function that mutates what it is given, called on a container.
                let Some(v) = self.var_of(Ty::LStr) else {
                    return line(self.sink());
                };
                let x = self.expr(Ty::Str, 1);
                let e = cat(vec![
                    t("(lambda l, v: l.append(v) or l.pop(0))("),
                    s(lit(&v)),
                    t(", "),
                    s(x),
                    t(")"),
                ])
                .atomic();
                if self.rng.chance(50) {
                    line(e)
                } else {
                    let c = self.cond();
                    Node::Block(vec![clause(
                        cat(vec![t("if "), s(c), t(":")]),
                        vec![line(e)],
                        false,
                    )])
                }
            }
            0 => {
                // A comprehension for its side effects.
                let Some(acc) = self.var_of(Ty::LStr) else {
                    return line(self.sink());
                };
                let x = self.fresh("x");
                let it = self.expr(Ty::LStr, 1);
                let (val, c) = self.scoped(|g| {
                    g.bind(&x, Ty::Str, true);
                    (g.expr(Ty::Str, 1), g.expr(Ty::Bool, 1))
                });
                line(cat(vec![
                    t(&format!("[{acc}.append(")),
                    s(val),
                    t(&format!(") for {x} in ")),
                    s(it),
                    t(" if "),
                    s(c.paren()),
                    t("]"),
                ]))
            }
            1 => {
                // Sinks called from a comprehension or map.
                let x = self.fresh("x");
                let it = self.expr(Ty::LStr, 1);
                let (call_e, c) = self.scoped(|g| {
                    g.bind(&x, Ty::Str, true);
                    let body = g.expr(Ty::Str, 0);
                    let e = match g.rng.below(3) {
                        0 => call("send", vec![lit(&x), body]),
                        1 => call("post", vec![lit(&x)]),
                        _ => call("log", vec![body]),
                    };
                    (e, g.expr(Ty::Bool, 1))
                });
                if self.rng.chance(50) {
                    line(cat(vec![
                        t("["),
                        s(call_e),
                        t(&format!(" for {x} in ")),
                        s(it),
                        t(" if "),
                        s(c.paren()),
                        t("]"),
                    ]))
                } else {
                    line(cat(vec![
                        t(&format!("list(map(lambda {x}: ")),
                        s(call_e),
                        t(", "),
                        s(it),
                        t("))"),
                    ]))
                }
            }
            2 => {
                // A plan function called for its effects.
                match self.func_call(None) {
                    Some(e) => line(e),
                    None => line(self.sink()),
                }
            }
            3 => {
                let q = self.expr(Ty::Str, 1);
                line(call(self.rng.pick(&["fetch", "search"]), vec![q]))
            }
            _ => line(self.sink()),
        }
    }

    // ---- expressions ----

    /// An expression of type `ty`, at most `d` levels deep.
    fn expr(&mut self, ty: Ty, d: u32) -> Expr {
        let e = if d == 0 || self.rng.chance(25) {
            self.atom(ty)
        } else {
            self.compound(ty, d - 1)
        };
        e.typed(ty.tag(), ty.fallback())
    }

    fn atom(&mut self, ty: Ty) -> Expr {
        if self.rng.chance(75) {
            if let Some(v) = self.var_of(ty) {
                return lit(&v);
            }
        }
        self.literal(ty)
    }

    fn literal(&mut self, ty: Ty) -> Expr {
        match ty {
            Ty::Str => lit(self.rng.pick(STR_LITS)),
            Ty::Int => lit(self.rng.pick(INT_LITS)),
            Ty::Bool => lit(self.rng.pick(&["True", "False"])),
            Ty::LStr => {
                let n = self.rng.below(4);
                let items = (0..n).map(|_| lit(self.rng.pick(STR_LITS))).collect();
                display("[", items, "]")
            }
            Ty::LInt => {
                let n = self.rng.below(4);
                let items = (0..n).map(|_| lit(self.rng.pick(INT_LITS))).collect();
                display("[", items, "]")
            }
            Ty::LLStr => lit("[['bob@corp.com'], ['carol@corp.com', 'x']]"),
            Ty::Rec => call(
                "fetch",
                vec![lit(self.rng.pick(&["'news'", "'q'", "'mail'"]))],
            ),
            Ty::LRec => call("search", vec![lit(self.rng.pick(&["'news'", "'q'"]))]),
            Ty::DStr => lit(self.rng.pick(&[
                "{}",
                "{'to': 'bob@corp.com'}",
                "{'k': 'x', 'cc': 'carol@corp.com'}",
            ])),
            Ty::DInt => lit(self
                .rng
                .pick(&["{}", "{'k': 1}", "{'bob@corp.com': 2, 'x': 0}"])),
            Ty::SetStr => {
                lit(self
                    .rng
                    .pick(&["set()", "{'bob@corp.com'}", "{'x', 'carol@corp.com'}"]))
            }
            Ty::Model => {
                if self.has_model {
                    lit("M1(to='bob@corp.com', n=1)")
                } else {
                    lit("{}")
                }
            }
            Ty::Tup => lit(self.rng.pick(&["('bob@corp.com', 1)", "('x', 0)"])),
            Ty::Exc => lit("ValueError('x')"),
        }
    }

    /// An atom or a subscript of a variable: safe inside an f-string.
    fn fexpr(&mut self, ty: Ty) -> Expr {
        if ty == Ty::Str && self.rng.chance(30) {
            if let Some(r) = self.var_of(Ty::Rec) {
                return index(lit(&r), lit("'to'")).typed("str", "'x'");
            }
        }
        self.atom(ty).typed(ty.tag(), ty.fallback())
    }

    fn compound(&mut self, ty: Ty, d: u32) -> Expr {
        match ty {
            Ty::Str => self.gen_str(d),
            Ty::Int => self.gen_int(d),
            Ty::Bool => self.gen_bool(d),
            Ty::LStr => self.gen_lstr(d),
            Ty::LInt => self.gen_lint(d),
            Ty::LLStr => self.gen_llstr(d),
            Ty::Rec => self.gen_rec(d),
            Ty::LRec => self.gen_lrec(d),
            Ty::DStr => self.gen_dstr(d),
            Ty::DInt => self.gen_dint(d),
            Ty::SetStr => self.gen_set(d),
            Ty::Model => self.gen_model(d),
            Ty::Tup => {
                let a = self.expr(Ty::Str, d);
                let b = self.expr(Ty::Int, d);
                display("(", vec![a, b], ")")
            }
            Ty::Exc => self.atom(Ty::Exc),
        }
    }

    /// A call of a plan function returning `ret` (any return type when `None`).
    fn func_call(&mut self, ret: Option<Ty>) -> Option<Expr> {
        let cands: Vec<Func> = self
            .funcs
            .iter()
            .filter(|f| ret.is_none_or(|r| f.ret == r))
            .cloned()
            .collect();
        if cands.is_empty() {
            return None;
        }
        let f = cands[self.rng.below(cands.len())].clone();
        Some(self.call_func(&f))
    }

    /// A call of `f` in one of the calling forms.
    fn call_func(&mut self, f: &Func) -> Expr {
        let n = f.required + self.rng.below(f.params.len() - f.required + 1);
        let args: Vec<(String, Expr)> = f.params[..n]
            .iter()
            .map(|(p, ty)| (p.clone(), self.expr(*ty, 1)))
            .collect();
        match self.rng.below(6) {
            0 if !args.is_empty() => {
                let mut parts = vec![t(&f.name), t("(*(")];
                for (_, a) in args {
                    parts.push(s(a));
                    parts.push(t(", "));
                }
                parts.push(t("))"));
                cat(parts).atomic()
            }
            1 if !args.is_empty() => {
                let mut parts = vec![t(&f.name), t("(**{")];
                for (i, (p, a)) in args.into_iter().enumerate() {
                    if i > 0 {
                        parts.push(t(", "));
                    }
                    parts.push(t(&format!("'{p}': ")));
                    parts.push(s(a));
                }
                parts.push(t("})"));
                cat(parts).atomic()
            }
            2 => {
                let mut parts = vec![t(&f.name), t("(")];
                for (i, (p, a)) in args.into_iter().enumerate() {
                    if i > 0 {
                        parts.push(t(", "));
                    }
                    parts.push(t(&format!("{p}=")));
                    parts.push(s(a));
                }
                parts.push(t(")"));
                cat(parts).atomic()
            }
            _ => call(&f.name, args.into_iter().map(|(_, a)| a).collect()),
        }
    }

    /// A one-argument function of a `from` value returning `to`, as an expression: a
    /// lambda, a builtin or a plan function.
    fn unary_fn(&mut self, from: Ty, to: Ty, d: u32) -> Expr {
        let cands: Vec<String> = self
            .funcs
            .iter()
            .filter(|f| {
                f.ret == to && f.required <= 1 && f.params.first().is_some_and(|p| p.1 == from)
            })
            .map(|f| f.name.clone())
            .collect();
        if !cands.is_empty() && self.rng.chance(40) {
            return lit(&cands[self.rng.below(cands.len())]);
        }
        if from == Ty::Str && to == Ty::Int && self.rng.chance(30) {
            return lit("len");
        }
        if from == Ty::Str && to == Ty::Str && self.rng.chance(30) {
            return lit(self.rng.pick(&["str.upper", "str.strip", "str.lower"]));
        }
        let p = self.fresh("a");
        let body = self.scoped(|g| {
            g.bind(&p, from, true);
            g.expr(to, d)
        });
        cat(vec![t(&format!("lambda {p}: ")), s(body)])
    }

    /// `[elem for x in it if cond]` and friends: `elem` is built by `f` with `x` bound.
    fn comprehension(
        &mut self,
        open: &str,
        close: &str,
        from: Ty,
        it: Expr,
        d: u32,
        f: impl FnOnce(&mut Gen, &str) -> Vec<Part>,
    ) -> Expr {
        let x = self.fresh("x");
        let (elem, c) = self.scoped(|g| {
            g.bind(&x, from, true);
            let elem = f(g, &x);
            let c = if g.rng.chance(50) {
                Some(g.expr(Ty::Bool, d))
            } else {
                None
            };
            (elem, c)
        });
        let mut parts = vec![t(open)];
        parts.extend(elem);
        parts.push(t(&format!(" for {x} in ")));
        parts.push(s(it.paren()));
        if let Some(c) = c {
            parts.push(t(" if "));
            parts.push(s(c.paren()));
        }
        parts.push(t(close));
        cat(parts).atomic()
    }

    fn gen_str(&mut self, d: u32) -> Expr {
        loop {
            match self.rng.below(26) {
                0 | 1 => {
                    let r = self.expr(Ty::Rec, d);
                    return index(r, lit(self.rng.pick(&["'to'", "'email'", "'body'"])));
                }
                2 => {
                    let r = self.expr(Ty::Rec, d);
                    let dflt = self.expr(Ty::Str, d);
                    return method(
                        r,
                        "get",
                        vec![lit(self.rng.pick(&["'to'", "'email'"])), dflt],
                    );
                }
                3 if self.has_model => {
                    let m = self.expr(Ty::Model, d);
                    return attr(m, "to");
                }
                4 => {
                    let x = self.expr(Ty::Str, d);
                    return method(
                        x,
                        self.rng.pick(&["upper", "lower", "strip", "title"]),
                        vec![],
                    );
                }
                5 => {
                    let x = self.expr(Ty::Str, d);
                    let a = lit(self.rng.pick(&["'@'", "'corp'", "'evil'", "'x'"]));
                    let b = self.expr(Ty::Str, d);
                    return method(x, "replace", vec![a, b]);
                }
                6 => {
                    let x = self.expr(Ty::Str, d);
                    let (sep, i) =
                        self.rng
                            .pick(&[("'@'", "0"), ("'@'", "-1"), ("','", "0"), ("','", "-1")]);
                    if self.rng.chance(30) {
                        // The separator and the count given by name, either of them data,
                        // often cutting the plan's own recipients: which one comes out is
                        // decided by the arguments alone.
                        let x = if self.rng.chance(50) {
                            lit("'bob@corp.com,carol@corp.com'")
                        } else {
                            x
                        };
                        let y = self.expr(Ty::Str, d);
                        let n = self.expr(Ty::Int, d);
                        let args = vec![
                            named("sep", binop(y, "or", lit(sep))),
                            named("maxsplit", binop(n, "%", lit("3"))),
                        ];
                        return index(method(x, "split", args), lit(i));
                    }
                    return index(method(x, "split", vec![lit(sep)]), lit(i));
                }
                7 => {
                    let a = self.expr(Ty::Str, d);
                    let b = self.expr(Ty::Str, d);
                    return binop(a, "+", b);
                }
                8 => {
                    let a = self.fexpr(Ty::Str);
                    let bt = self.rng.pick(&[Ty::Str, Ty::Int]);
                    let b = self.fexpr(bt);
                    let conv = self.rng.pick(&["", "", "!r", ":>3"]);
                    return cat(vec![
                        t("f\"{"),
                        s(a),
                        t("}:{"),
                        s(b),
                        t(&format!("{conv}}}\"")),
                    ])
                    .atomic();
                }
                9 => {
                    let n = self.expr(Ty::Int, d);
                    return call("str", vec![n]);
                }
                10 => {
                    let a = self.expr(Ty::Str, d);
                    let c = self.expr(Ty::Bool, d);
                    let b = self.expr(Ty::Str, d);
                    return cat(vec![
                        s(a.paren()),
                        t(" if "),
                        s(c.paren()),
                        t(" else "),
                        s(b.paren()),
                    ]);
                }
                11 => {
                    let l = self.expr(Ty::LStr, d);
                    return method(lit(self.rng.pick(&["', '", "''", "';'"])), "join", vec![l]);
                }
                12 => {
                    let Some(v) = self.var_of(Ty::LStr) else {
                        continue;
                    };
                    let v = lit(&v);
                    let i = self.index_into(&v);
                    return index(v, i);
                }
                13 => {
                    let a = self.expr(Ty::Str, d);
                    let bt = self.rng.pick(&[Ty::Str, Ty::Int]);
                    let b = self.expr(bt, d);
                    return method(lit("'{}-{}'"), "format", vec![a, b]);
                }
                14 => {
                    if let Some(e) = self.func_call(Some(Ty::Str)) {
                        return e;
                    }
                }
                15 => {
                    let a = self.expr(Ty::Str, d);
                    let b = self.expr(Ty::Str, d);
                    return binop(a, self.rng.pick(&["and", "or"]), b);
                }
                16 => {
                    let l = self.expr(Ty::LStr, d);
                    return match self.rng.below(4) {
                        0 => call("max", vec![l, lit("default='x'")]),
                        1 => call("min", vec![l, lit("default='x'")]),
                        2 => index(call("sorted", vec![l]), lit("0")),
                        _ => {
                            let k = self.unary_fn(Ty::Str, Ty::Int, d);
                            call(
                                self.rng.pick(&["max", "min"]),
                                vec![l, cat(vec![t("key="), s(k)])],
                            )
                        }
                    };
                }
                17 => {
                    let dd = self.expr(Ty::DStr, d);
                    let k = self.key();
                    if self.rng.chance(85) {
                        let dflt = self.expr(Ty::Str, 0);
                        return method(dd, "get", vec![k, dflt]);
                    }
                    return index(dd, k);
                }
                18 => {
                    let p = self.expr(Ty::Str, d);
                    return call("query_ai_assistant", vec![p, lit("str")]);
                }
                19 => {
                    // Not of strings: the interpreter does not bound what repr() returns, and
                    // `s = repr(s)` in a loop doubles the escapes each turn (gigabytes).
                    let ty = self.rng.pick(&[Ty::Int, Ty::Bool, Ty::LInt, Ty::DInt]);
                    let x = self.expr(ty, d);
                    return call("repr", vec![x]);
                }
                20 => {
                    let tp = self.expr(Ty::Tup, d);
                    return index(tp, lit("0"));
                }
                21 => {
                    let Some(e) = self.var_of(Ty::Exc) else {
                        continue;
                    };
                    return if self.rng.chance(60) {
                        call("str", vec![lit(&e)])
                    } else {
                        // (`str(e.args)` quotes the message: the same doubling as repr.)
                        cat(vec![
                            t("(str("),
                            s(index(attr(lit(&e), "args"), lit("0"))),
                            t(&format!(") if {e}.args else '')")),
                        ])
                        .atomic()
                    };
                }
                22 => {
                    let l = self.expr(Ty::LStr, d);
                    return if self.rng.chance(70) {
                        call("next", vec![call("iter", vec![l]), lit("'x'")])
                    } else {
                        call("next", vec![call("iter", vec![l])])
                    };
                }
                23 => {
                    let x = self.expr(Ty::Str, d);
                    let a = self.expr(Ty::Int, 0);
                    return cat(vec![s(x.paren()), t("["), s(a), t(":]")]).atomic();
                }
                24 => {
                    if self.rng.chance(30) {
                        return self.sink();
                    }
                }
                _ => {
                    let l = self.expr(Ty::LLStr, d);
                    return index(index(l, lit("0")), lit("0"));
                }
            }
        }
    }

    fn gen_int(&mut self, d: u32) -> Expr {
        loop {
            match self.rng.below(22) {
                0 | 1 => {
                    let r = self.expr(Ty::Rec, d);
                    return index(r, lit(self.rng.pick(&["'n'", "'id'"])));
                }
                2 | 3 => {
                    let x = self.sized();
                    return call("len", vec![x]);
                }
                4 => {
                    let a = self.expr(Ty::Int, d);
                    let b = self.expr(Ty::Int, d);
                    return binop(a, self.rng.pick(&["+", "-", "*"]), b);
                }
                5 => {
                    let a = self.expr(Ty::Int, d);
                    let x = self.sized();
                    let k = self.expr(Ty::Int, 0);
                    return cat(vec![
                        s(a.paren()),
                        t(" // (len("),
                        s(x),
                        t(") - "),
                        s(k.paren()),
                        t(")"),
                    ]);
                }
                6 => {
                    let a = self.expr(Ty::Int, d);
                    if self.rng.chance(30) {
                        // Builtins with arguments given by name, any of them data.
                        let b = self.expr(Ty::Int, d);
                        return if self.rng.chance(50) {
                            let digits = cat(vec![t("-("), s(binop(b, "%", lit("3"))), t(")")]);
                            call("round", vec![a, named("ndigits", digits)])
                        } else {
                            let modulus = binop(binop(b, "%", lit("7")), "+", lit("1"));
                            call(
                                "pow",
                                vec![a, named("exp", lit("2")), named("mod", modulus)],
                            )
                        };
                    }
                    return call("abs", vec![a]);
                }
                7 => {
                    let a = self.expr(Ty::Int, d);
                    let b = self.expr(Ty::Int, d);
                    return call(self.rng.pick(&["min", "max"]), vec![a, b]);
                }
                8 => {
                    let x = self.expr(Ty::Str, d);
                    if self.rng.chance(20) {
                        return call("int", vec![x]);
                    }
                    return cat(vec![
                        s(call("int", vec![x.clone()])),
                        t(" if "),
                        s(method(x, "isdigit", vec![])),
                        t(" else 0"),
                    ]);
                }
                9 => {
                    let l = self.expr(Ty::LInt, d);
                    return match self.rng.below(3) {
                        0 => call("sum", vec![l]),
                        1 => call("max", vec![l, lit("default=0")]),
                        _ => call("min", vec![l, lit("default=0")]),
                    };
                }
                10 => {
                    let x = self.expr(Ty::Str, d);
                    return method(
                        x,
                        self.rng.pick(&["find", "count"]),
                        vec![lit(self.rng.pick(&["'@'", "'o'", "'b'"]))],
                    );
                }
                11 => {
                    let l = self.expr(Ty::LStr, d);
                    let x = self.expr(Ty::Str, d);
                    return method(
                        l,
                        self.rng.pick(&[
                            "count", "count", "count", "count", "count", "count", "index",
                        ]),
                        vec![x],
                    );
                }
                12 => {
                    let a = self.expr(Ty::Int, d);
                    let c = self.expr(Ty::Bool, d);
                    let b = self.expr(Ty::Int, d);
                    return cat(vec![
                        s(a.paren()),
                        t(" if "),
                        s(c.paren()),
                        t(" else "),
                        s(b.paren()),
                    ]);
                }
                13 if self.has_model => {
                    let m = self.expr(Ty::Model, d);
                    return attr(m, "n");
                }
                14 => {
                    let dd = self.expr(Ty::DInt, d);
                    let k = self.key();
                    if self.rng.chance(85) {
                        return method(dd, "get", vec![k, lit("0")]);
                    }
                    return index(dd, k);
                }
                15 => {
                    let p = self.expr(Ty::Str, d);
                    return call("query_ai_assistant", vec![p, lit("int")]);
                }
                16 => {
                    let l = self.expr(Ty::LStr, d);
                    return self.comprehension("sum(", ")", Ty::Str, l, d, |_, _| vec![t("1")]);
                }
                17 => {
                    if let Some(e) = self.func_call(Some(Ty::Int)) {
                        return e;
                    }
                }
                18 => {
                    let tp = self.expr(Ty::Tup, d);
                    return index(tp, lit("1"));
                }
                19 => {
                    let a = self.expr(Ty::Int, d);
                    let b = self.expr(Ty::Int, 0);
                    return binop(a, "%", cat(vec![t("max("), s(b), t(", 1)")]).atomic());
                }
                20 => {
                    let Some(v) = self.var_of(Ty::LInt) else {
                        continue;
                    };
                    let v = lit(&v);
                    let i = self.index_into(&v);
                    return index(v, i);
                }
                _ => {
                    let b = self.expr(Ty::Bool, d);
                    return call("int", vec![b]);
                }
            }
        }
    }

    fn gen_bool(&mut self, d: u32) -> Expr {
        loop {
            match self.rng.below(19) {
                0 | 1 => {
                    let ty = self.rng.pick(&[Ty::Str, Ty::Str, Ty::Int]);
                    let a = self.expr(ty, d);
                    let b = if self.rng.chance(50) {
                        self.literal(ty)
                    } else {
                        self.expr(ty, d)
                    };
                    return binop(a, self.rng.pick(&["==", "!="]), b);
                }
                2 | 3 => {
                    let a = self.expr(Ty::Int, d);
                    let b = self.expr(Ty::Int, d);
                    return binop(a, self.rng.pick(&["<", ">", "<=", ">="]), b);
                }
                4 => {
                    let a = self.expr(Ty::Int, 0);
                    let b = self.expr(Ty::Int, d);
                    let c = self.expr(Ty::Int, 0);
                    return cat(vec![
                        s(a.paren()),
                        t(" <= "),
                        s(b.paren()),
                        t(" < "),
                        s(c.paren()),
                    ]);
                }
                5 | 6 => {
                    let x = self.expr(Ty::Str, d);
                    let (cont, _) = self.rng.pick(&[
                        (Ty::LStr, 0),
                        (Ty::Str, 0),
                        (Ty::DStr, 0),
                        (Ty::SetStr, 0),
                        (Ty::Rec, 0),
                    ]);
                    let c = self.expr(cont, d);
                    return binop(x, self.rng.pick(&["in", "not in"]), c);
                }
                7 => {
                    let x = self.expr(Ty::Str, d);
                    let (m, a) = self.rng.pick(&[
                        ("startswith", "'b'"),
                        ("endswith", "'@corp.com'"),
                        ("startswith", "'a'"),
                        ("isdigit", ""),
                    ]);
                    let args = if a.is_empty() { vec![] } else { vec![lit(a)] };
                    return method(x, m, args);
                }
                8 => {
                    let x = self.expr(Ty::Bool, d);
                    return cat(vec![t("not "), s(x.paren())]);
                }
                9 => {
                    let a = self.expr(Ty::Bool, d);
                    let b = self.expr(Ty::Bool, d);
                    return binop(a, self.rng.pick(&["and", "or"]), b);
                }
                10 => {
                    let ty = self.any_ty();
                    let x = self.expr(ty, d);
                    return call(
                        "isinstance",
                        vec![x, lit(self.rng.pick(&["int", "str", "list", "dict"]))],
                    );
                }
                11 | 12 => {
                    let l = self.expr(Ty::LStr, d);
                    let f = self.rng.pick(&["any(", "all("]);
                    return self.comprehension(f, ")", Ty::Str, l, d, |g, x| {
                        let e = match g.rng.below(4) {
                            3 => {
                                // A plan function (maybe with effects) decides the stop.
                                let f = g.unary_fn(Ty::Str, Ty::Bool, 0);
                                cat(vec![s(f.paren()), t("("), t(x), t(")")]).atomic()
                            }
                            0 => {
                                let y = g.expr(Ty::Str, 0);
                                binop(lit(x), "==", y)
                            }
                            1 => {
                                let k = g.expr(Ty::Int, 0);
                                binop(call("len", vec![lit(x)]), ">", k)
                            }
                            _ => {
                                let b = g.expr(Ty::Str, 0);
                                call("send", vec![lit(x), b])
                            }
                        };
                        vec![s(e)]
                    });
                }
                13 => {
                    let ty = self.any_ty();
                    let x = self.expr(ty, d);
                    return call("bool", vec![x]);
                }
                14 => {
                    let x = self.sized();
                    let k = self.expr(Ty::Int, 0);
                    return binop(call("len", vec![x]), ">", k);
                }
                15 | 16 => {
                    // Identity of containers: which object a name holds, whatever it holds.
                    let ty = self
                        .rng
                        .pick(&[Ty::LStr, Ty::Rec, Ty::DStr, Ty::LInt, Ty::Model]);
                    let side = |g: &mut Self| match g.var_of(ty) {
                        Some(v) if g.rng.chance(70) => lit(&v),
                        _ => g.expr(ty, d),
                    };
                    let a = side(self);
                    let b = side(self);
                    return binop(a, self.rng.pick(&["is", "is not"]), b);
                }
                17 => {
                    // `d.get(k) is None`: the planner's presence test.
                    let m = self.expr(Ty::DStr, d);
                    let k = self.expr(Ty::Str, d);
                    let got = method(m, "get", vec![k]);
                    return binop(got, self.rng.pick(&["is", "is not"]), lit("None"));
                }
                _ => {
                    if let Some(e) = self.func_call(Some(Ty::Bool)) {
                        return e;
                    }
                }
            }
        }
    }

    fn gen_lstr(&mut self, d: u32) -> Expr {
        loop {
            match self.rng.below(22) {
                0 | 1 => {
                    let n = self.rng.below(4);
                    let items = (0..n).map(|_| self.expr(Ty::Str, d)).collect();
                    return display("[", items, "]");
                }
                2 | 3 => {
                    let r = self.expr(Ty::Rec, d);
                    return index(r, lit("'items'"));
                }
                4 | 5 => {
                    let l = self.expr(Ty::LStr, d);
                    return self.comprehension("[", "]", Ty::Str, l, d, |g, _| {
                        vec![s(g.expr(Ty::Str, d))]
                    });
                }
                6 => {
                    let l = self.expr(Ty::LStr, d);
                    return match self.rng.below(3) {
                        0 => call("sorted", vec![l]),
                        1 => {
                            let k = self.unary_fn(Ty::Str, Ty::Int, d);
                            call("sorted", vec![l, cat(vec![t("key="), s(k)])])
                        }
                        _ => {
                            let k = self.unary_fn(Ty::Str, Ty::Str, d);
                            call(
                                "sorted",
                                vec![l, cat(vec![t("key="), s(k)]), lit("reverse=True")],
                            )
                        }
                    };
                }
                7 => {
                    let l = self.expr(Ty::LStr, d);
                    return call("list", vec![call("reversed", vec![l])]);
                }
                8 => {
                    let x = self.expr(Ty::Str, d);
                    return method(x, "split", vec![lit(self.rng.pick(&["','", "'@'"]))]);
                }
                9 => {
                    let l = self.expr(Ty::LStr, d);
                    let f = self.unary_fn(Ty::Str, Ty::Str, d);
                    return call("list", vec![call("map", vec![f, l])]);
                }
                10 => {
                    let l = self.expr(Ty::LStr, d);
                    let f = self.unary_fn(Ty::Str, Ty::Bool, d);
                    return call("list", vec![call("filter", vec![f, l])]);
                }
                11 => {
                    let a = self.expr(Ty::LStr, d);
                    let b = self.expr(Ty::LStr, d);
                    return binop(a, "+", b);
                }
                12 => {
                    let l = self.expr(Ty::LStr, d);
                    let a = self.expr(Ty::Int, 0);
                    return cat(vec![s(l.paren()), t("["), s(a), t(":]")]).atomic();
                }
                13 => {
                    let dd = self.expr(Ty::DStr, d);
                    return call(
                        "list",
                        vec![method(dd, self.rng.pick(&["keys", "values"]), vec![])],
                    );
                }
                14 => {
                    let l = self.expr(Ty::LRec, d);
                    let key = self.rng.pick(&["'to'", "'email'"]);
                    return self.comprehension("[", "]", Ty::Rec, l, d, |_, x| {
                        vec![t(&format!("{x}[{key}]"))]
                    });
                }
                15 => {
                    let l = self.expr(Ty::LStr, d);
                    return self.comprehension("[", "]", Ty::Str, l, d, |_, x| {
                        vec![t(&format!("fetch({x})['to']"))]
                    });
                }
                16 => {
                    let st = self.expr(Ty::SetStr, d);
                    return call("sorted", vec![st]);
                }
                17 if self.has_model => {
                    let m = self.expr(Ty::Model, d);
                    return attr(m, "items");
                }
                18 => {
                    if let Some(e) = self.func_call(Some(Ty::LStr)) {
                        return e;
                    }
                }
                19 => {
                    let l = self.expr(Ty::LLStr, d);
                    let i = self.small_index();
                    return index(l, i);
                }
                20 => {
                    let l = self.expr(Ty::LStr, d);
                    let k = self.expr(Ty::Int, 0);
                    let (i, y) = (self.fresh("i"), self.fresh("x"));
                    return cat(vec![
                        t(&format!("[{y} for {i}, {y} in enumerate(")),
                        s(l),
                        t(&format!(") if {i} != ")),
                        s(k.paren()),
                        t("]"),
                    ])
                    .atomic();
                }
                _ => {
                    let p = self.expr(Ty::Str, d);
                    return call("query_ai_assistant", vec![p, lit("list")]);
                }
            }
        }
    }

    fn gen_lint(&mut self, d: u32) -> Expr {
        match self.rng.below(8) {
            0 | 1 => {
                let n = self.rng.below(4);
                let items = (0..n).map(|_| self.expr(Ty::Int, d)).collect();
                display("[", items, "]")
            }
            2 => {
                let l = self.expr(Ty::LStr, d);
                self.comprehension("[", "]", Ty::Str, l, d, |_, x| {
                    vec![t(&format!("len({x})"))]
                })
            }
            3 => {
                let k = self.expr(Ty::Int, d);
                cat(vec![t("list(range(min("), s(k), t(", 5)))")]).atomic()
            }
            4 => {
                let l = self.expr(Ty::LInt, d);
                call("sorted", vec![l])
            }
            5 => {
                let l = self.expr(Ty::LRec, d);
                self.comprehension("[", "]", Ty::Rec, l, d, |_, x| {
                    vec![t(&format!("{x}['n']"))]
                })
            }
            6 => {
                // A set comprehension: how many elements it keeps depends on which collapse.
                let l = self.expr(Ty::LStr, d);
                self.comprehension("sorted({", "})", Ty::Str, l, d, |_, x| {
                    vec![t(&format!("len({x}) % 3"))]
                })
            }
            _ => {
                let l = self.expr(Ty::LInt, d);
                self.comprehension("[", "]", Ty::Int, l, d, |g, x| {
                    let k = g.expr(Ty::Int, 0);
                    vec![t(&format!("{x} * ")), s(k.paren())]
                })
            }
        }
    }

    fn gen_llstr(&mut self, d: u32) -> Expr {
        let a = self.expr(Ty::LStr, d);
        let b = self.expr(Ty::LStr, d);
        display("[", vec![a, b], "]")
    }

    fn gen_rec(&mut self, d: u32) -> Expr {
        loop {
            match self.rng.below(10) {
                0..=2 => {
                    let q = self.expr(Ty::Str, d);
                    return call("fetch", vec![q]);
                }
                3 => return call("read_secret", vec![]),
                4 => {
                    let l = self.expr(Ty::LRec, d);
                    let i = self.small_index();
                    return index(l, i);
                }
                5 => {
                    let to = self.expr(Ty::Str, d);
                    let body = self.expr(Ty::Str, d);
                    let n = self.expr(Ty::Int, d);
                    let items = self.expr(Ty::LStr, d);
                    return cat(vec![
                        t("{'to': "),
                        s(to),
                        t(", 'body': "),
                        s(body),
                        t(", 'id': 1, 'items': "),
                        s(items),
                        t(", 'email': 'x', 'n': "),
                        s(n),
                        t("}"),
                    ])
                    .atomic();
                }
                6 => {
                    let r = self.expr(Ty::Rec, d);
                    return call("dict", vec![r]);
                }
                7 => {
                    let r = self.expr(Ty::Rec, d);
                    let to = self.expr(Ty::Str, d);
                    return cat(vec![t("{**"), s(r.paren()), t(", 'to': "), s(to), t("}")])
                        .atomic();
                }
                8 => {
                    let a = self.expr(Ty::Rec, d);
                    let c = self.expr(Ty::Bool, d);
                    let b = self.expr(Ty::Rec, d);
                    return cat(vec![
                        s(a.paren()),
                        t(" if "),
                        s(c.paren()),
                        t(" else "),
                        s(b.paren()),
                    ]);
                }
                _ => {
                    if let Some(e) = self.func_call(Some(Ty::Rec)) {
                        return e;
                    }
                }
            }
        }
    }

    fn gen_lrec(&mut self, d: u32) -> Expr {
        match self.rng.below(6) {
            0 | 1 => {
                let q = self.expr(Ty::Str, d);
                call("search", vec![q])
            }
            2 => {
                let a = self.expr(Ty::Rec, d);
                let b = self.expr(Ty::Rec, d);
                display("[", vec![a, b], "]")
            }
            3 => {
                let l = self.expr(Ty::LStr, d);
                self.comprehension("[", "]", Ty::Str, l, d, |_, x| {
                    vec![t(&format!("fetch({x})"))]
                })
            }
            4 => {
                let l = self.expr(Ty::LRec, d);
                let k = self.unary_fn(Ty::Rec, Ty::Int, d);
                call("sorted", vec![l, cat(vec![t("key="), s(k)])])
            }
            _ => {
                let l = self.expr(Ty::LRec, d);
                let f = self.unary_fn(Ty::Rec, Ty::Bool, d);
                call("list", vec![call("filter", vec![f, l])])
            }
        }
    }

    fn gen_dstr(&mut self, d: u32) -> Expr {
        match self.rng.below(5) {
            0 | 1 => {
                let k = self.key();
                let v = self.expr(Ty::Str, d);
                cat(vec![t("{"), s(k), t(": "), s(v), t("}")]).atomic()
            }
            2 => {
                let l = self.expr(Ty::LStr, d);
                self.comprehension("{", "}", Ty::Str, l, d, |g, x| {
                    let v = g.expr(Ty::Str, d);
                    vec![t(&format!("{x}: ")), s(v)]
                })
            }
            3 => {
                let a = self.expr(Ty::LStr, d);
                let b = self.expr(Ty::LStr, d);
                call("dict", vec![call("zip", vec![a, b])])
            }
            _ => {
                let r = self.expr(Ty::Rec, d);
                cat(vec![t("{'to': "), s(index(r, lit("'to'"))), t("}")]).atomic()
            }
        }
    }

    fn gen_dint(&mut self, d: u32) -> Expr {
        match self.rng.below(3) {
            0 => {
                let k = self.key();
                let v = self.expr(Ty::Int, d);
                cat(vec![t("{"), s(k), t(": "), s(v), t("}")]).atomic()
            }
            1 => {
                let l = self.expr(Ty::LStr, d);
                self.comprehension("{", "}", Ty::Str, l, d, |_, x| {
                    vec![t(&format!("{x}: len({x})"))]
                })
            }
            _ => {
                let l = self.expr(Ty::LRec, d);
                self.comprehension("{", "}", Ty::Rec, l, d, |_, x| {
                    vec![t(&format!("{x}['to']: {x}['n']"))]
                })
            }
        }
    }

    fn gen_set(&mut self, d: u32) -> Expr {
        match self.rng.below(4) {
            0 => {
                let l = self.expr(Ty::LStr, d);
                call("set", vec![l])
            }
            1 => {
                let a = self.expr(Ty::Str, d);
                let b = self.expr(Ty::Str, d);
                display("{", vec![a, b], "}")
            }
            2 => {
                let l = self.expr(Ty::LStr, d);
                self.comprehension("{", "}", Ty::Str, l, d, |_, x| {
                    vec![t(&format!("{x}.lower()"))]
                })
            }
            _ => {
                let a = self.expr(Ty::SetStr, d);
                let b = self.expr(Ty::SetStr, d);
                binop(a, self.rng.pick(&["|", "&", "-"]), b)
            }
        }
    }

    fn gen_model(&mut self, d: u32) -> Expr {
        if !self.has_model {
            return self.literal(Ty::Model);
        }
        match self.rng.below(4) {
            0 => {
                let to = self.expr(Ty::Str, d);
                let n = self.expr(Ty::Int, d);
                cat(vec![t("M1(to="), s(to), t(", n="), s(n), t(")")]).atomic()
            }
            1 => {
                let to = self.expr(Ty::Str, d);
                let n = self.expr(Ty::Int, d);
                let items = self.expr(Ty::LStr, d);
                cat(vec![
                    t("M1(**{'to': "),
                    s(to),
                    t(", 'n': "),
                    s(n),
                    t(", 'items': "),
                    s(items),
                    t("})"),
                ])
                .atomic()
            }
            _ => {
                let p = self.expr(Ty::Str, d);
                call("query_ai_assistant", vec![p, lit("M1")])
            }
        }
    }
}
