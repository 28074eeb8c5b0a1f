//! The lowered program the evaluator walks: names are resolved to slots, refused constructs
//! are gone, and every expression keeps its position and source text (for errors and for the
//! derivation graph).

use crate::builtins::Builtin;
use crate::value::{PyStr, TypeKind};
use num_bigint::BigInt;
use std::rc::Rc;
use std::sync::Arc;

/// A position in the plan: 1-based line, 1-based column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// Where a variable lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Var {
    /// A plain slot of the current frame.
    Local(u32),
    /// A slot of the current frame that nested functions capture.
    Cell(u32),
    /// A cell captured from an enclosing function.
    Free(u32),
    /// A module-level name.
    Global(u32),
}

/// A resolved name.
#[derive(Clone, Debug)]
pub struct Name {
    pub var: Var,
    pub name: Rc<str>,
}

/// A whole plan.
#[derive(Debug)]
pub struct Program {
    pub body: Block,
    pub globals: Vec<Rc<str>>,
    /// Slots of the module frame (comprehension variables).
    pub locals: u32,
    pub cells: u32,
    /// Names read but defined nowhere (not a builtin, a tool or a plan variable): each is a
    /// `NameError` if reached; `check` reports them.
    pub undefined: Vec<(Rc<str>, Pos)>,
    /// Every call of a tool with the keyword names it passes, for `check --agent`.
    pub tool_calls: Vec<ToolUse>,
}

/// A call of a tool seen in the plan.
#[derive(Debug, Clone)]
pub struct ToolUse {
    pub tool: Rc<str>,
    pub positional: usize,
    pub keywords: Vec<Rc<str>>,
    pub pos: Pos,
}

pub type Block = Vec<Stmt>;

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub pos: Pos,
}

/// What a compound statement may change, for strict-mode control-flow labels: after a branch on
/// untrusted data, whatever the branch could have assigned or mutated depends on that data,
/// whether or not the branch ran.
#[derive(Debug, Default)]
pub struct Effects {
    /// Variables the statement may assign.
    pub assigned: Vec<Name>,
    /// Variables through which the statement may mutate heap objects (method receivers,
    /// subscript and attribute store targets, callees and arguments of plan code with
    /// effects): everything reachable from them is relabeled (see `syntax::effects`).
    pub mutated: Vec<Name>,
    /// Variables whose iterators the statement may advance.
    pub consumed: Vec<Name>,
    /// Fields stored through a variable the statement does not rebind (`msg.body = ...`).
    pub fields: Vec<(Name, Rc<str>)>,
    /// Lists only appended to through a variable the statement does not rebind.
    pub grown: Vec<Name>,
    /// Whether the body may leave early (`break`, `continue`, `return`, `raise`): then the
    /// rest of the enclosing block depends on the condition too.
    pub exits_early: bool,
    /// Whether the body may leave the function (`return`, `raise`), not just a loop.
    pub escapes: bool,
    /// Whether the body may leave other than by raising (`break`, `continue`, `return`): for
    /// a `try`, whose own handlers rejoin the code after it when they catch.
    pub leaves_without_raising: bool,
}

impl Effects {
    /// Adds what `other` may change.
    pub fn merge(&mut self, other: Effects) {
        for (mine, theirs) in [
            (&mut self.assigned, other.assigned),
            (&mut self.mutated, other.mutated),
            (&mut self.consumed, other.consumed),
            (&mut self.grown, other.grown),
        ] {
            for n in theirs {
                if !mine.iter().any(|m| m.var == n.var) {
                    mine.push(n);
                }
            }
        }
        for f in other.fields {
            if !self.fields.iter().any(|m| m.0.var == f.0.var && m.1 == f.1) {
                self.fields.push(f);
            }
        }
        self.exits_early |= other.exits_early;
        self.escapes |= other.escapes;
        self.leaves_without_raising |= other.leaves_without_raising;
    }
}

