#!/usr/bin/env python3
"""Bactrian vs CPython (and monty) benchmark: whole-process wall time of each program.

For every program in bench/programs/ this script

1. runs it once under `python3 -S` and once under `bactrian run` and checks that
   the two print exactly the same stdout (and both exit 0); a difference is an
   interpreter bug and is reported loudly; monty's output is checked the same
   way (a program monty cannot run is skipped for monty, and said so);
2. runs `python3 -S PROG` (the judged baseline), `python3 PROG` (shown),
   monty (when a venv with pydantic-monty is found) and `bactrian run PROG`
   alternately --runs times each (the order turned by one each round, so that none
   always runs right after the same one), timing each process from start to exit;
3. prints a table of medians, the ratio Bactrian/`python3 -S` and whether the
   goals for that program are met (PASS/MISS): the ratio goal, and faster than
   monty's whole process.

It builds nothing. Build first:  cargo build --release -p bactrian
Exit status: 0 unless some program's outputs differed (1), or the Bactrian
binary is missing (2). A MISS is a finding, not a failure.

Only the standard library is used.
"""

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import threading
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
PROGRAMS_DIR = BENCH_DIR / "programs"

# (program, goal ratio Bactrian/`python3 -S`, kind). Order is the table order.
PROGRAMS = [
    ("plan50", 0.5, "plan-sized"),
    ("string_building", 1.0, "loop-heavy"),
    ("dict_list", 1.0, "loop-heavy"),
    ("dict_records", 1.0, "loop-heavy"),
    ("loop_arith", 1.0, "loop-heavy"),
    ("loop_calls", 1.0, "loop-heavy"),
    ("comprehensions", 1.0, "loop-heavy"),
]

MONTY_RUNNER = BENCH_DIR / "monty_runner.py"
# Where a venv with pydantic-monty is looked for (`make bench` creates the second).
MONTY_VENVS = [REPO_ROOT / ".venv-monty", REPO_ROOT / "target" / "monty-venv"]
IN_PROCESS_PREFIX = "monty-in-process-ms:"

