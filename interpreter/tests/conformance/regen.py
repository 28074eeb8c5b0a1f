#!/usr/bin/env python3
"""Regenerate or check the expected outputs of the Bactrian conformance corpus.

Every ``<category>/<name>.py`` under this directory is run under CPython and
its exact stdout is stored in ``<name>.out``.  When the program ends with an
uncaught exception, ``<name>.err`` holds the exception type name (e.g.
``KeyError``) followed by a newline; otherwise no ``.err`` file exists.

Usage::

    python3 regen.py                 # (re)write .out/.err for every program
    python3 regen.py --check         # report differences, write nothing
    python3 regen.py strings errors  # restrict to categories ...
    python3 regen.py strings/split_basic.py   # ... or to single programs

Besides the expectations, both modes enforce the corpus conventions:

* the program is 3-40 lines and stays inside the Python subset Bactrian
  accepts (no import, with, yield, global, classes other than exceptions,
  dunder attributes, ``getattr``/``eval``/``id``/``hash``/..., see ``lint``);
* only programs in ``errors/`` and ``*_errors/`` end with an uncaught
  exception, and every program there does;
* the program finishes in well under a second (write mode only: ``--check``
  runs inside ``cargo test`` on a shared, loaded machine, where a start-up
  alone can take a second, so timing there would fail at random);
* (write mode, unless ``--no-determinism``) the output does not depend on the
  string hash seed: the program is re-run with other ``PYTHONHASHSEED``
  values and must print the same thing.  Bactrian does not reproduce
  CPython's hash order, so such programs could never pass.

A note on isolation: ``python3 -I`` ignores *all* ``PYTHON*`` environment
variables, including ``PYTHONHASHSEED``, so it cannot be combined with a fixed
seed.  The programs are therefore run with the equivalent flags ``-s`` (no
user site-packages) and ``-P`` (no script directory on ``sys.path``, when the
interpreter supports it) in an environment from which every other ``PYTHON*``
variable has been removed, plus ``-X utf8`` so stdout is always UTF-8.

Only the standard library is used; the exit status is 0 when everything is
consistent and 1 otherwise.
"""

import argparse
import ast
import concurrent.futures
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.abspath(__file__))

# Categories whose programs must end with an uncaught exception: `errors`
# and every category whose name ends with `_errors` (e.g. `agent_errors`).
ERROR_CATEGORY = "errors"
ERROR_CATEGORY_SUFFIX = "_errors"


def is_error_category(category):
    return category == ERROR_CATEGORY or category.endswith(ERROR_CATEGORY_SUFFIX)
MIN_LINES = 3
MAX_LINES = 40
TIMEOUT_SECONDS = 10.0
SLOW_SECONDS = 1.0
DETERMINISM_SEEDS = ("1", "2")

FORBIDDEN_CALLS = {
    "open", "eval", "exec", "compile", "input", "getattr", "setattr",
    "delattr", "hasattr", "id", "hash", "globals", "locals", "vars",
    "__import__", "bytes", "bytearray", "memoryview", "breakpoint", "exit",
    "quit", "help", "dir", "object", "super", "classmethod", "staticmethod",
    "property",
}

FORBIDDEN_NODES = {
    "Import": "import",
    "ImportFrom": "import",
    "With": "with statement",
    "AsyncWith": "async with",
    "AsyncFor": "async for",
    "AsyncFunctionDef": "async def",
    "Await": "await",
    "Yield": "yield",
    "YieldFrom": "yield from",
    "Global": "global",
    "Match": "match statement",
    "Assert": "assert",
}


# --------------------------------------------------------------------------
# discovery


def discover(selectors):
    """Return sorted (category, path) pairs for the selected programs."""
    programs = []
    for entry in sorted(os.listdir(ROOT)):
        cat_dir = os.path.join(ROOT, entry)
        if not os.path.isdir(cat_dir) or entry.startswith((".", "_")):
            continue
        for name in sorted(os.listdir(cat_dir)):
            if name.endswith(".py"):
                programs.append((entry, os.path.join(cat_dir, name)))
    if not selectors:
        return programs
    chosen = []
    for category, path in programs:
        rel = os.path.relpath(path, ROOT)
        for sel in selectors:
            sel_abs = os.path.abspath(sel)
            if (sel == category or sel == rel or sel_abs == path
                    or sel_abs == os.path.dirname(path)
                    or sel == rel[:-3]):
                chosen.append((category, path))
                break
    return chosen


