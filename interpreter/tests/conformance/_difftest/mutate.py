"""Mutations of existing corpus programs.

A mutation swaps a few literals for edge values (0, -1, empty containers,
unicode, big ints, nan/inf, a value of another type), operators for their
neighbours, method and builtin names for ones with a similar signature, and
drops or adds call arguments.  The result is still a syntactically valid
program of the subset; whether it runs is up to CPython, and whatever
CPython does Bactrian must do too.
"""

import ast
import random

EDGE_VALUES = {
    int: [0, 1, -1, 2, 7, -7, 2 ** 63, -(2 ** 63), 10 ** 20, 255, 3],
    float: [0.0, -0.0, 0.5, 2.5, -1.5, 1e16, 1e-7, 1e300, 0.1, 123.456],
    str: ["", "a", "é", "ß", " ", "0", "-1", "a,b", "İ", "日本", "  x  ", "1.5", "Ab Cd"],
    bool: [True, False],
}
SPECIAL_FLOATS = ["float('nan')", "float('inf')", "-float('inf')"]

OPERATOR_GROUPS = [
    [ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod, ast.Div],
    [ast.BitAnd, ast.BitOr, ast.BitXor],
    [ast.LShift, ast.RShift],
]
COMPARE_GROUP = [ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq]
METHOD_GROUPS = [
    ["find", "index", "rfind", "rindex", "count"],
    ["pop", "get", "setdefault"],
    ["append", "remove", "count", "index"],
    ["upper", "lower", "title", "capitalize", "swapcase", "casefold", "strip", "lstrip",
     "rstrip"],
    ["split", "rsplit", "partition", "rpartition"],
    ["startswith", "endswith"],
    ["ljust", "rjust", "center", "zfill"],
    ["keys", "values", "items", "copy"],
    ["union", "intersection", "difference", "symmetric_difference"],
    ["isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isdecimal",
     "isnumeric"],
    ["removeprefix", "removesuffix"],
    ["add", "discard", "remove"],
]
BUILTIN_GROUPS = [
    ["min", "max", "sum", "sorted", "len", "any", "all", "list", "tuple", "set"],
    ["int", "float", "str", "bool", "round", "abs", "repr"],
    ["hex", "oct", "bin", "chr", "str"],
]


def _group_of(name, groups):
    for group in groups:
        if name in group:
            return group
    return None


def _edge_literal(rng, value):
    """An edge value replacing the constant ``value``: usually of the same type."""
    if rng.random() < 0.15:
        kind = rng.choice(list(EDGE_VALUES))
    else:
        kind = type(value) if type(value) in EDGE_VALUES else rng.choice(list(EDGE_VALUES))
    if kind is float and rng.random() < 0.3:
        return ast.parse(rng.choice(SPECIAL_FLOATS), mode="eval").body
    if kind is not str and rng.random() < 0.1:
        return ast.Constant(None)
    return ast.Constant(rng.choice(EDGE_VALUES[kind]))


class _Mutator(ast.NodeTransformer):
    def __init__(self, rng, rate):
        self.rng = rng
        self.rate = rate
        self.changes = 0

    def hit(self):
        return self.rng.random() < self.rate

    def visit_Constant(self, node):
        if isinstance(node.value, (int, float, str)) and self.hit():
            self.changes += 1
            return ast.copy_location(_edge_literal(self.rng, node.value), node)
        return node

    def visit_BinOp(self, node):
        self.generic_visit(node)
        group = _group_of(type(node.op), OPERATOR_GROUPS)
        if group and self.hit():
            self.changes += 1
            node.op = self.rng.choice(group)()
        return node

    def visit_Compare(self, node):
        self.generic_visit(node)
        if self.hit():
            i = self.rng.randrange(len(node.ops))
            if type(node.ops[i]) in COMPARE_GROUP:
                self.changes += 1
                node.ops[i] = self.rng.choice(COMPARE_GROUP)()
        return node

    def visit_List(self, node):
        self.generic_visit(node)
        if node.elts and isinstance(node.ctx, ast.Load) and self.hit():
            self.changes += 1
            node.elts = [] if self.rng.random() < 0.6 else node.elts[:1]
        return node

    def visit_Dict(self, node):
        self.generic_visit(node)
        if node.keys and self.hit():
            self.changes += 1
            node.keys, node.values = [], []
        return node

    def visit_Call(self, node):
        self.generic_visit(node)
        func = node.func
        if isinstance(func, ast.Attribute):
            group = _group_of(func.attr, METHOD_GROUPS)
            if group and self.hit():
                self.changes += 1
                func.attr = self.rng.choice(group)
        elif isinstance(func, ast.Name) and func.id != "print":
            group = _group_of(func.id, BUILTIN_GROUPS)
            if group and self.hit():
                self.changes += 1
                func.id = self.rng.choice(group)
        if node.args and self.hit():
            self.changes += 1
            r = self.rng.randrange(3)
            if r == 0:
                node.args = node.args[:-1]
            elif r == 1:
                node.args = node.args + [_edge_literal(self.rng, 0)]
            else:
                node.args = node.args + [node.args[-1]]
        return node


def mutate(source, rng, rate=0.08):
    """A mutant of ``source`` (or None when nothing changed or it cannot be parsed)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    mutator = _Mutator(rng, rate)
    tree = mutator.visit(tree)
    if not mutator.changes:
        return None
    ast.fix_missing_locations(tree)
    try:
        return ast.unparse(tree) + "\n"
    except Exception:  # noqa: BLE001 - an unparsable mutant is just skipped
        return None


if __name__ == "__main__":
    import sys
    with open(sys.argv[1], encoding="utf-8") as f:
        print(mutate(f.read(), random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 0)),
              end="")