TIMEOUT_S = 300


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Time bench/programs/*.py under python3 -S, python3, monty and Bactrian.")
    p.add_argument("--bactrian", default=None,
                   help="path to the bactrian binary, relative to the repo root "
                        "(default: target/release/bactrian, or "
                        "$CARGO_TARGET_DIR/release/bactrian if that is set and "
                        "the default is missing)")
    p.add_argument("--python", default="python3",
                   help="the CPython to compare against (default: python3); it is "
                        "timed as `PYTHON -S` (judged) and as `PYTHON` (shown)")
    p.add_argument("--no-resolve-python", action="store_true",
                   help="time --python as given instead of the binary it resolves "
                        "to (sys.executable); by default a shim is bypassed")
    p.add_argument("--monty", default=None,
                   help="python of a venv with pydantic-monty installed (default: the "
                        "first of .venv-monty/bin/python, target/monty-venv/bin/python)")
    p.add_argument("--no-monty", action="store_true", help="do not time monty")
    p.add_argument("--runs", type=int, default=5,
                   help="timed runs of each interpreter per program (default: 5)")
    p.add_argument("--json", action="store_true",
                   help="print one JSON object instead of the table")
    p.add_argument("programs", nargs="*", metavar="PROGRAM",
                   help="only these programs (names without .py)")
    args = p.parse_args(argv)
    if args.runs < 1:
        p.error("--runs must be at least 1")
    known = {name for name, _, _ in PROGRAMS}
    for name in args.programs:
        if name not in known:
            p.error(f"unknown program {name!r}; known: {', '.join(sorted(known))}")
    return args


def find_bactrian(given):
    if given is not None:
        path = Path(given)
        if not path.is_absolute():
            path = REPO_ROOT / path
        return path, [path]
    candidates = [REPO_ROOT / "target" / "release" / "bactrian"]
    target_dir = os.environ.get("CARGO_TARGET_DIR")
    if target_dir:
        t = Path(target_dir)
        if not t.is_absolute():
            t = REPO_ROOT / t
        candidates.append(t / "release" / "bactrian")
    for c in candidates:
        if c.is_file():
            return c, candidates
    return candidates[0], candidates


def child_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    return env


def run_capture(cmd, env):
    return subprocess.run(cmd, cwd=PROGRAMS_DIR, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=TIMEOUT_S)


def cpu_children_s():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def time_once(cmd, env, in_process=False):
    """Wall and CPU (user+sys) milliseconds of one process, start to exit, and with
    `in_process` the time the monty runner reports on stderr for the run alone."""
    cpu0 = cpu_children_s()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=PROGRAMS_DIR, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE if in_process else subprocess.DEVNULL)
    # A plain wait() blocks in waitpid and returns the moment the process ends; wait(timeout)
    # polls, sleeping up to 50 ms, which would round every time up to the next poll. The
    # timeout is a watchdog thread instead. (The runner's stderr is one short line, read
    # after exit: it fits the pipe's buffer.)
    watchdog = threading.Timer(TIMEOUT_S, proc.kill)
    watchdog.start()
    try:
        returncode = proc.wait()
    finally:
        watchdog.cancel()
    wall = (time.perf_counter() - start) * 1000.0
    cpu = (cpu_children_s() - cpu0) * 1000.0
    if returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {returncode} while timing")
    reported = None
    if in_process:
        reported = in_process_ms(proc.stderr.read().decode("utf-8", "replace"))
        proc.stderr.close()
    return wall, cpu, reported


def in_process_ms(stderr):
    for line in stderr.splitlines():
        if line.startswith(IN_PROCESS_PREFIX):
            return float(line[len(IN_PROCESS_PREFIX):])
    return None


def find_monty(given):
    """The python of a venv that can import pydantic_monty, or None."""
    candidates = [Path(given)] if given else [v / "bin" / "python" for v in MONTY_VENVS]
    for c in candidates:
        if not c.is_absolute():
            c = REPO_ROOT / c
        if c.is_file():
            ok = subprocess.run([str(c), "-c", "import pydantic_monty"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                timeout=60).returncode == 0
            if ok:
                return c
    return None


def resolve_python(python, env):
    """The real interpreter binary behind `python` (a pyenv or asdf shim is a
    script that adds ~100 ms of its own to every start, which is not CPython's)."""
    exe = shutil.which(python) or python
    try:
        out = subprocess.run([exe, "-c", "import sys; print(sys.executable); "
                              "print(sys.version.split()[0])"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True, env=env, timeout=60, check=True).stdout.split()
    except (OSError, subprocess.SubprocessError):
        print(f"bench/run.py: cannot run {python!r}", file=sys.stderr)
        sys.exit(2)
    return (out[0] if out and out[0] else exe), (out[1] if len(out) > 1 else "?")


def first_difference(a, b):
    al, bl = a.splitlines(), b.splitlines()
    for i in range(max(len(al), len(bl))):
        x = al[i] if i < len(al) else "<no line>"
        y = bl[i] if i < len(bl) else "<no line>"
        if x != y:
            return i + 1, x, y
    return None, "<same lines; trailing newline or line ending differs>", ""


def check_same_output(name, py, bx_cmd, env):
    """Returns None when Bactrian prints what CPython printed (`py`, a finished run),
    else a dict describing the mismatch."""
    bx = run_capture(bx_cmd, env)
    py_out = py.stdout.decode("utf-8", "replace")
    bx_out = bx.stdout.decode("utf-8", "replace")
    if py.returncode == 0 and bx.returncode == 0 and py.stdout == bx.stdout:
        return None
    line, expected, got = first_difference(py_out, bx_out)
    return {
        "program": name,
        "cpython_exit": py.returncode,
        "bactrian_exit": bx.returncode,
        "first_differing_line": line,
        "cpython_line": expected,
        "bactrian_line": got,
        "cpython_stderr": py.stderr.decode("utf-8", "replace")[-2000:],
        "bactrian_stderr": bx.stderr.decode("utf-8", "replace")[-2000:],
    }


def why_monty_differs(py, monty_cmd, env):
    """None when monty prints what CPython printed (`py`), else why it cannot be
    compared (monty lacks something the program uses, or prints something else)."""
    try:
        mo = run_capture(monty_cmd, env)
    except subprocess.TimeoutExpired:
        return f"timed out after {TIMEOUT_S} s"
    if mo.returncode != 0:
        err = mo.stderr.decode("utf-8", "replace").strip().splitlines()
        return f"exit {mo.returncode}: {err[-1] if err else ''}"
    if mo.stdout != py.stdout:
        line, expected, got = first_difference(py.stdout.decode("utf-8", "replace"),
                                               mo.stdout.decode("utf-8", "replace"))
        return f"output differs at line {line}: {got!r} instead of {expected!r}"
    return None


def report_mismatch(m):
    out = sys.stderr
    print(f"\n*** OUTPUT MISMATCH: {m['program']}.py (an interpreter bug) ***", file=out)
    print(f"    exit codes: cpython {m['cpython_exit']}, bactrian {m['bactrian_exit']}", file=out)
    if m["first_differing_line"] is not None:
        print(f"    first differing stdout line {m['first_differing_line']}:", file=out)
    print(f"    cpython : {m['cpython_line']}", file=out)
    print(f"    bactrian: {m['bactrian_line']}", file=out)
    for who in ("cpython", "bactrian"):
        err = m[f"{who}_stderr"].strip()
        if err:
            print(f"    {who} stderr:", file=out)
            for line in err.splitlines()[-10:]:
                print(f"      {line}", file=out)


def fmt_ms(v):
    return "-" if v is None else f"{v:.1f}"


def fmt_ms(v):
    return "-" if v is None else f"{v:.1f}"


# (column header, row key, formatter, right-aligned)
COLUMNS = [
    ("program", "program", str, False),
    ("python3 -S ms", "python_s_median_ms", fmt_ms, True),
    ("python3 ms", "python_median_ms", fmt_ms, True),
    ("monty ms", "monty_median_ms", fmt_ms, True),
    ("monty in-process ms", "monty_in_process_median_ms", fmt_ms, True),
    ("Bactrian ms", "bactrian_median_ms", fmt_ms, True),
    ("ratio", "ratio", lambda r: "-" if r is None else f"{r:.2f}x", True),
    ("goal", "goal", lambda g: f"<= {g}x", False),
    ("result", "result", str, False),
    ("vs monty", "monty_result", str, False),
    ("CPU ratio", "cpu_ratio", lambda r: "-" if r is None else f"{r:.2f}x", True),
]


def print_table(rows, meta):
    headers = [c[0] for c in COLUMNS]
    table = [[fmt(r[key]) for _, key, fmt, _ in COLUMNS] for r in rows]
    widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(headers)]
    right = {i for i, c in enumerate(COLUMNS) if c[3]}

    def line(cells):
        return "| " + " | ".join(
            c.rjust(widths[i]) if i in right else c.ljust(widths[i])
            for i, c in enumerate(cells)) + " |"

    print(line(headers))
    print("|" + "|".join(("-" * (w + 1) + ":") if i in right else ("-" * (w + 2))
                         for i, w in enumerate(widths)) + "|")
    for t in table:
        print(line(t))
    print()
    load = meta["load_average"]
    print(f"{meta['date']}, {meta['cpus']} CPUs, {meta['python']} ({meta['python_path']}), "
          f"median of {meta['runs']} runs each, whole process (start to exit), "
          f"alternating interpreters" +
          (f", load average {load[0]:.2f} at start." if load else "."))
    print("ratio = Bactrian/`python3 -S` wall time (the judged goal); python3 (with site) is "
          "shown, not judged;")
    print("vs monty = Bactrian's whole process faster than monty's (pydantic-monty "
          f"{meta['monty'] or 'not found'}: python + import + worker + run); monty in-process "
          "= the run alone in a warm worker;")
    print("CPU ratio = Bactrian/`python3 -S` user+sys CPU time (steadier on a busy machine).")
    for r in rows:
        if r.get("monty_skipped"):
            print(f"monty skipped {r['program']}: {r['monty_skipped']}")


def monty_version(monty_python):
    out = subprocess.run([str(monty_python), "-c",
                          "import importlib.metadata as m; print(m.version('pydantic-monty'))"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                         timeout=60)
    return out.stdout.strip() or "?"


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    bactrian, tried = find_bactrian(args.bactrian)
    if not bactrian.is_file():
        print("bench/run.py: no Bactrian binary at " +
              " or ".join(str(t) for t in tried), file=sys.stderr)
        print("build it first, from the repo root:\n"
              "    cargo build --release -p bactrian\n"
              "or point --bactrian at an existing binary "
              "(e.g. --bactrian $CARGO_TARGET_DIR/release/bactrian)", file=sys.stderr)
        return 2
    env = child_env()
    python, pyver = resolve_python(args.python, env)
    if args.no_resolve_python:
        python = shutil.which(args.python) or args.python
    monty = None if args.no_monty else find_monty(args.monty)
    if monty is None and not args.no_monty and not args.json:
        print("bench/run.py: no venv with pydantic-monty (see bench/README.md); monty is "
              "not timed", file=sys.stderr)
    selected = [p for p in PROGRAMS if not args.programs or p[0] in args.programs]

    meta = {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "python": f"CPython {pyver}",
        "python_path": python,
        "monty": None if monty is None else monty_version(monty),
        "monty_python": None if monty is None else str(monty),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "bactrian": str(bactrian),
        "runs": args.runs,
    }

    rows, mismatches = [], []
    for name, goal, kind in selected:
        prog = PROGRAMS_DIR / f"{name}.py"
        commands = {
            "python_s": [python, "-S", prog.name],
            "python": [python, prog.name],
            "bactrian": [str(bactrian), "run", prog.name],
        }
        if monty is not None:
            commands["monty"] = [str(monty), str(MONTY_RUNNER), prog.name]
        if not args.json:
            print(f"{name}: checking output...", file=sys.stderr, flush=True)
        expected = run_capture(commands["python_s"], env)
        mismatch = check_same_output(name, expected, commands["bactrian"], env)
        row = {"program": name, "kind": kind, "goal": goal, "ratio": None,
               "cpu_ratio": None, "result": "OUTPUT DIFFERS", "monty_result": "-",
               "monty_skipped": None, "monty_in_process_ms": [],
               "monty_in_process_median_ms": None}
        for who in ("python_s", "python", "monty", "bactrian"):
            row[f"{who}_ms"], row[f"{who}_cpu_ms"] = [], []
            row[f"{who}_median_ms"] = row[f"{who}_median_cpu_ms"] = None
        if mismatch is not None:
            mismatches.append(mismatch)
            report_mismatch(mismatch)
            rows.append(row)
            continue
        if "monty" in commands:
            row["monty_skipped"] = why_monty_differs(expected, commands["monty"], env)
            if row["monty_skipped"] is not None:
                del commands["monty"]
                if not args.json:
                    print(f"{name}: monty skipped: {row['monty_skipped']}", file=sys.stderr)
        if not args.json:
            print(f"{name}: timing {args.runs} runs of each of {', '.join(commands)}...",
                  file=sys.stderr, flush=True)
        # The order turns each round: whatever runs right after a heavy process (`python3`
        # with site, monty) runs slower, and a fixed order would put one interpreter there
        # every time.
        order = list(commands.items())
        for turn in range(args.runs):
            shift = turn % len(order)
            for who, cmd in order[shift:] + order[:shift]:
                wall, cpu, in_process = time_once(cmd, env, in_process=(who == "monty"))
                row[f"{who}_ms"].append(wall)
                row[f"{who}_cpu_ms"].append(cpu)
                if in_process is not None:
                    row["monty_in_process_ms"].append(in_process)
        for who in commands:
            row[f"{who}_median_ms"] = statistics.median(row[f"{who}_ms"])
            row[f"{who}_median_cpu_ms"] = statistics.median(row[f"{who}_cpu_ms"])
        if row["monty_in_process_ms"]:
            row["monty_in_process_median_ms"] = statistics.median(row["monty_in_process_ms"])
        row["ratio"] = row["bactrian_median_ms"] / row["python_s_median_ms"]
        if row["python_s_median_cpu_ms"] > 0:
            row["cpu_ratio"] = row["bactrian_median_cpu_ms"] / row["python_s_median_cpu_ms"]
        row["result"] = "PASS" if row["ratio"] <= goal else "MISS"
        if row["monty_median_ms"] is not None:
            row["monty_result"] = ("PASS" if row["bactrian_median_ms"] < row["monty_median_ms"]
                                   else "MISS")
        rows.append(row)

    if args.json:
        print(json.dumps({"meta": meta, "programs": rows, "mismatches": mismatches},
                         indent=2))
    else:
        print(file=sys.stderr)
        print_table(rows, meta)
        if mismatches:
            print(f"\n{len(mismatches)} program(s) printed something different under "
                  f"Bactrian: {', '.join(m['program'] for m in mismatches)}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