def orphans():
    """Expectation files whose program no longer exists."""
    found = []
    for entry in sorted(os.listdir(ROOT)):
        cat_dir = os.path.join(ROOT, entry)
        if not os.path.isdir(cat_dir) or entry.startswith((".", "_")):
            continue
        for name in sorted(os.listdir(cat_dir)):
            stem, ext = os.path.splitext(name)
            if ext in (".out", ".err") and not os.path.exists(
                    os.path.join(cat_dir, stem + ".py")):
                found.append(os.path.join(entry, name))
    return found


# --------------------------------------------------------------------------
# lint


def is_dunder(name):
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def lint(source):
    """Return a list of convention violations in one program's source."""
    problems = []
    lines = source.splitlines()
    if not MIN_LINES <= len(lines) <= MAX_LINES:
        problems.append("has %d lines (want %d-%d)"
                        % (len(lines), MIN_LINES, MAX_LINES))
    if "print(" not in source:
        problems.append("prints nothing")
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        return problems + ["is not valid Python: %s" % exc]
    for node in ast.walk(tree):
        kind = type(node).__name__
        where = " (line %d)" % getattr(node, "lineno", 0)
        if kind in FORBIDDEN_NODES:
            problems.append("uses %s%s" % (FORBIDDEN_NODES[kind], where))
        elif isinstance(node, ast.FunctionDef) and node.decorator_list:
            problems.append("uses a decorator" + where)
        elif isinstance(node, ast.Lambda) and (
                node.args.defaults or node.args.kw_defaults):
            problems.append("uses a lambda with default arguments" + where)
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                if not isinstance(target, ast.Subscript):
                    problems.append("deletes a name" + where)
        elif isinstance(node, ast.Attribute) and is_dunder(node.attr) \
                and node.attr not in ("__name__", "__class__"):
            problems.append("uses dunder attribute %s%s" % (node.attr, where))
        elif isinstance(node, ast.Name) and is_dunder(node.id):
            problems.append("uses dunder name %s%s" % (node.id, where))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in FORBIDDEN_CALLS:
            problems.append("calls %s()%s" % (node.func.id, where))
        elif isinstance(node, ast.ClassDef) and (
                node.decorator_list or node.keywords
                or any(isinstance(b, ast.Name) and b.id == "BaseModel"
                       for b in node.bases)
                or any(isinstance(item, ast.FunctionDef) for item in node.body)):
            # CPython here has no pydantic, and plan classes have no methods:
            # only exception classes (`class NotFound(Exception): pass`).
            problems.append("defines a class other than an exception" + where)
        elif isinstance(node, ast.Constant) and isinstance(node.value, bytes):
            problems.append("uses a bytes literal" + where)
    return problems


# --------------------------------------------------------------------------
# running CPython


def python_command(python, path):
    cmd = [python, "-s", "-X", "utf8"]
    if sys.version_info >= (3, 11) and python == sys.executable:
        cmd.append("-P")
    return cmd + [path]


def clean_env(seed):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = seed
    return env


EXC_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_.]*)(?::|$)")


