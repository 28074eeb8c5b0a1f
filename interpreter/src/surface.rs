//! The language as data: the builtins the interpreter binds, each type's methods, and what it
//! refuses and why, read from the tables the interpreter itself resolves names, dispatches
//! methods and refuses constructs with. A planner's prompt made from [`language`] can promise
//! nothing the interpreter does not do (the tests in `tests/surface.rs` run every entry).
//!
//! ```
//! let language = bactrian_interpreter::language();
//! assert!(language.functions.contains(&"sorted"));
//! assert!(language.methods.iter().any(|t| t.type_name == "str" && t.methods.contains(&"split")));
//! assert!(language.refused_names.iter().any(|r| r.name == "eval"));
//! ```

use crate::builtins::{self, Builtin, BUILTIN_TYPES, REFUSED_NAMES};
use crate::methods;
use crate::syntax::refusals;
use crate::value::ExcKind;
use serde::Serialize;

pub use refusals::RefusedConstruct;

/// What a plan may use, and what it may not.
#[derive(Clone, Debug, Serialize)]
pub struct Language {
    /// The builtin functions (`len`, `sorted`, `print`, ...).
    pub functions: Vec<&'static str>,
    /// The builtin types a plan may name, call and test with `isinstance` (`int`, `str`,
    /// `BaseModel`, ...), exception classes aside.
    pub types: Vec<&'static str>,
    /// The exception classes a plan may raise, catch and subclass.
    pub exceptions: Vec<&'static str>,
    /// Each type's methods.
    pub methods: Vec<TypeMethods>,
    /// Builtin names that are refused wherever they appear, with the reason.
    pub refused_names: Vec<RefusedName>,
    /// Constructs refused before anything runs, with the reason.
    pub refused_constructs: Vec<RefusedConstruct>,
    /// The statements and expressions a plan may use, each with a plan that runs.
    pub supported: Vec<Supported>,
}

/// The methods of one type.
#[derive(Clone, Debug, Serialize)]
pub struct TypeMethods {
    /// `str`, `list`, ..., `BaseModel` (for an instance of a data model).
    pub type_name: &'static str,
    /// Methods called on a value (`s.split()`).
    pub methods: Vec<&'static str>,
    /// Methods called on the type itself (`dict.fromkeys(keys)`).
    pub class_methods: Vec<&'static str>,
}

/// A builtin name a plan may not use.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct RefusedName {
    pub name: &'static str,
    pub reason: &'static str,
}

/// A construct of the subset, with a plan that uses it (and runs without error).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Supported {
    pub construct: &'static str,
    pub example: &'static str,
}

const fn supported(construct: &'static str, example: &'static str) -> Supported {
    Supported { construct, example }
}

/// The constructs a planner is told about, each with a plan the tests run.
const SUPPORTED: &[Supported] = &[
    supported(
        "assignment, tuple and starred unpacking, augmented assignment",
        "a, *rest = [1, 2, 3]\na += len(rest)\n",
    ),
    supported(
        "if/elif/else, for and while (with break, continue, else)",
        "for i in range(3):\n    if i == 1:\n        continue\nelse:\n    pass\nwhile False:\n    break\n",
    ),
    supported(
        "def (defaults, keyword-only, *args, **kwargs), return, lambda, closures, nonlocal",
        "def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\n\
         def f(x, *args, scale=2, **kw):\n    return x * scale\ng = lambda y: f(y, scale=3)\n\
         assert counter()() == 1 and g(2) == 6\n",
    ),
    supported(
        "list/dict/set comprehensions and generator expressions",
        "xs = [x * x for x in range(5) if x % 2]\nd = {x: str(x) for x in xs}\nn = sum(x for x in xs)\n",
    ),
    supported(
        "f-strings with format specs, str.format, printf-style %",
        "s = f\"{3.14159:.2f} {'a'!r}\" + '{:>5}'.format('x') + '%05d' % 42\n",
    ),
    supported(
        "slicing (negative steps, slice assignment), del x[key]",
        "xs = list(range(6))\nys = xs[::-2]\nxs[1:3] = []\nd = {'k': 1}\ndel d['k']\n",
    ),
    supported(
        "conditional expressions, walrus, comparison chains, and/or",
        "n = 5\nok = 0 < n <= 10 and (m := n * 2) > 3\nv = 'big' if n > 3 else 'small'\n",
    ),
    supported(
        "try/except/else/finally, raise, raise ... from, assert",
        "try:\n    try:\n        raise ValueError('bad')\n    except ValueError as e:\n        raise KeyError('k') from e\n\
         except (KeyError, TypeError) as e:\n    msg = str(e)\nelse:\n    pass\nfinally:\n    assert True\n",
    ),
    supported(
        "exception classes whose body is pass",
        "class NotFound(LookupError):\n    pass\ntry:\n    raise NotFound('x')\nexcept LookupError:\n    pass\n",
    ),
    supported(
        "data models: class Name(BaseModel) with typed fields and defaults",
        "class Contact(BaseModel):\n    name: str\n    email: str | None = None\n    tags: list[str] = []\nc = Contact(name='Ada')\nd = c.model_dump()\n",
    ),
];

/// The methods of every type that has some.
fn type_methods() -> Vec<TypeMethods> {
    let plain = |type_name, methods: Vec<&'static str>| TypeMethods {
        type_name,
        methods,
        class_methods: Vec::new(),
    };
    let mut out = vec![
        plain("str", methods::STR_METHODS.to_vec()),
        plain("list", methods::names(methods::LIST_METHODS)),
        plain("dict", methods::names(methods::DICT_METHODS)),
        plain("set", methods::names(methods::SET_METHODS)),
        plain("frozenset", methods::frozenset_methods()),
        plain("tuple", methods::names(methods::TUPLE_METHODS)),
        plain("int", methods::INT_METHODS.to_vec()),
        plain("float", methods::FLOAT_METHODS.to_vec()),
        plain("BaseModel", methods::MODEL_METHODS.to_vec()),
    ];
    for (ty, name) in methods::CLASS_METHODS {
        if let Some(t) = out.iter_mut().find(|t| t.type_name == ty.name()) {
            t.class_methods.push(name);
        }
    }
    out
}

/// The language a plan is written in, from the interpreter's own tables.
pub fn language() -> Language {
    let bound = |name: &&'static str| builtins::refused(name).is_none();
    Language {
        functions: Builtin::ALL
            .iter()
            .map(|b| b.name())
            .filter(bound)
            .collect(),
        types: BUILTIN_TYPES
            .iter()
            .map(|(name, _)| *name)
            .filter(bound)
            .collect(),
        exceptions: ExcKind::ALL
            .iter()
            .map(|e| e.name())
            .filter(bound)
            .collect(),
        methods: type_methods(),
        refused_names: REFUSED_NAMES
            .iter()
            .map(|(name, reason)| RefusedName { name, reason })
            .collect(),
        refused_constructs: refusals::ALL.to_vec(),
        supported: SUPPORTED.to_vec(),
    }
}
