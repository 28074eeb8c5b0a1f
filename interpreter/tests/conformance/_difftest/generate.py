"""Random, well-typed, deterministic planner-style programs.

``generate(rng)`` returns the source of one program (at most ``MAX_LINES``
lines).  Every expression is built for a known static type from the variables
in scope, so most programs run to the end; an expression that may raise
(division, indexing, ``int(str)``, ``list.index``, ...) is marked *risky* and the
statement using it is wrapped in ``try/except Exception as e: print(type(e), e)``
so exception types and messages end up in stdout and are compared too.

The output never depends on the hash seed: sets are printed and iterated only
through ``sorted``.
"""

import random

MAX_LINES = 40

# ---------------------------------------------------------------------------
# types and literals

INT, FLOAT, STR, BOOL, NONE = "int", "float", "str", "bool", "none"
LIST_INT, LIST_STR, DICT, TUPLE, SET_INT, SET_STR = (
    "list_int", "list_str", "dict", "tuple", "set_int", "set_str")
ALL_TYPES = [INT, FLOAT, STR, BOOL, LIST_INT, LIST_STR, DICT, TUPLE, SET_INT, SET_STR]
SCALARS = [INT, FLOAT, STR, BOOL]
CONTAINERS = [LIST_INT, LIST_STR, DICT, TUPLE, SET_INT, SET_STR]

NAMES = {
    INT: ["count", "total", "n", "width", "limit", "step", "offset", "score", "size", "k"],
    FLOAT: ["price", "ratio", "rate", "avg", "weight", "temp"],
    STR: ["name", "word", "text", "label", "city", "code", "title", "sep"],
    BOOL: ["ok", "found", "done", "flag", "valid"],
    LIST_INT: ["numbers", "scores", "sizes", "values", "ages"],
    LIST_STR: ["words", "names", "tags", "parts", "cities"],
    DICT: ["counts", "stock", "totals", "ranks", "budget"],
    TUPLE: ["point", "pair", "dims", "span"],
    SET_INT: ["ids", "seen", "picked"],
    SET_STR: ["letters", "kinds", "groups"],
}

INT_LITERALS = ["0", "1", "-1", "2", "3", "7", "10", "-7", "12", "100", "255", "-5",
                "2147483648", "10**20", "-(2**63)", "12345678901234567890", "9", "4"]
SMALL_INTS = ["0", "1", "2", "3", "-1", "-2", "5"]
FLOAT_LITERALS = ["0.0", "-0.0", "0.1", "1.5", "2.5", "-2.5", "3.14159", "1e16", "1e-7",
                  "123.456", "0.5", "float('nan')", "float('inf')", "-float('inf')", "1e300",
                  "2.675", "0.125", "-1.5", "7.0", "1234567.891"]
STR_LITERALS = ['""', '"a"', '"hello"', '"Hello World"', '"  padded  "', '"a,b,,c"',
                '"ünïcødé"', '"42"', '"-17"', '" 3.5 "', '"abcabc"', '"x\\ty"', '"UPPER"',
                '"mixed Case"', '"1e3"', '"0x1F"', '"nan"', '"ß"', '"1_000"', '"+7"',
                '"a b  c"', '"line1\\nline2"', '"İi"', '"3.0"', '"007"', '"--"', '"日本語"']
SEP_LITERALS = ['","', '" "', '"-"', '""', '", "', '"ab"', '"::"']
LIST_INT_LITERALS = ["[]", "[3, 1, 2]", "[5, -2, 0, 5]", "[10]", "[1, 2, 3, 4, 5, 6]",
                     "[-3, -1, -2]", "[7, 7, 7]", "[0, 100, 2**40, -1]"]
LIST_STR_LITERALS = ["[]", '["b", "a", "c"]', '["apple", "Banana", "cherry"]',
                     '["x", "", "x"]', '["Zoe", "adam", "Émile", "bob"]', '["10", "9", "100"]',
                     '["one"]']
DICT_LITERALS = ["{}", '{"a": 1, "b": 2}', '{"x": 10, "y": -3, "z": 0}',
                 '{"apple": 3, "pear": 0}', '{"k": 7}']
DICT_KEYS = ['"a"', '"b"', '"x"', '"z"', '"apple"', '"missing"', '""', '"k"']
TUPLE_LITERALS = ["()", "(1,)", "(1, 2)", "(3, -1, 2)", "(0, 0, 1)", "(5, 10, 15, 20)"]
SET_INT_LITERALS = ["set()", "{1, 2, 3}", "{0, -1}", "{2, 4, 6, 8}", "{5}"]
SET_STR_LITERALS = ["set()", '{"a", "b"}', '{"x"}', '{"a", "c", "e"}']
FORMAT_SPECS = {
    INT: ["d", "5d", "<5", ">6", "^7", "+d", "08d", ",", "_", "x", "#x", "o", "b", "#b", "e",
          ".2f", "*^9", "=+8", "X", "n", "%", "c", ".3", "010,"],
    FLOAT: [".2f", ".0f", "10.3f", "e", ".3e", "g", ".3g", "%", ".1%", "+.2f", "<10", "^12.4",
            ",.2f", "08.2f", "G", "", ".10g", "_.1f", "n", "#.0f", "E", "F"],
    STR: ["", "<8", ">8", "^9", "*^9", ".3", "10.2", "-<6", "s", ">3"],
}
PERCENT_SPECS = {
    INT: ["%d", "%5d", "%-5d|", "%05d", "%x", "%o", "%+d", "%i", "%s", "%r", "%.3d", "%c",
          "%e", "%X", "%#x"],
    FLOAT: ["%f", "%.2f", "%8.3f", "%e", "%g", "%d", "%s", "%r", "%+.1f", "%-10.2f|", "%G",
            "%.0f", "%i"],
    STR: ["%s", "%r", "%10s", "%-10s|", "%.2s", "%a", "%5.1s"],
}


# How a handler prints the exception it caught.  CPython's idiom is
# `type(e).__name__`, which Bactrian refuses today (attributes starting with
# `_`) and regen.py's lint rejects; `type(e)` prints `<class 'ValueError'>`.
HANDLER_STYLES = {
    "type": "print(type(e), e)",
    "name": "print(type(e).__name__, e)",
    "repr": "print(repr(e))",
}
handler_print = HANDLER_STYLES["type"]

# Features a run can leave out (`difftest.py --without percent,format`), e.g. while another
# engineer is still implementing them and they would drown the other findings.
FEATURES = ("percent", "format")
disabled = set()


class Expr:
    """A piece of source with its static type; ``risky`` when it may raise."""

    __slots__ = ("code", "type", "risky")

    def __init__(self, code, type_, risky=False):
        self.code = code
        self.type = type_
        self.risky = risky


def either(*exprs):
    return any(e.risky for e in exprs)


# ---------------------------------------------------------------------------
# the generator