// A tag byte of its own, as `ExprKind`.
#[derive(Debug)]
#[repr(u8)]
pub enum StmtKind {
    Expr(Expr),
    Assign {
        targets: Vec<Target>,
        value: Expr,
    },
    AugAssign {
        target: Target,
        op: BinOp,
        value: Expr,
    },
    If {
        test: Expr,
        body: Block,
        orelse: Block,
        effects: Effects,
    },
    For {
        target: Target,
        iter: Expr,
        body: Block,
        orelse: Block,
        effects: Effects,
    },
    While {
        test: Expr,
        body: Block,
        orelse: Block,
        effects: Effects,
    },
    Break,
    Continue,
    Pass,
    Return(Option<Expr>),
    /// `raise`, `raise exc` or `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Try {
        body: Block,
        handlers: Vec<Handler>,
        orelse: Block,
        finalbody: Block,
        effects: Effects,
    },
    Def {
        target: Var,
        code: Rc<FunctionCode>,
        defaults: Vec<Expr>,
    },
    Class {
        target: Var,
        class: Rc<ModelClass>,
        defaults: Vec<Option<Expr>>,
    },
    /// `class Name(Base): pass`, an exception class (`base` evaluates to one).
    ExceptionClass {
        target: Var,
        name: Rc<str>,
        base: Expr,
    },
    Delete(Vec<Target>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
}

#[derive(Debug)]
pub struct Handler {
    pub types: Option<Expr>,
    pub name: Option<Name>,
    pub body: Block,
}

/// The left side of an assignment.
#[derive(Debug)]
pub enum Target {
    Var(Name),
    Subscript {
        obj: Expr,
        index: Expr,
    },
    Attr {
        obj: Expr,
        attr: Rc<str>,
    },
    Unpack {
        items: Vec<Target>,
        star: Option<usize>,
        pos: Pos,
    },
}

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub pos: Pos,
    /// The expression's source text (shortened), named in derivation nodes.
    pub text: Arc<str>,
}

#[derive(Debug, Clone)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(PyStr),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Pos,
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

/// A positional argument or an element of a display; `starred` for `*x`.
#[derive(Debug)]
pub struct Elt {
    pub expr: Expr,
    pub starred: bool,
}

/// A keyword argument; `name: None` for `**mapping`.
#[derive(Debug)]
pub struct Kwarg {
    pub name: Option<Rc<str>>,
    pub value: Expr,
}

#[derive(Debug)]
pub enum DictItem {
    Pair(Expr, Expr),
    Splat(Expr),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
}

/// A generator expression's code: as in CPython, a function of its first iterable (evaluated
/// where the expression is) that runs the rest at each `next`, in a frame of its own that
/// reads the enclosing variables by reference (closure cells).
#[derive(Debug)]
pub struct GenCode {
    pub elt: Expr,
    /// The `for` clauses; the first one's `iter` is not used (the caller evaluated it).
    pub generators: Vec<Generator>,
    pub locals: u32,
    pub cells: u32,
    pub captures: Vec<Capture>,
    /// What the element, filters and inner iterables may change, resolved in the
    /// generator's frame: an advance of the generator does that.
    pub effects: Effects,
    /// Changes nothing outside its own frame (an advance then only moves iterators).
    pub pure: bool,
    /// Module variables the body may read (what an advance could reach besides its
    /// captured cells and its source iterators).
    pub globals_read: Vec<u32>,
}