def run_program(python, path, seed="0"):
    """Run one program; return (stdout bytes, error type or None, seconds, note)."""
    start = time.monotonic()
    try:
        proc = subprocess.run(
            python_command(python, path),
            cwd=os.path.dirname(path),
            env=clean_env(seed),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        return b"", None, TIMEOUT_SECONDS, "timed out after %ss" % TIMEOUT_SECONDS
    elapsed = time.monotonic() - start
    if proc.returncode == 0:
        return proc.stdout, None, elapsed, None
    stderr = proc.stderr.decode("utf-8", "replace")
    tail = [line for line in stderr.splitlines() if line.strip()]
    match = EXC_LINE.match(tail[-1]) if tail else None
    if not match or not stderr.startswith("Traceback"):
        return proc.stdout, None, elapsed, (
            "exited with status %d without a traceback: %s"
            % (proc.returncode, stderr.strip()[-300:]))
    return proc.stdout, match.group(1).rsplit(".", 1)[-1], elapsed, None


# --------------------------------------------------------------------------
# comparison


def first_difference(expected, got):
    exp_lines = expected.split("\n")
    got_lines = got.split("\n")
    for i in range(max(len(exp_lines), len(got_lines))):
        e = exp_lines[i] if i < len(exp_lines) else "<end of output>"
        g = got_lines[i] if i < len(got_lines) else "<end of output>"
        if e != g:
            return "line %d: expected %r, CPython printed %r" % (i + 1, e, g)
    return "outputs differ"


def read_bytes(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def write_bytes(path, data):
    with open(path, "wb") as f:
        f.write(data)


def process(category, path, python, check, determinism):
    """Handle one program; return (relative path, [problems], [actions])."""
    rel = os.path.relpath(path, ROOT)
    problems, actions = [], []
    with open(path, encoding="utf-8") as f:
        source = f.read()
    problems += lint(source)

    stdout, err, elapsed, note = run_program(python, path)
    if note:
        return rel, problems + [note], actions
    if not check and elapsed > SLOW_SECONDS:
        problems.append("took %.2fs under CPython (limit %.1fs)"
                        % (elapsed, SLOW_SECONDS))
    if is_error_category(category) and err is None:
        problems.append("is in %s/ but finished without an uncaught exception"
                        % category)
    if not is_error_category(category) and err is not None:
        problems.append("ends with an uncaught %s (only %s/ and *%s/ programs may)"
                        % (err, ERROR_CATEGORY, ERROR_CATEGORY_SUFFIX))
    try:
        stdout.decode("utf-8")
    except UnicodeDecodeError:
        problems.append("printed invalid UTF-8")

    if determinism:
        for seed in DETERMINISM_SEEDS:
            other, other_err, _, other_note = run_program(python, path, seed)
            if other != stdout or other_err != err or other_note:
                problems.append(
                    "output depends on PYTHONHASHSEED (seed 0 vs %s: %s)"
                    % (seed, first_difference(stdout.decode("utf-8", "replace"),
                                              other.decode("utf-8", "replace"))))
                break

    out_path = path[:-3] + ".out"
    err_path = path[:-3] + ".err"
    want_err = None if err is None else (err + "\n").encode()
    have_out = read_bytes(out_path)
    have_err = read_bytes(err_path)

    if check:
        if have_out is None:
            problems.append("has no .out file")
        elif have_out != stdout:
            problems.append("stored .out differs from CPython: " + first_difference(
                have_out.decode("utf-8", "replace"), stdout.decode("utf-8", "replace")))
        if have_err != want_err:
            problems.append("stored .err is %r, CPython gives %r" % (
                have_err.decode().strip() if have_err is not None else None,
                err))
    else:
        if have_out != stdout:
            write_bytes(out_path, stdout)
            actions.append("wrote " + os.path.relpath(out_path, ROOT))
        if want_err is None and have_err is not None:
            os.remove(err_path)
            actions.append("removed " + os.path.relpath(err_path, ROOT))
        elif want_err is not None and have_err != want_err:
            write_bytes(err_path, want_err)
            actions.append("wrote " + os.path.relpath(err_path, ROOT))
    return rel, problems, actions


def main(argv):
    parser = argparse.ArgumentParser(
        description="Regenerate or check conformance expectations with CPython.")
    parser.add_argument("--check", action="store_true",
                        help="report stale expectations instead of writing them")
    parser.add_argument("--no-determinism", action="store_true",
                        help="skip the re-runs with other hash seeds (write mode)")
    parser.add_argument("--determinism", action="store_true",
                        help="also run the hash-seed re-runs in --check mode")
    parser.add_argument("--python", default=sys.executable,
                        help="CPython to run the programs with (default: this one)")
    parser.add_argument("--jobs", type=int, default=max(2, os.cpu_count() or 1),
                        help="programs to run in parallel")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list every file written")
    parser.add_argument("selectors", nargs="*",
                        help="categories, directories or .py files (default: all)")
    args = parser.parse_args(argv)

    programs = discover(args.selectors)
    if not programs:
        print("regen.py: no programs selected", file=sys.stderr)
        return 1
    determinism = args.determinism or (not args.check and not args.no_determinism)

    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(process, cat, path, args.python, args.check, determinism)
                   for cat, path in programs]
        for fut in futures:
            results.append(fut.result())

    n_problems = 0
    n_written = 0
    for rel, problems, actions in results:
        for problem in problems:
            print("%s: %s" % (rel, problem))
            n_problems += 1
        n_written += len(actions)
        if args.verbose:
            for action in actions:
                print(action)
    if not args.selectors:
        for orphan in orphans():
            print("%s: expectation file without a program" % orphan)
            n_problems += 1

    version = subprocess.run(
        [args.python, "-c", "import sys; print(sys.version.split()[0])"],
        stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()
    verb = "checked" if args.check else "regenerated"
    summary = "%s %d programs with CPython %s" % (verb, len(programs), version)
    if not args.check:
        summary += ", %d files written" % n_written
    print("%s; %d problem(s)" % (summary, n_problems))
    return 1 if n_problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
