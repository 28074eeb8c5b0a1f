//! The names of the builtins a plan may use, and the names it may not.

use crate::value::{ExcKind, TypeKind};

macro_rules! builtin_functions {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// A builtin function.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Builtin { $($variant),* }

        impl Builtin {
            /// Every builtin function, in declaration order.
            pub const ALL: &'static [Builtin] = &[$(Builtin::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(Builtin::$variant => $name),* }
            }

            pub fn from_name(name: &str) -> Option<Builtin> {
                match name { $($name => Some(Builtin::$variant),)* _ => None }
            }
        }
    };
}

builtin_functions! {
    Len => "len",
    Enumerate => "enumerate",
    Zip => "zip",
    Sorted => "sorted",
    Reversed => "reversed",
    Min => "min",
    Max => "max",
    Sum => "sum",
    Any => "any",
    All => "all",
    Abs => "abs",
    Round => "round",
    Isinstance => "isinstance",
    Issubclass => "issubclass",
    Print => "print",
    Repr => "repr",
    Divmod => "divmod",
    Pow => "pow",
    Map => "map",
    Filter => "filter",
    Iter => "iter",
    Next => "next",
    Chr => "chr",
    Ord => "ord",
    Hex => "hex",
    Oct => "oct",
    Bin => "bin",
    Format => "format",
    Callable => "callable",
    Hash => "hash",
    Ascii => "ascii",
}

/// What a builtin name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltinName {
    Function(Builtin),
    Type(TypeKind),
}

/// Resolves a name that the plan does not bind itself.
pub fn lookup(name: &str) -> Option<BuiltinName> {
    if let Some(b) = Builtin::from_name(name) {
        return Some(BuiltinName::Function(b));
    }
    let ty = match BUILTIN_TYPES.iter().find(|(n, _)| *n == name) {
        Some((_, ty)) => *ty,
        None => TypeKind::Exception(ExcKind::from_name(name)?),
    };
    Some(BuiltinName::Type(ty))
}

/// The builtin types a plan may name (besides the exception classes, [`ExcKind::ALL`]):
/// [`lookup`] resolves names with this table.
pub const BUILTIN_TYPES: &[(&str, TypeKind)] = &[
    ("int", TypeKind::Int),
    ("float", TypeKind::Float),
    ("str", TypeKind::Str),
    ("bool", TypeKind::Bool),
    ("list", TypeKind::List),
    ("dict", TypeKind::Dict),
    ("set", TypeKind::Set),
    ("frozenset", TypeKind::FrozenSet),
    ("tuple", TypeKind::Tuple),
    ("type", TypeKind::Type),
    ("range", TypeKind::Range),
    ("BaseModel", TypeKind::BaseModel),
];

/// Names that give a plan a way out of the sandbox of the language; refused wherever they
/// appear, before anything runs.
pub const REFUSED_NAMES: &[(&str, &str)] = &[
    ("eval", "eval() runs code the planner did not write"),
    ("exec", "exec() runs code the planner did not write"),
    ("compile", "compile() makes code objects"),
    ("open", "open() reaches the file system; use a tool"),
    ("__import__", "imports are not allowed"),
    (
        "getattr",
        "getattr() with a computed name reaches any attribute",
    ),
    (
        "setattr",
        "setattr() with a computed name reaches any attribute",
    ),
    (
        "delattr",
        "delattr() with a computed name reaches any attribute",
    ),
    (
        "hasattr",
        "hasattr() with a computed name reaches any attribute",
    ),
    ("globals", "reflection is not allowed"),
    ("locals", "reflection is not allowed"),
    ("vars", "reflection is not allowed"),
    ("dir", "reflection is not allowed"),
    ("breakpoint", "debugger hooks are not allowed"),
    ("input", "a plan cannot read the terminal"),
    ("memoryview", "raw memory is not allowed"),
    ("bytearray", "bytes are not supported"),
    ("bytes", "bytes are not supported"),
    ("super", "classes other than data models are not supported"),
    ("object", "classes other than data models are not supported"),
    ("classmethod", "decorators are not supported"),
    ("staticmethod", "decorators are not supported"),
    ("property", "decorators are not supported"),
    ("help", "interactive help is not available"),
    ("exit", "a plan ends by finishing"),
    ("quit", "a plan ends by finishing"),
    ("id", "object identities are not exposed"),
];

/// Why a name is refused, if it is.
pub fn refused(name: &str) -> Option<&'static str> {
    REFUSED_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, why)| *why)
}

/// The value a builtin name stands for, when a plan may use it.
pub fn builtin_value(name: &str) -> Option<crate::value::Value> {
    use crate::value::{Data, Value};
    if refused(name).is_some() {
        return None;
    }
    Some(Value::program(match lookup(name)? {
        BuiltinName::Function(b) => Data::Builtin(b),
        BuiltinName::Type(t) => Data::Type(t),
    }))
}