#[derive(Debug)]
pub struct Generator {
    pub target: Target,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

#[derive(Debug)]
pub enum FPart {
    Lit(Rc<str>),
    Value {
        expr: Expr,
        conversion: Option<char>,
        spec: Option<Vec<FPart>>,
    },
}

// A tag byte of its own: the evaluator matches on the kind at every step, and a tag packed
// into a vector's capacity (the layout Rust picks otherwise) takes several instructions to read.
#[derive(Debug)]
#[repr(u8)]
pub enum ExprKind {
    Const(Const),
    Name(Name),
    Builtin(Builtin),
    Type(TypeKind),
    Tool(PyStr),
    BinOp {
        op: BinOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// `a and b and c`; `effects`: what the operands after the first may change.
    And(Vec<Expr>, Option<Box<Effects>>),
    Or(Vec<Expr>, Option<Box<Effects>>),
    Compare {
        left: Box<Expr>,
        ops: Vec<(CmpOp, Expr)>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Elt>,
        kwargs: Vec<Kwarg>,
    },
    MethodCall {
        obj: Box<Expr>,
        name: Rc<str>,
        /// Where `name` stands in each container type's method table, found once here.
        slots: crate::methods::MethodSlots,
        args: Vec<Elt>,
        kwargs: Vec<Kwarg>,
    },
    Attr {
        obj: Box<Expr>,
        name: Rc<str>,
    },
    Subscript {
        obj: Box<Expr>,
        index: Box<Expr>,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    List(Vec<Elt>),
    Tuple(Vec<Elt>),
    Set(Vec<Elt>),
    Dict(Vec<DictItem>),
    Comp {
        kind: CompKind,
        elt: Box<Expr>,
        value: Option<Box<Expr>>,
        generators: Vec<Generator>,
        /// What the element, value and filters may change (they run a data-dependent number
        /// of times).
        effects: Option<Box<Effects>>,
    },
    /// `(name := value)`: binds in the enclosing function (never a comprehension's scope).
    Walrus {
        target: Name,
        value: Box<Expr>,
    },
    /// A generator expression: `first` is its first iterable, evaluated at once.
    GenExpr {
        first: Box<Expr>,
        code: Rc<GenCode>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
        /// What either arm may change.
        effects: Option<Box<Effects>>,
    },
    Lambda {
        code: Rc<FunctionCode>,
        defaults: Vec<Expr>,
    },
    FString(Vec<FPart>),
}

/// A parameter and where its value is stored in the callee's frame.
#[derive(Debug)]
pub struct Param {
    pub name: Rc<str>,
    pub var: Var,
}

/// How a nested function captures a cell when it is defined.
#[derive(Debug, Clone, Copy)]
pub enum Capture {
    /// A cell slot of the defining frame.
    ParentCell(u32),
    /// A cell the defining function itself captured.
    ParentFree(u32),
}

#[derive(Debug)]
pub enum FunctionBody {
    Block(Block),
    Lambda(Expr),
}

/// A compiled `def` or `lambda`.
#[derive(Debug)]
pub struct FunctionCode {
    pub name: Rc<str>,
    /// `name`, after the functions it is nested in (`outer.<locals>.name`).
    pub qualname: Rc<str>,
    /// Positional-or-keyword parameters (positional-only ones come first).
    pub params: Vec<Param>,
    pub posonly: usize,
    pub vararg: Option<Param>,
    pub kwonly: Vec<Param>,
    pub kwarg: Option<Param>,
    /// Defaults for the last `params`, then for `kwonly` (in order), `None` where a keyword-only
    /// parameter has no default.
    pub n_defaults: usize,
    pub kwonly_defaults: Vec<bool>,
    pub locals: u32,
    pub cells: u32,
    pub captures: Vec<Capture>,
    pub body: FunctionBody,
    /// Changes nothing its caller can see (no mutation of an object it did not make, no call
    /// of plan code that might): calling it under a condition relabels nothing.
    pub pure: bool,
    /// Module variables the body (and functions nested in it) may read: what a call could
    /// reach besides its arguments and its closure.
    pub globals_read: Vec<u32>,
    /// What the whole body may change, for a call that returns early under a condition.
    pub effects: Effects,
}

/// The declared type of a data-model field.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldType {
    Any,
    Str,
    Int,
    Float,
    Bool,
    NoneType,
    List(Box<FieldType>),
    Dict(Box<FieldType>, Box<FieldType>),
    Optional(Box<FieldType>),
    Model(Rc<str>),
}

#[derive(Debug)]
pub struct Field {
    pub name: Rc<str>,
    pub ty: FieldType,
}

/// A `class X(BaseModel)` with typed fields.
#[derive(Debug)]
pub struct ModelClass {
    pub name: Rc<str>,
    pub fields: Vec<Field>,
}
