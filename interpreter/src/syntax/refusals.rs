//! The constructs the subset refuses before anything runs, each with a plan that shows it and
//! the reason the lowering puts in its diagnostic. Lowering refuses with these constants, and
//! [`crate::surface`] publishes the same table: what a planner is told is refused is what
//! `check` refuses, with the words it will see.

use serde::Serialize;

/// A construct the subset refuses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RefusedConstruct {
    /// What it is, in a few words (`import`, `with`).
    pub construct: &'static str,
    /// A plan that uses it (and nothing else refused).
    pub example: &'static str,
    /// Why it is refused: the diagnostic of [`Self::example`] contains these words.
    pub reason: &'static str,
}

const fn refused(
    construct: &'static str,
    example: &'static str,
    reason: &'static str,
) -> RefusedConstruct {
    RefusedConstruct {
        construct,
        example,
        reason,
    }
}

pub const IMPORT: RefusedConstruct = refused(
    "`import`, `from ... import`",
    "import os\n",
    "imports are not allowed: a plan can use only builtins and the agent's tools",
);
pub const GLOBAL: RefusedConstruct = refused(
    "`global`",
    "def f():\n    global x\n    x = 1\n",
    "'global' is not allowed: a function returns what it computes (or mutates a container \
     it is given)",
);
pub const ASYNC: RefusedConstruct = refused(
    "`async def`, `async for`, `async with`",
    "async def f():\n    pass\n",
    "'async' is not supported",
);
pub const AWAIT: RefusedConstruct = refused(
    "`await`",
    "def f(x):\n    return await x\n",
    "'await' is not supported",
);
pub const WITH: RefusedConstruct = refused(
    "`with`",
    "with x as y:\n    pass\n",
    "'with' is not supported",
);
pub const MATCH: RefusedConstruct = refused(
    "`match`",
    "match x:\n    case 1:\n        pass\n",
    "'match' is not supported",
);
pub const EXCEPT_STAR: RefusedConstruct = refused(
    "`except*`",
    "try:\n    pass\nexcept* ValueError:\n    pass\n",
    "'except*' is not supported",
);
pub const TYPE_ALIAS: RefusedConstruct = refused(
    "`type` aliases",
    "type Point = tuple\n",
    "'type' aliases are not supported",
);
pub const YIELD: RefusedConstruct = refused(
    "`yield`, `yield from`",
    "def gen():\n    yield 1\n",
    "'yield' is not supported: generators are not part of the subset",
);
pub const DECORATOR: RefusedConstruct = refused(
    "decorators",
    "def deco(f):\n    return f\n@deco\ndef g():\n    pass\n",
    "decorators are not supported",
);
pub const CLASS: RefusedConstruct = refused(
    "classes other than data models and exception classes",
    "class Point:\n    x: int\n",
    "only data models ('class Name(BaseModel):' with typed fields) and exception classes \
     ('class NotFound(Exception): pass') are supported",
);
pub const MODEL_BODY: RefusedConstruct = refused(
    "methods or statements in a data model",
    "class Point(BaseModel):\n    x: int\n    def norm(self):\n        return 0\n",
    "a data model body may hold only typed fields ('name: str = default')",
);
pub const FIELD_TYPE: RefusedConstruct = refused(
    "other data-model field types",
    "class Point(BaseModel):\n    x: set[int]\n",
    "unsupported field type: use str, int, float, bool, list[T], dict[K, V], T | None, \
     Optional[T], Any or another data model",
);
pub const DELETE: RefusedConstruct = refused(
    "`del` of a name or attribute",
    "x = 1\ndel x\n",
    "only 'del x[key]' is supported",
);
pub const MATMUL: RefusedConstruct = refused(
    "the `@` operator",
    "x = 1 @ 2\n",
    "the '@' operator is not supported",
);
pub const BYTES: RefusedConstruct = refused(
    "bytes literals",
    "x = b'abc'\n",
    "bytes literals are not supported",
);
pub const COMPLEX: RefusedConstruct = refused(
    "complex numbers",
    "x = 2j\n",
    "complex numbers are not supported",
);
pub const DUNDER_NAME: RefusedConstruct = refused(
    "names of the form `__x__`",
    "__name__ = 1\n",
    "dunder names are Python's internals",
);
pub const PRIVATE_ATTRIBUTE: RefusedConstruct = refused(
    "attributes starting with `_` (except `__name__` and `__class__`)",
    "n = 'abc'.__len__()\n",
    "names starting with '_' are private",
);
pub const TOOL_REBINDING: RefusedConstruct = refused(
    "assigning to a tool's name",
    "web_search = len\n",
    "a tool's name cannot be rebound: calls are recorded under the name the plan calls",
);

/// Every refused construct, in the order a planner is told about them.
pub const ALL: &[RefusedConstruct] = &[
    IMPORT,
    GLOBAL,
    CLASS,
    MODEL_BODY,
    FIELD_TYPE,
    DECORATOR,
    YIELD,
    ASYNC,
    AWAIT,
    WITH,
    MATCH,
    EXCEPT_STAR,
    TYPE_ALIAS,
    DELETE,
    MATMUL,
    BYTES,
    COMPLEX,
    DUNDER_NAME,
    PRIVATE_ATTRIBUTE,
    TOOL_REBINDING,
];