class Generator:
    def __init__(self, rng):
        self.rng = rng
        self.lines = []
        self.depth = 0  # indentation level
        self.scopes = [{}]  # name -> type, innermost last
        self.functions = []  # (name, [(param, type, default or None)], return type)
        self.used_names = set()
        self.frozen = set()  # names a loop iterates over: not mutated in its body

    # -- helpers ---------------------------------------------------------
    def chance(self, p):
        return self.rng.random() < p

    def choice(self, seq):
        return self.rng.choice(seq)

    def emit(self, line):
        self.lines.append("    " * self.depth + line)

    def room(self):
        return MAX_LINES - len(self.lines)

    def visible(self, type_):
        names = []
        for scope in self.scopes:
            for name, t in scope.items():
                if t == type_:
                    names.append(name)
        return names

    def fresh(self, type_):
        for name in NAMES[type_]:
            if name not in self.used_names:
                self.used_names.add(name)
                return name
        i = 2
        while True:
            name = "%s%d" % (self.choice(NAMES[type_]), i)
            if name not in self.used_names:
                self.used_names.add(name)
                return name
            i += 1

    def declare(self, name, type_):
        self.scopes[-1][name] = type_

    # -- expressions -----------------------------------------------------
    def literal(self, type_):
        table = {
            INT: INT_LITERALS, FLOAT: FLOAT_LITERALS, STR: STR_LITERALS,
            BOOL: ["True", "False"], LIST_INT: LIST_INT_LITERALS,
            LIST_STR: LIST_STR_LITERALS, DICT: DICT_LITERALS, TUPLE: TUPLE_LITERALS,
            SET_INT: SET_INT_LITERALS, SET_STR: SET_STR_LITERALS, NONE: ["None"],
        }
        return Expr(self.choice(table[type_]), type_)

    def leaf(self, type_):
        names = self.visible(type_)
        if names and self.chance(0.7):
            return Expr(self.choice(names), type_)
        return self.literal(type_)

    def expr(self, type_, depth=2):
        if depth <= 0 or self.chance(0.25):
            return self.leaf(type_)
        maker = {
            INT: self.int_expr, FLOAT: self.float_expr, STR: self.str_expr,
            BOOL: self.bool_expr, LIST_INT: self.list_int_expr, LIST_STR: self.list_str_expr,
            DICT: self.dict_expr, TUPLE: self.tuple_expr, SET_INT: self.set_expr,
            SET_STR: self.set_expr,
        }[type_]
        if type_ in (SET_INT, SET_STR):
            return maker(type_, depth - 1)
        return maker(depth - 1)

    def call_function(self, type_, d):
        funcs = [f for f in self.functions if f[2] == type_]
        if not funcs:
            return None
        name, params, _ = self.choice(funcs)
        args, risky = [], True  # a function body may raise
        keyword = False
        for pname, ptype, default in params:
            if default is not None and self.chance(0.4):
                keyword = True
                continue
            arg = self.expr(ptype, d)
            if keyword or (default is not None and self.chance(0.4)):
                args.append("%s=%s" % (pname, arg.code))
                keyword = True
            else:
                args.append(arg.code)
        return Expr("%s(%s)" % (name, ", ".join(args)), type_, risky)

    def int_expr(self, d):
        r = self.rng.randrange(30)
        if r < 4:
            a, b = self.expr(INT, d), self.expr(INT, d)
            op = self.choice(["+", "-", "*", "//", "%", "&", "|", "^"])
            risky = either(a, b) or op in ("//", "%")
            return Expr("%s %s %s" % (self.paren(a), op, self.paren(b)), INT, risky)
        if r == 4:
            a = self.expr(INT, d)
            return Expr("%s ** %s" % (self.paren(a), self.choice(["0", "1", "2", "3", "5"])),
                        INT, a.risky)
        if r == 5:
            a = self.expr(INT, d)
            return Expr("%s %s %s" % (self.paren(a), self.choice(["<<", ">>"]),
                                      self.choice(["1", "3", "0", "65"])), INT, a.risky)
        if r == 6:
            a = self.expr(self.choice([STR, LIST_INT, LIST_STR, DICT, TUPLE, SET_INT]), d)
            return Expr("len(%s)" % a.code, INT, a.risky)
        if r == 7:
            s = self.expr(STR, d)
            base = self.choice(["", "", ", 16", ", 0", ", 2", ", 36"])
            return Expr("int(%s%s)" % (s.code, base), INT, True)
        if r == 8:
            f = self.expr(FLOAT, d)
            fn = self.choice(["int", "round"])
            return Expr("%s(%s)" % (fn, f.code), INT, True)
        if r == 9:
            lst = self.expr(LIST_INT, d)
            x = self.expr(INT, 0)
            m = self.choice(["count", "index", "index"])
            extra = ""
            if m == "index" and self.chance(0.5):
                extra = ", %s" % self.choice(SMALL_INTS + ["-2", "10"])
                if self.chance(0.5):
                    extra += ", %s" % self.choice(SMALL_INTS + ["-1", "100"])
            return Expr("%s.%s(%s%s)" % (self.paren(lst), m, x.code, extra), INT,
                        lst.risky or m == "index")
        if r == 10:
            s, sub = self.expr(STR, d), self.expr(STR, 0)
            m = self.choice(["find", "rfind", "count", "index", "rindex"])
            extra = ""
            if self.chance(0.3):
                extra = ", %s" % self.choice(SMALL_INTS)
            return Expr("%s.%s(%s%s)" % (self.paren(s), m, sub.code, extra), INT,
                        s.risky or "index" in m)
        if r == 11:
            lst = self.expr(LIST_INT, d)
            if self.chance(0.5):
                return Expr("sum(%s)" % lst.code, INT, lst.risky)
            return Expr("sum(%s, %s)" % (lst.code, self.expr(INT, 0).code), INT, lst.risky)
        if r == 12:
            lst = self.expr(self.choice([LIST_INT, TUPLE, SET_INT]), d)
            fn = self.choice(["min", "max"])
            r2 = self.rng.randrange(4)
            if r2 == 0:
                return Expr("%s(%s, default=%s)" % (fn, lst.code, self.expr(INT, 0).code),
                            INT, lst.risky)
            if r2 == 1:
                return Expr("%s(%s, key=%s)" % (fn, lst.code, self.int_key()), INT, True)
            return Expr("%s(%s)" % (fn, lst.code), INT, True)
        if r == 13:
            a, b = self.expr(INT, d), self.expr(INT, 0)
            return Expr("%s(%s, %s)" % (self.choice(["min", "max"]), a.code, b.code), INT,
                        a.risky)
        if r == 14:
            dct, key = self.expr(DICT, d), self.choice(DICT_KEYS)
            if self.chance(0.5):
                return Expr("%s.get(%s, %s)" % (self.paren(dct), key, self.expr(INT, 0).code),
                            INT, dct.risky)
            return Expr("%s[%s]" % (self.paren(dct), key), INT, True)
        if r == 15:
            a, b = self.expr(INT, d), self.expr(INT, 0)
            return Expr("divmod(%s, %s)[%s]" % (a.code, b.code, self.choice("01")), INT, True)
        if r == 16:
            a, b = self.expr(INT, d), self.choice(["-1", "2", "3", "0", "-2"])
            m = self.choice(["7", "13", "1", "10", "-7", "0"])
            return Expr("pow(%s, %s, %s)" % (a.code, b, m), INT, True)
        if r == 17:
            s = self.expr(STR, d)
            return Expr("ord(%s)" % s.code, INT, True)
        if r == 18:
            c = self.expr(BOOL, d)
            a, b = self.expr(INT, d), self.expr(INT, d)
            return Expr("%s if %s else %s" % (self.paren(a), self.paren(c), self.paren(b)),
                        INT, either(a, b, c))
        if r == 19:
            lst = self.expr(LIST_INT, d)
            v = "x"
            cond = self.choice(["x > 2", "x % 2 == 0", "x < 0", "x == 7", "not x"])
            return Expr("next((%s for %s in %s if %s), %s)" % (
                self.choice(["x", "x * 2", "-x", "x // 2"]), v, lst.code, cond,
                self.expr(INT, 0).code), INT, lst.risky)
        if r == 20:
            seq = self.expr(self.choice([LIST_INT, TUPLE]), d)
            idx = self.choice(SMALL_INTS + ["-1", "-3", "10"])
            return Expr("%s[%s]" % (self.paren(seq), idx), INT, True)
        if r == 21:
            b = self.expr(BOOL, d)
            return Expr("%s %s %s" % (self.paren(b), self.choice(["+", "*", "-"]),
                                      self.expr(INT, 0).code), INT, b.risky)
        if r == 22:
            a = self.expr(INT, d)
            return Expr("round(%s, %s)" % (a.code, self.choice(["-1", "-2", "0", "2", "-20"])),
                        INT, a.risky)
        if r == 23:
            a = self.expr(INT, d)
            return Expr("abs(%s)" % a.code, INT, a.risky)
        if r == 24:
            f = self.call_function(INT, d)
            if f:
                return f
        if r == 25:
            words = self.expr(LIST_STR, d)
            return Expr("sum(len(w) for w in %s)" % words.code, INT, words.risky)
        if r == 26:
            a = self.expr(INT, d)
            return Expr("-%s" % self.paren(a), INT, a.risky)
        if r == 27:
            return Expr(self.choice(['int("  12  ")', 'int("-0")', 'int("1_000")', "int(True)",
                                     'int("0b101", 0)', 'int("z", 36)', "int(-2.9)",
                                     "int(1e20)", 'int("١٢")', "int(2**63 / 3)",
                                     "len({1: 'a', 1.0: 'b', True: 'c'})", "len({0, 0.0, False})",
                                     "(2**100).bit_length()", "(-255).bit_length()",
                                     "sum([True, True, 2])", "round(2.5) + round(3.5)",
                                     "round(-0.5)", "(-7) // 2 + (-7) % 2", "7 % -3",
                                     "max(1, 2.0, True)", "min([3, 1.0, 2], key=abs)",
                                     "[3, 1, 2].index(2, -2)", "(1, 2, 1).count(1)",
                                     "(1, 2, 1).index(1, 1)", "abs(-(2**63))",
                                     "divmod(-(10**20), 7)[1]", "pow(2, 100, 10**9 + 7)",
                                     "int(float(2**53) + 1)", "True << 3", "~5 & 0xFF",
                                     "-(2**63) // -1"]), INT, True)
        if r == 28:
            s = self.expr(SET_INT, d)
            return Expr("len(%s)" % s.code, INT, s.risky)
        return self.leaf(INT)

    def int_key(self):
        return self.choice(["abs", "lambda x: -x", "lambda x: x % 3", "lambda x: (x % 2, x)",
                            "str", "lambda x: str(x)"])

    def float_expr(self, d):
        r = self.rng.randrange(16)
        if r < 3:
            a = self.expr(self.choice([FLOAT, INT]), d)
            b = self.expr(FLOAT, d)
            if self.chance(0.5):
                a, b = b, a
            op = self.choice(["+", "-", "*", "/", "//", "%"])
            return Expr("%s %s %s" % (self.paren(a), op, self.paren(b)), FLOAT,
                        either(a, b) or op in ("/", "//", "%"))
        if r == 3:
            a, b = self.expr(INT, d), self.expr(INT, d)
            return Expr("%s / %s" % (self.paren(a), self.paren(b)), FLOAT, True)
        if r == 4:
            s = self.expr(STR, d)
            return Expr("float(%s)" % s.code, FLOAT, True)
        if r == 5:
            a = self.expr(INT, d)
            return Expr("float(%s)" % a.code, FLOAT, True)
        if r == 6:
            a = self.expr(FLOAT, d)
            return Expr("round(%s, %s)" % (a.code, self.choice(["0", "1", "2", "3", "-1"])),
                        FLOAT, a.risky)
        if r == 7:
            a = self.expr(FLOAT, d)
            # no fractional exponents: a negative base would give a complex number
            return Expr("%s ** %s" % (self.paren(a), self.choice(["2", "0", "-1", "3"])),
                        FLOAT, True)
        if r == 8:
            a = self.expr(FLOAT, d)
            return Expr(self.choice(["abs(%s)", "-%s", "+%s"]) % self.paren(a), FLOAT, a.risky)
        if r == 9:
            a, b = self.expr(FLOAT, d), self.expr(FLOAT, 0)
            return Expr("%s(%s, %s)" % (self.choice(["min", "max"]), a.code, b.code), FLOAT,
                        a.risky)
        if r == 10:
            lst = self.expr(LIST_INT, d)
            return Expr("sum(%s) / len(%s)" % (lst.code, lst.code), FLOAT, True)
        if r == 11:
            a, b = self.expr(FLOAT, d), self.expr(FLOAT, 0)
            return Expr("divmod(%s, %s)[%s]" % (a.code, b.code, self.choice("01")), FLOAT, True)
        if r == 12:
            return Expr(self.choice(['float("  -1.5e3 ")', 'float("inf")', 'float("-nan")',
                                     'float("1_0.5")', "float(2**53 + 1)", 'float("0x10")',
                                     "1e308 * 10", "2.0 ** 0.5", "10 ** -2", "(-8) ** 2.0",
                                     "0.1 + 0.2", "1 / 3", "1e16 + 1.0", "-7 / 2", "8 ** (1/3)",
                                     "float(10**400)", "5e-324 / 2", "sum([0.1] * 10)",
                                     "pow(2, -1)", "0 ** -1", "2 ** -1074", "(-2) ** -2",
                                     "round(0.5) + round(1.5, 0)", "round(1e300, -300)",
                                     "round(123.456, -1)", "abs(-0.0)", "-0.0 + 0",
                                     "1.0 // 0.3", "-1.0 % 0.3", "7.5 % -2", "divmod(-7.5, 2)[0]",
                                     "float(True) / 3", "max(0.0, -0.0)", "min(-0.0, 0.0)",
                                     "sum([1e16, 1.0, -1e16])", "sum([0.5, 1], 0.25)",
                                     "float(\"1e-400\")", "1e-320 * 1e10", "9007199254740993 / 1",
                                     "2 ** 0.5 * 2 ** 0.5", "100 * 1.1", "round(2.675, 2)"]),
                        FLOAT, True)
        if r == 13:
            a, b = self.expr(FLOAT, d), self.expr(INT, 0)
            return Expr("pow(%s, %s)" % (a.code, b.code), FLOAT, True)
        if r == 14:
            f = self.call_function(FLOAT, d)
            if f:
                return f
        return self.leaf(FLOAT)

    def str_expr(self, d):
        r = self.rng.randrange(26)
        if r < 2:
            a, b = self.expr(STR, d), self.expr(STR, d)
            return Expr("%s + %s" % (self.paren(a), self.paren(b)), STR, either(a, b))
        if r == 2:
            a = self.expr(STR, d)
            return Expr("%s * %s" % (self.paren(a), self.choice(SMALL_INTS)), STR, a.risky)
        if r == 3:
            a = self.expr(STR, d)
            m = self.choice(["upper", "lower", "strip", "title", "capitalize", "swapcase",
                             "casefold", "lstrip", "rstrip"])
            return Expr("%s.%s()" % (self.paren(a), m), STR, a.risky)
        if r == 4:
            a = self.expr(STR, d)
            old, new = self.choice(STR_LITERALS[:12]), self.choice(['"-"', '""', '"ab"'])
            count = self.choice(["", "", ", 1", ", 0", ", -1"])
            return Expr("%s.replace(%s, %s%s)" % (self.paren(a), old, new, count), STR,
                        a.risky)
        if r == 5:
            a = self.expr(STR, d)
            sl = self.choice(["[1:]", "[:3]", "[::-1]", "[::2]", "[-2:]", "[1:-1]",
                              "[5:2]", "[-100:100]", "[::-3]", "[2::-1]"])
            return Expr("%s%s" % (self.paren(a), sl), STR, a.risky)
        if r == 6:
            a = self.expr(STR, d)
            return Expr("%s[%s]" % (self.paren(a), self.choice(SMALL_INTS + ["-1"])), STR,
                        True)
        if r == 7:
            t = self.choice(SCALARS + CONTAINERS)
            if t in (SET_INT, SET_STR):
                t = LIST_INT
            a = self.expr(t, d)
            return Expr("%s(%s)" % (self.choice(["str", "repr"]), a.code), STR, a.risky)
        if r == 8:
            words = self.expr(LIST_STR, d)
            return Expr("%s.join(%s)" % (self.choice(SEP_LITERALS), words.code), STR,
                        words.risky)
        if r == 9:
            return self.fstring(d)
        if r == 10 and "percent" not in disabled:
            return self.percent(d)
        if r == 11:
            a = self.expr(STR, d)
            m = self.choice(["center", "ljust", "rjust", "zfill"])
            w = self.choice(["0", "5", "9", "-1", "12"])
            fill = ""
            if m != "zfill" and self.chance(0.4):
                fill = ", %s" % self.choice(['"*"', '"-"', '"ab"', '"é"'])
            return Expr("%s.%s(%s%s)" % (self.paren(a), m, w, fill), STR,
                        a.risky or fill == ', "ab"')
        if r == 12:
            a = self.expr(STR, d)
            sep = self.choice(['","', '" "', "None", '"a"', '""'])
            idx = self.choice(["0", "-1", "1", "2"])
            return Expr("%s.split(%s)[%s]" % (self.paren(a), sep, idx), STR, True)
        if r == 13:
            a = self.expr(STR, d)
            return Expr("%s.%s(%s)[%s]" % (self.paren(a),
                                             self.choice(["partition", "rpartition"]),
                                             self.choice(SEP_LITERALS), self.choice("012")),
                        STR, True)
        if r == 14:
            n = self.expr(INT, d)
            return Expr("%s(%s)" % (self.choice(["hex", "oct", "bin", "chr", "str"]), n.code),
                        STR, True)
        if r == 15:
            a = self.expr(STR, d)
            return Expr("%s.%s(%s)" % (self.paren(a),
                                       self.choice(["removeprefix", "removesuffix"]),
                                       self.choice(STR_LITERALS[:10])), STR, a.risky)
        if r == 16 and "format" not in disabled:
            t = self.choice([INT, FLOAT, STR])
            a = self.expr(t, d)
            return Expr("format(%s, %s)" % (a.code, repr(self.choice(FORMAT_SPECS[t]))), STR,
                        True)
        if r == 17:
            f = self.call_function(STR, d)
            if f:
                return f
        if r == 18:
            words = self.expr(LIST_STR, d)
            return Expr("%s(%s, default=%s)" % (self.choice(["min", "max"]), words.code,
                                                self.choice(STR_LITERALS[:4])), STR,
                        words.risky)
        if r == 19:
            a = self.expr(STR, d)
            return Expr("%s.expandtabs(%s)" % (self.paren(a), self.choice(["", "4", "0"])),
                        STR, a.risky)
        if r == 20:
            c = self.expr(BOOL, d)
            a, b = self.expr(STR, d), self.expr(STR, d)
            return Expr("%s if %s else %s" % (self.paren(a), self.paren(c), self.paren(b)),
                        STR, either(a, b, c))
        if r == 21:
            a = self.expr(STR, d)
            return Expr("%s.strip(%s)" % (self.paren(a), self.choice(['"a"', '" ,"', '"xyz"',
                                                                      '""', "None"])),
                        STR, a.risky)
        if r == 22:
            t = self.choice([INT, FLOAT, BOOL, LIST_INT, TUPLE, DICT, LIST_STR])
            a = self.expr(t, d)
            return Expr("str(%s)" % a.code, STR, a.risky)
        return self.leaf(STR)

    def fstring(self, d):
        parts = []
        risky = False
        for _ in range(self.rng.randint(1, 3)):
            t = self.choice([INT, FLOAT, STR, INT, FLOAT, LIST_INT, BOOL])
            e = self.leaf(t) if self.chance(0.7) else self.expr(t, d)
            risky = risky or e.risky
            code = e.code
            if '"' in code or "\\" in code:
                # an f-string may not contain the outer quote or a backslash (3.11)
                code = self.choice(self.visible(t)) if self.visible(t) else "0"
                if code == "0":
                    t = INT
            conv = ""
            if self.chance(0.15):
                conv = self.choice(["!r", "!s", "!a"])
            spec = ""
            if t in FORMAT_SPECS and self.chance(0.6) and "format" not in disabled:
                spec = ":" + self.choice(FORMAT_SPECS[t])
                if conv and t != STR:
                    spec = ""
                risky = True
            text = self.choice(["", "value ", " | ", "= ", "[", "x"])
            parts.append("%s{%s%s%s}" % (text, code, conv, spec))
        return Expr('f"%s"' % "".join(parts), STR, risky)

    def percent(self, d):
        t = self.choice([INT, FLOAT, STR])
        a = self.leaf(t)
        spec = self.choice(PERCENT_SPECS[t])
        if self.chance(0.3):
            b = self.leaf(INT)
            return Expr('"%s and %%d" %% (%s, %s)' % (spec, a.code, b.code), STR, True)
        return Expr('"<%s>" %% %s' % (spec, self.paren(a)), STR, True)

    def bool_expr(self, d):
        r = self.rng.randrange(16)
        if r < 3:
            t = self.choice([INT, FLOAT, STR, INT, LIST_INT, TUPLE])
            a = self.expr(t, d)
            b = self.expr(t if self.chance(0.8) else self.choice([INT, FLOAT]), d)
            op = self.choice(["<", "<=", ">", ">=", "==", "!="])
            risky = either(a, b) or (a.type != b.type and op not in ("==", "!=")
                                     and not {a.type, b.type} <= {INT, FLOAT})
            return Expr("%s %s %s" % (self.paren(a), op, self.paren(b)), BOOL, risky)
        if r == 3:
            a, b, c = self.expr(INT, 0), self.expr(INT, d), self.expr(INT, 0)
            return Expr("%s < %s <= %s" % (a.code, self.paren(b), c.code), BOOL, b.risky)
        if r == 4:
            cont = self.choice([LIST_INT, TUPLE, SET_INT])
            c = self.expr(cont, d)
            return Expr("%s %sin %s" % (self.expr(INT, 0).code, self.choice(["", "not "]),
                                        self.paren(c)), BOOL, c.risky)
        if r == 5:
            c = self.expr(self.choice([DICT, STR, LIST_STR, SET_STR]), d)
            return Expr("%s in %s" % (self.choice(DICT_KEYS), self.paren(c)), BOOL, c.risky)
        if r == 6:
            a = self.expr(BOOL, d)
            return Expr("not %s" % self.paren(a), BOOL, a.risky)
        if r == 7:
            a, b = self.expr(BOOL, d), self.expr(BOOL, d)
            return Expr("%s %s %s" % (self.paren(a), self.choice(["and", "or"]),
                                      self.paren(b)), BOOL, either(a, b))
        if r == 8:
            a = self.expr(self.choice(ALL_TYPES), d)
            types = self.choice(["int", "float", "str", "bool", "(int, float)", "list",
                                 "(list, tuple)", "dict", "(str, bytes)" if False else "tuple",
                                 "set", "(bool, str)"])
            return Expr("isinstance(%s, %s)" % (a.code, types), BOOL, a.risky)
        if r == 9:
            a = self.expr(self.choice(CONTAINERS + [STR, INT, FLOAT]), d)
            return Expr("bool(%s)" % a.code, BOOL, a.risky)
        if r == 10:
            a = self.expr(STR, d)
            m = self.choice(["isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower",
                             "istitle", "isdecimal", "isnumeric", "isidentifier",
                             "isprintable", "isascii"])
            return Expr("%s.%s()" % (self.paren(a), m), BOOL, a.risky)
        if r == 11:
            a = self.expr(STR, d)
            m = self.choice(["startswith", "endswith"])
            arg = self.choice(STR_LITERALS[:8] + ['("a", "h")', '()'])
            return Expr("%s.%s(%s)" % (self.paren(a), m, arg), BOOL, a.risky)
        if r == 12:
            lst = self.expr(LIST_INT, d)
            fn = self.choice(["any", "all"])
            cond = self.choice(["x > 0", "x % 2", "x == 5", "x"])
            return Expr("%s(%s for x in %s)" % (fn, cond, lst.code), BOOL, lst.risky)
        if r == 13:
            t = self.choice([SET_INT, SET_STR])
            a, b = self.expr(t, d), self.expr(t, d)
            op = self.choice(["<=", "<", ">=", "==", ".isdisjoint", ".issubset",
                              ".issuperset"])
            if op.startswith("."):
                return Expr("%s%s(%s)" % (self.paren(a), op, b.code), BOOL, either(a, b))
            return Expr("%s %s %s" % (self.paren(a), op, self.paren(b)), BOOL, either(a, b))
        if r == 14:
            a = self.expr(FLOAT, d)
            return Expr("%s.is_integer()" % self.paren(a), BOOL, a.risky)
        return self.leaf(BOOL)

    def list_int_expr(self, d):
        r = self.rng.randrange(19)
        if r < 2:
            lst = self.expr(self.choice([LIST_INT, TUPLE, SET_INT]), d)
            args = ""
            if self.chance(0.5):
                args += ", key=%s" % self.int_key()
            if self.chance(0.4):
                args += ", reverse=%s" % self.choice(["True", "False"])
            return Expr("sorted(%s%s)" % (lst.code, args), LIST_INT, lst.risky)
        if r == 2:
            a, b = self.expr(LIST_INT, d), self.expr(LIST_INT, d)
            return Expr("%s + %s" % (self.paren(a), self.paren(b)), LIST_INT, either(a, b))
        if r == 3:
            a = self.expr(LIST_INT, d)
            return Expr("%s * %s" % (self.paren(a), self.choice(SMALL_INTS)), LIST_INT,
                        a.risky)
        if r == 4:
            a = self.expr(LIST_INT, d)
            sl = self.choice(["[1:]", "[:2]", "[::-1]", "[::2]", "[-2:]", "[1:-1]", "[3:1]",
                              "[-100:100]", "[::-2]"])
            return Expr("%s%s" % (self.paren(a), sl), LIST_INT, a.risky)
        if r == 5:
            a = self.expr(self.choice([LIST_INT, TUPLE, SET_INT]), d)
            body = self.choice(["x * 2", "x % 3", "x // 2", "-x", "x ** 2", "abs(x)", "x + 1"])
            cond = self.choice(["", " if x > 0", " if x % 2 == 0", " if x != 7"])
            code = "[%s for x in %s%s]" % (body, a.code if a.type != SET_INT
                                            else "sorted(%s)" % a.code, cond)
            return Expr(code, LIST_INT, a.risky)
        if r == 6:
            args = self.choice(["5", "0", "-3", "2, 8", "10, 0, -3", "1, 10, 4", "3, 3",
                                "0, 10, 0", "-5, 5, 2"])
            return Expr("list(range(%s))" % args, LIST_INT, "0, 10, 0" in args)
        if r == 7:
            a = self.expr(LIST_INT, d)
            return Expr("list(reversed(%s))" % a.code, LIST_INT, a.risky)
        if r == 8:
            t = self.expr(TUPLE, d)
            return Expr("list(%s)" % t.code, LIST_INT, t.risky)
        if r == 9:
            dct = self.expr(DICT, d)
            return Expr("list(%s.values())" % self.paren(dct), LIST_INT, dct.risky)
        if r == 10:
            words = self.expr(LIST_STR, d)
            return Expr("[len(w) for w in %s]" % words.code, LIST_INT, words.risky)
        if r == 11:
            s = self.expr(SET_INT, d)
            return Expr("sorted(%s)" % s.code, LIST_INT, s.risky)
        if r == 12:
            a = self.expr(LIST_INT, d)
            return Expr("[i * x for i, x in enumerate(%s, %s)]" % (a.code,
                                                                  self.choice("01")),
                        LIST_INT, a.risky)
        if r == 13:
            a, b = self.expr(LIST_INT, d), self.expr(LIST_INT, d)
            return Expr("[x + y for x, y in zip(%s, %s)]" % (a.code, b.code), LIST_INT,
                        either(a, b))
        if r == 14:
            s = self.expr(STR, d)
            return Expr("[ord(c) for c in %s]" % s.code, LIST_INT, s.risky)
        if r == 15:
            a = self.expr(LIST_INT, d)
            return Expr("[int(c) for c in %s]" % self.expr(STR, d).code, LIST_INT, True) \
                if self.chance(0.3) else Expr("list(map(abs, %s))" % a.code, LIST_INT, a.risky)
        if r == 16:
            return Expr(self.choice(["sorted([3, 1.5, True, -2])", "sorted([1, 'a'])",
                                     "sorted([[2], [1, 5], []])", "sorted([(1, 'b'), (1, 2)])",
                                     "sorted([None, 1])", "sorted({1: 2, 0: 3})",
                                     "sorted([3, 1, 2], key=None)", "max([[1], [1, 0]])",
                                     "sorted([-0.0, 0, False])", "list(divmod(-9, 4))",
                                     "[round(x) for x in (0.5, 1.5, 2.5, -0.5)]",
                                     "[x ** 2 for x in range(-2, 3)]", "sorted([2, 1], reverse=1)",
                                     "sorted([5, 3, 9], key=lambda x: x // 4)"]),
                        LIST_INT, True)
        return self.leaf(LIST_INT)

    def list_str_expr(self, d):
        r = self.rng.randrange(12)
        if r < 2:
            words = self.expr(self.choice([LIST_STR, SET_STR]), d)
            key = self.choice(["", "", ", key=len", ", key=str.lower", ", reverse=True",
                               ", key=lambda w: (len(w), w)", ", key=lambda w: w[::-1]"])
            return Expr("sorted(%s%s)" % (words.code, key), LIST_STR, words.risky)
        if r == 2:
            s = self.expr(STR, d)
            args = self.choice(["", '","', '" "', '",", 1', "None, 1", '"a"', '""', '"-", -1'])
            m = self.choice(["split", "split", "rsplit"])
            return Expr("%s.%s(%s)" % (self.paren(s), m, args), LIST_STR, s.risky or
                        args == '""')
        if r == 3:
            s = self.expr(STR, d)
            return Expr("list(%s)" % s.code, LIST_STR, s.risky)
        if r == 4:
            dct = self.expr(DICT, d)
            return Expr("sorted(%s)" % dct.code, LIST_STR, dct.risky)
        if r == 5:
            words = self.expr(LIST_STR, d)
            body = self.choice(["w.upper()", "w * 2", "w[:1]", "w.strip()", "w + \"!\"",
                                "w.title()"])
            cond = self.choice(["", " if w", " if len(w) > 2", " if w.isalpha()"])
            return Expr("[%s for w in %s%s]" % (body, words.code, cond), LIST_STR,
                        words.risky)
        if r == 6:
            a, b = self.expr(LIST_STR, d), self.expr(LIST_STR, d)
            return Expr("%s + %s" % (self.paren(a), self.paren(b)), LIST_STR, either(a, b))
        if r == 7:
            s = self.expr(STR, d)
            return Expr("%s.splitlines()" % self.paren(s), LIST_STR, s.risky)
        if r == 8:
            lst = self.expr(LIST_INT, d)
            return Expr("[str(x) for x in %s]" % lst.code, LIST_STR, lst.risky)
        if r == 9:
            words = self.expr(LIST_STR, d)
            sl = self.choice(["[1:]", "[::-1]", "[:2]", "[-1:]"])
            return Expr("%s%s" % (self.paren(words), sl), LIST_STR, words.risky)
        return self.leaf(LIST_STR)

    def dict_expr(self, d):
        r = self.rng.randrange(9)
        if r == 0:
            words = self.expr(LIST_STR, d)
            return Expr("{w: len(w) for w in %s}" % words.code, DICT, words.risky)
        if r == 1:
            words, nums = self.expr(LIST_STR, d), self.expr(LIST_INT, d)
            return Expr("dict(zip(%s, %s))" % (words.code, nums.code), DICT,
                        either(words, nums))
        if r == 2:
            a, b = self.expr(DICT, d), self.expr(DICT, d)
            return Expr("%s | %s" % (self.paren(a), self.paren(b)), DICT, either(a, b))
        if r == 3:
            a = self.expr(DICT, d)
            return Expr("dict(sorted(%s.items()%s))" % (
                self.paren(a), self.choice(["", ", key=lambda kv: kv[1]",
                                            ", key=lambda kv: (-kv[1], kv[0])",
                                            ", reverse=True"])), DICT, a.risky)
        if r == 4:
            a = self.expr(DICT, d)
            return Expr("{k: v for k, v in %s.items() if v %s}" % (
                self.paren(a), self.choice(["> 0", "!= 3", "% 2 == 0", "< 10"])), DICT,
                a.risky)
        if r == 5:
            a = self.expr(DICT, d)
            return Expr("{k: v * 2 for k, v in %s.items()}" % self.paren(a), DICT, a.risky)
        if r == 6:
            return Expr(self.choice(['dict(a=1, b=2)', 'dict([("a", 1), ("b", 5)])',
                                     'dict({"q": 1}, r=2)']), DICT)
        if r == 7:
            a = self.expr(DICT, d)
            return Expr("dict(%s)" % a.code, DICT, a.risky)
        return self.leaf(DICT)

    def tuple_expr(self, d):
        r = self.rng.randrange(8)
        if r == 0:
            lst = self.expr(LIST_INT, d)
            return Expr("tuple(%s)" % lst.code, TUPLE, lst.risky)
        if r == 1:
            a, b = self.expr(INT, d), self.expr(INT, d)
            return Expr("divmod(%s, %s)" % (a.code, b.code), TUPLE, True)
        if r == 2:
            a, b = self.expr(INT, d), self.expr(INT, d)
            return Expr("(%s, %s)" % (a.code, b.code), TUPLE, either(a, b))
        if r == 3:
            a, b = self.expr(TUPLE, d), self.expr(TUPLE, d)
            return Expr("%s + %s" % (self.paren(a), self.paren(b)), TUPLE, either(a, b))
        if r == 4:
            a = self.expr(TUPLE, d)
            return Expr("%s%s" % (self.paren(a), self.choice(["[1:]", "[::-1]", "[:2]"])),
                        TUPLE, a.risky)
        if r == 5:
            a = self.expr(TUPLE, d)
            return Expr("tuple(sorted(%s))" % a.code, TUPLE, a.risky)
        if r == 6:
            a = self.expr(TUPLE, d)
            return Expr("%s * %s" % (self.paren(a), self.choice(SMALL_INTS)), TUPLE, a.risky)
        return self.leaf(TUPLE)

    def set_expr(self, type_, d):
        elem_list = LIST_INT if type_ == SET_INT else LIST_STR
        r = self.rng.randrange(6)
        if r == 0:
            lst = self.expr(elem_list, d)
            return Expr("set(%s)" % lst.code, type_, lst.risky)
        if r == 1:
            a, b = self.expr(type_, d), self.expr(type_, d)
            op = self.choice(["|", "&", "-", "^"])
            return Expr("%s %s %s" % (self.paren(a), op, self.paren(b)), type_, either(a, b))
        if r == 2:
            a, b = self.expr(type_, d), self.expr(elem_list, d)
            m = self.choice(["union", "intersection", "difference", "symmetric_difference"])
            return Expr("%s.%s(%s)" % (self.paren(a), m, b.code), type_, either(a, b))
        if r == 3 and type_ == SET_INT:
            lst = self.expr(LIST_INT, d)
            return Expr("{x %% %s for x in %s}" % (self.choice(["3", "2", "5"]), lst.code),
                        type_, lst.risky)
        if r == 3:
            s = self.expr(STR, d)
            return Expr("set(%s)" % s.code, type_, s.risky)
        if r == 4:
            a = self.expr(type_, d)
            return Expr("%s.copy()" % self.paren(a), type_, a.risky)
        return self.leaf(type_)

    @staticmethod
    def paren(e):
        code = e.code
        simple = code.replace("_", "").replace(".", "").isalnum() or (
            code[:1] in "([{\"'" and matching_close(code))
        if simple and not code.startswith("-"):
            return code
        if code.endswith(")") and "(" in code and code.split("(", 1)[0].replace(
                ".", "").replace("_", "").isalnum() and matching_close(
                    code[code.index("("):]):
            return code
        return "(%s)" % code

    # -- statements ------------------------------------------------------
    def printable(self, e):
        if e.type in (SET_INT, SET_STR):
            return Expr("sorted(%s)" % e.code, LIST_INT, e.risky)
        return e

    def guarded(self, lines_fn, risky, fallback=None):
        """Emit the lines of ``lines_fn`` (a callable emitting), in a try when risky."""
        if not risky:
            lines_fn()
            return
        self.emit("try:")
        self.depth += 1
        lines_fn()
        self.depth -= 1
        handler = self.choice(["Exception as e", "Exception as e", "Exception as e",
                               "(ValueError, TypeError) as e", "ZeroDivisionError as e",
                               "(IndexError, KeyError) as e", "ArithmeticError as e",
                               "LookupError as e"])
        if "Exception" not in handler:
            handler_all = True
        else:
            handler_all = False
        self.emit("except %s:" % handler)
        self.depth += 1
        self.emit(handler_print if self.chance(0.8) else "print(\"error:\", repr(e))")
        if fallback:
            fallback()
        self.depth -= 1
        if handler_all:
            self.emit("except Exception as e:")
            self.depth += 1
            self.emit(handler_print.replace("print(", "print(\"other\", "))
            if fallback:
                fallback()
            self.depth -= 1

    def stmt_print(self):
        r = self.rng.randrange(6)
        t = self.choice(ALL_TYPES)
        e = self.printable(self.expr(t, self.rng.randint(1, 3)))
        if r == 0 and self.room() > 6:
            e2 = self.printable(self.expr(self.choice(ALL_TYPES), 1))
            sep = self.choice(['', ', sep=", "', ', sep=""', ', end="!\\n"', ', sep="|"'])
            line = "print(%s, %s%s)" % (e.code, e2.code, sep)
            risky = either(e, e2)
        elif r == 1 and e.type in (LIST_INT, LIST_STR, TUPLE):
            line = "print(*%s%s)" % (self.paren(e), self.choice(["", ', sep=", "']))
            risky = e.risky
        else:
            line = "print(%s)" % e.code
            risky = e.risky
        self.guarded(lambda: self.emit(line), risky)

    def stmt_assign(self):
        t = self.choice(ALL_TYPES)
        e = self.expr(t, self.rng.randint(0, 3))
        existing = self.visible(t)
        top = len(self.scopes) == 1 or self.in_function()
        if existing and (self.chance(0.3) or not top):
            name = self.choice(existing)
        elif top:
            name = self.fresh(t)
        else:
            return self.stmt_print()

        def fallback():
            self.emit("%s = %s" % (name, self.literal(t).code))
        self.guarded(lambda: self.emit("%s = %s" % (name, e.code)), e.risky,
                     fallback if e.risky and name not in self.all_visible() else None)
        self.declare(name, t) if name not in self.all_visible() else None

    def all_visible(self):
        names = set()
        for scope in self.scopes:
            names.update(scope)
        return names

    def in_function(self):
        return getattr(self, "_function_depth", 0) > 0 and len(self.scopes) == 2

    def stmt_augassign(self):
        t = self.choice([INT, FLOAT, STR, LIST_INT, LIST_STR, DICT, SET_INT])
        names = [n for n in self.visible(t) if n not in self.frozen]
        if not names:
            return self.stmt_assign()
        name = self.choice(names)
        if t == INT:
            op = self.choice(["+=", "-=", "*=", "//=", "%=", "|=", "<<="])
            e = self.expr(INT, 1) if op != "<<=" else Expr(self.choice(["1", "2"]), INT)
            risky = e.risky or op in ("//=", "%=")
        elif t == FLOAT:
            op = self.choice(["+=", "-=", "*=", "/="])
            e = self.expr(self.choice([INT, FLOAT]), 1)
            risky = e.risky or op == "/="
        elif t == STR:
            op = "+="
            e = self.expr(STR, 1)
            risky = e.risky
        elif t in (LIST_INT, LIST_STR):
            op = self.choice(["+=", "*="])
            if op == "+=":
                e = self.expr(self.choice([t, t, STR if t == LIST_STR else TUPLE]), 1)
            else:
                e = Expr(self.choice(["2", "0", "1"]), INT)
            risky = e.risky
        elif t == DICT:
            op = "|="
            e = self.expr(DICT, 1) if self.chance(0.7) else Expr(
                self.choice(['[("a", 9)]', '[("n", 1), ("m", 2)]', "[]"]), DICT)
            risky = e.risky
        else:
            op = self.choice(["|=", "&=", "-=", "^="])
            e = self.expr(SET_INT, 1)
            risky = e.risky
        self.guarded(lambda: self.emit("%s %s %s" % (name, op, e.code)), risky)

    def stmt_mutate(self):
        t = self.choice([LIST_INT, LIST_STR, DICT, SET_INT, SET_STR])
        names = [n for n in self.visible(t) if n not in self.frozen]
        if not names:
            return self.stmt_assign()
        name = self.choice(names)
        elem = INT if t in (LIST_INT, SET_INT) else STR
        risky = False
        if t in (LIST_INT, LIST_STR):
            r = self.rng.randrange(11)
            x = self.expr(elem, 1)
            risky = x.risky
            if r == 0:
                line = "%s.append(%s)" % (name, x.code)
            elif r == 1:
                line = "%s.insert(%s, %s)" % (name, self.choice(SMALL_INTS + ["-1", "99"]),
                                              x.code)
            elif r == 2:
                line = "%s.extend(%s)" % (name, self.expr(t, 1).code)
                risky = True
            elif r == 3:
                line = "%s.remove(%s)" % (name, x.code)
                risky = True
            elif r == 4:
                line = "print(%s.pop(%s))" % (name, self.choice(["", "0", "-1", "2"]))
                risky = True
            elif r == 5:
                key = self.choice(["", "", "reverse=True", "key=%s" % (
                    self.int_key() if t == LIST_INT else self.choice(
                        ["len", "str.lower", "lambda w: w[-1:]"]))])
                line = "%s.sort(%s)" % (name, key)
                risky = "key" in key
            elif r == 6:
                line = "%s.reverse()" % name
            elif r == 7:
                line = "del %s[%s]" % (name, self.choice(["0", "-1", "1:3", "::2", "5"]))
                risky = True
            elif r == 8:
                line = "%s[%s] = %s" % (name, self.choice(["0", "-1", "2"]), x.code)
                risky = True
            elif r == 9:
                line = "%s.clear()" % name
            else:
                line = "print(%s.copy() == %s, %s.count(%s))" % (name, name, name, x.code)
        elif t == DICT:
            r = self.rng.randrange(9)
            key = self.choice(DICT_KEYS)
            v = self.expr(INT, 1)
            risky = v.risky
            if r == 0:
                line = "%s[%s] = %s" % (name, key, v.code)
            elif r == 1:
                line = "print(%s.pop(%s, %s))" % (name, key, v.code)
            elif r == 2:
                line = "print(%s.pop(%s))" % (name, key)
                risky = True
            elif r == 3:
                line = "print(%s.setdefault(%s, %s))" % (name, key, v.code)
            elif r == 4:
                line = "%s.update(%s)" % (name, self.choice(
                    [self.expr(DICT, 1).code, "x=1", '[("a", 5)]', "{}"]))
                risky = True
            elif r == 5:
                line = "print(%s.popitem())" % name
                risky = True
            elif r == 6:
                line = "del %s[%s]" % (name, key)
                risky = True
            elif r == 7:
                line = "%s[%s] = %s.get(%s, 0) + 1" % (name, key, name, key)
            else:
                line = "print(list(%s.items()))" % name
        else:
            r = self.rng.randrange(5)
            x = self.expr(elem, 1)
            risky = x.risky
            m = ["add", "discard", "remove", "update", "pop"][r]
            if m == "update":
                line = "%s.update(%s)" % (name, self.expr(LIST_INT if elem == INT
                                                           else LIST_STR, 1).code)
                risky = True
            elif m == "pop":
                line = "%s.clear()" % name
            else:
                line = "%s.%s(%s)" % (name, m, x.code)
                risky = risky or m == "remove"
        self.guarded(lambda: self.emit(line), risky)

    def stmt_if(self):
        c = self.expr(BOOL, 2)
        if c.risky:
            return self.stmt_print()
        self.emit("if %s:" % c.code)
        self.block(self.rng.randint(1, 2))
        if self.chance(0.3):
            c2 = self.expr(BOOL, 1)
            if not c2.risky:
                self.emit("elif %s:" % c2.code)
                self.block(1)
        if self.chance(0.5):
            self.emit("else:")
            self.block(self.rng.randint(1, 2))

    def block(self, n):
        self.depth += 1
        self.scopes.append({})
        start = len(self.lines)
        for _ in range(n):
            if self.room() < 4:
                break
            self.simple_stmt()
        if len(self.lines) == start:
            self.emit(self.choice(["pass", "print(\"-\")"]))
        self.scopes.pop()
        self.depth -= 1

    def simple_stmt(self):
        r = self.rng.randrange(10)
        if r < 4:
            self.stmt_print()
        elif r < 6:
            self.stmt_augassign()
        elif r < 8:
            self.stmt_mutate()
        else:
            self.stmt_assign()

    def stmt_for(self):
        r = self.rng.randrange(5)
        if r == 0:
            it = self.expr(LIST_INT, 1)
            var, vt, header = "item", INT, "for item in %s:" % it.code
        elif r == 1:
            it = self.expr(LIST_STR, 1)
            var, vt, header = "w", STR, "for w in %s:" % it.code
        elif r == 2:
            it = self.expr(STR, 1)
            var, vt, header = "ch", STR, "for ch in %s:" % it.code
        elif r == 3:
            it = self.expr(DICT, 1)
            var, vt = "key", STR
            header = "for key, val in %s.items():" % self.paren(it)
        else:
            it = Expr(self.choice(["range(5)", "range(3, 0, -1)", "range(-2, 7, 3)"]), INT)
            var, vt, header = "i", INT, "for i in %s:" % it.code
        if it.risky or var in self.all_visible():
            return self.stmt_print()
        frozen = it.code if it.code.isidentifier() else None
        if frozen:
            self.frozen.add(frozen)
        self.emit(header)
        self.depth += 1
        self.scopes.append({var: vt})
        if r == 3:
            self.scopes[-1]["val"] = INT
        if self.chance(0.5):
            cond = self.expr(BOOL, 1)
            if not cond.risky:
                self.emit("if %s:" % cond.code)
                self.depth += 1
                self.emit("print(%s, %s)" % (repr(self.choice(["stop at", "found", "break"])),
                                             var))
                self.emit(self.choice(["break", "break", "continue"]))
                self.depth -= 1
        for _ in range(self.rng.randint(1, 2)):
            if self.room() < 5:
                break
            self.simple_stmt()
        self.scopes.pop()
        self.depth -= 1
        if self.chance(0.4):
            self.emit("else:")
            self.depth += 1
            self.emit("print(\"loop finished\")")
            self.depth -= 1
        if frozen:
            self.frozen.discard(frozen)

    def stmt_while(self):
        if "i" in self.all_visible() or self.room() < 8:
            return self.stmt_print()
        self.emit("i = %s" % self.choice(["0", "1", "-3"]))
        self.emit("while i < %s:" % self.choice(["4", "6", "3"]))
        self.depth += 1
        self.scopes.append({"i": INT})
        self.simple_stmt()
        self.emit("i += %s" % self.choice(["1", "2"]))
        self.scopes.pop()
        self.depth -= 1
        self.used_names.add("i")
        self.scopes[0]["i"] = INT
        self.frozen.add("i")

    def stmt_unpack(self):
        r = self.rng.randrange(4)
        if r == 0:
            a, b = self.expr(INT, 1), self.expr(INT, 0)
            q, rem = self.fresh(INT), self.fresh(INT)
            line = "%s, %s = divmod(%s, %s)" % (q, rem, a.code, b.code)

            def fb():
                self.emit("%s, %s = 0, 0" % (q, rem))
            self.guarded(lambda: self.emit(line), True, fb)
            self.declare(q, INT)
            self.declare(rem, INT)
            self.emit("print(%s, %s)" % (q, rem))
        elif r == 1:
            lst = self.expr(LIST_INT, 1)
            first, rest = self.fresh(INT), self.fresh(LIST_INT)
            line = "%s, *%s = %s" % (first, rest, lst.code)

            def fb():
                self.emit("%s, %s = -1, []" % (first, rest))
            self.guarded(lambda: self.emit(line), True, fb)
            self.declare(first, INT)
            self.declare(rest, LIST_INT)
            self.emit("print(%s, %s)" % (first, rest))
        elif r == 2:
            names = self.visible(INT)
            if len(names) >= 2:
                a, b = self.rng.sample(names, 2)
                if a not in self.frozen and b not in self.frozen:
                    self.emit("%s, %s = %s, %s" % (a, b, b, a))
                    self.emit("print(%s, %s)" % (a, b))
                    return
            self.stmt_print()
        else:
            s = self.expr(STR, 1)
            head, sep, tail = self.fresh(STR), "sep_found", self.fresh(STR)
            self.used_names.add(sep)
            self.emit("%s, %s, %s = %s.partition(%s)" % (head, sep, tail, self.paren(s),
                                                         self.choice(SEP_LITERALS[:3]))
                      if not s.risky else "%s, %s, %s = \"a\", \"\", \"b\"" % (head, sep, tail))
            self.declare(head, STR)
            self.declare(sep, STR)
            self.declare(tail, STR)
            self.emit("print(repr(%s), repr(%s), repr(%s))" % (head, sep, tail))

    def stmt_def(self):
        if len(self.functions) >= 2 or self.room() < 10:
            return self.stmt_print()
        name = self.choice(["scale", "describe", "clamp", "combine", "summarize", "pick",
                            "normalize", "bucket", "score_of", "render"])
        if any(f[0] == name for f in self.functions):
            return self.stmt_print()
        nparams = self.rng.randint(1, 3)
        params = []
        pool = ["value", "factor", "prefix", "items", "limit", "label", "extra"]
        for i in range(nparams):
            pname = pool[i] if self.chance(0.5) else self.rng.choice(pool)
            if any(p[0] == pname for p in params):
                continue
            ptype = self.choice([INT, STR, LIST_INT, FLOAT, INT])
            default = self.literal(ptype).code if (i > 0 and self.chance(0.6)) else None
            if default is None and any(p[2] is not None for p in params):
                default = self.literal(ptype).code
            params.append((pname, ptype, default))
        ret = self.choice([INT, STR, FLOAT, LIST_INT])
        kwonly = len(params) > 1 and params[-1][2] is not None and self.chance(0.3)
        sig = []
        for i, (pname, ptype, default) in enumerate(params):
            if kwonly and i == len(params) - 1:
                sig.append("*")
            sig.append(pname if default is None else "%s=%s" % (pname, default))
        self.emit("def %s(%s):" % (name, ", ".join(sig)))
        self.depth += 1
        saved_scopes, saved_frozen = self.scopes, self.frozen
        self.scopes = [{}, {p[0]: p[1] for p in params}]
        self.frozen = set()
        self._function_depth = 1
        for _ in range(self.rng.randint(0, 2)):
            if self.chance(0.5):
                c = self.expr(BOOL, 1)
                if not c.risky:
                    self.emit("if %s:" % c.code)
                    self.depth += 1
                    self.emit("return %s" % self.expr(ret, 1).code)
                    self.depth -= 1
                    continue
            t = self.choice([INT, STR, LIST_INT])
            e = self.expr(t, 1)
            local = self.fresh(t)
            self.emit("%s = %s" % (local, e.code))
            self.scopes[-1][local] = t
        self.emit("return %s" % self.expr(ret, 2).code)
        self._function_depth = 0
        self.scopes, self.frozen = saved_scopes, saved_frozen
        self.depth -= 1
        if kwonly:
            # callers must name the keyword-only parameter
            params = params[:-1] + [params[-1]]
        self.functions.append((name, params, ret))
        call = self.call_function(ret, 1)
        if call:
            self.guarded(lambda: self.emit("print(%s)" % call.code), True)

    def stmt_try_finally(self):
        e = self.expr(self.choice([INT, FLOAT, STR]), 2)
        self.emit("try:")
        self.depth += 1
        self.emit("print(%s)" % e.code)
        self.depth -= 1
        self.emit("except %s as e:" % self.choice(["Exception", "(ValueError, ZeroDivisionError)",
                                                   "ArithmeticError", "LookupError"]))
        self.depth += 1
        self.emit(handler_print)
        self.depth -= 1
        if self.chance(0.5):
            self.emit("else:")
            self.depth += 1
            self.emit("print(\"no error\")")
            self.depth -= 1
        self.emit("finally:")
        self.depth += 1
        self.emit("print(\"done\")")
        self.depth -= 1

    def statement(self):
        r = self.rng.randrange(20)
        if r < 5:
            self.stmt_assign()
        elif r < 9:
            self.stmt_print()
        elif r < 11:
            self.stmt_mutate()
        elif r < 12:
            self.stmt_augassign()
        elif r < 14:
            self.stmt_if()
        elif r < 16:
            self.stmt_for()
        elif r < 17:
            self.stmt_unpack()
        elif r < 18:
            self.stmt_def()
        elif r < 19:
            self.stmt_while()
        else:
            self.stmt_try_finally()

    def program(self, target_lines, uncaught=False):
        while len(self.lines) < target_lines and self.room() > 12:
            self.statement()
        if not any("print(" in line for line in self.lines):
            self.stmt_print()
        if uncaught:
            self.uncaught_error()
        return "\n".join(self.lines) + "\n"

    def uncaught_error(self):
        """End the program with a statement that raises and is not caught."""
        for _ in range(50):
            t = self.choice(ALL_TYPES)
            e = self.expr(t, 2)
            if e.risky:
                self.emit("print(%s)" % self.printable(e).code)
                return
        self.emit(self.choice(['print(int("not a number"))', "print([][0])",
                               'print({"a": 1}["b"])', "print(1 // 0)"]))


def matching_close(code):
    """True when the bracket opening ``code`` closes at its very end."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    opener = code[0]
    if opener in "\"'":
        return code.count(opener) == 2 and code.endswith(opener)
    depth = 0
    in_str = None
    for i, ch in enumerate(code):
        if in_str:
            if ch == in_str:
                in_str = None
            continue
        if ch in "\"'":
            in_str = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                return i == len(code) - 1 and pairs.get(opener) == ch
    return False


def generate(rng, uncaught=False):
    """One program's source; ``uncaught`` ends it with an uncaught exception (usually)."""
    gen = Generator(rng)
    return gen.program(rng.randint(6, 30), uncaught)


if __name__ == "__main__":
    import sys
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    print(generate(random.Random(seed)), end="")
