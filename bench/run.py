#!/usr/bin/env python3
"""Bactrian vs CPython benchmark: whole-process wall time of each program.

For every program in bench/programs/ this script

1. runs it once under CPython and once under `bactrian run` and checks that the
   two print exactly the same stdout (and both exit 0); a difference is an
   interpreter bug and is reported loudly;
2. runs `python3 PROG` and `bactrian run PROG` alternately --runs times each,
   timing each process from start to exit;
3. prints a table of medians, the ratio Bactrian/CPython and whether the goal
   for that program is met (PASS/MISS).

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

# (program, goal ratio Bactrian/CPython, kind). Order is the table order.
PROGRAMS = [
    ("plan50", 0.2, "plan-sized"),
    ("string_building", 1.5, "loop-heavy"),
    ("dict_list", 1.5, "loop-heavy"),
    ("loop_arith", 1.5, "loop-heavy"),
    ("loop_calls", 1.5, "loop-heavy"),
    ("comprehensions", 1.5, "loop-heavy"),
]

TIMEOUT_S = 300


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Time bench/programs/*.py under CPython and Bactrian.")
    p.add_argument("--bactrian", default=None,
                   help="path to the bactrian binary, relative to the repo root "
                        "(default: target/release/bactrian, or "
                        "$CARGO_TARGET_DIR/release/bactrian if that is set and "
                        "the default is missing)")
    p.add_argument("--python", default="python3",
                   help="the CPython to compare against (default: python3)")
    p.add_argument("--no-resolve-python", action="store_true",
                   help="time --python as given instead of the binary it resolves "
                        "to (sys.executable); by default a shim is bypassed")
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


def time_once(cmd, env):
    """Wall and CPU (user+sys) milliseconds of one process, start to exit."""
    cpu0 = cpu_children_s()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=PROGRAMS_DIR, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # A plain wait() blocks in waitpid and returns the moment the process ends; wait(timeout)
    # polls, sleeping up to 50 ms, which would round every time up to the next poll. The
    # timeout is a watchdog thread instead.
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
    return wall, cpu


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


def check_same_output(name, py_cmd, bx_cmd, env):
    """Returns None when the outputs agree, else a dict describing the mismatch."""
    py = run_capture(py_cmd, env)
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


def print_table(rows, meta):
    headers = ["program", "CPython ms", "Bactrian ms", "ratio", "goal", "result",
               "CPU ratio"]
    table = []
    for r in rows:
        table.append([
            r["program"],
            fmt_ms(r["cpython_median_ms"]),
            fmt_ms(r["bactrian_median_ms"]),
            "-" if r["ratio"] is None else f"{r['ratio']:.2f}x",
            f"<= {r['goal']}x",
            r["result"],
            "-" if r["cpu_ratio"] is None else f"{r['cpu_ratio']:.2f}x",
        ])
    widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(headers)]
    right = {1, 2, 3, 6}

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
    print("ratio = Bactrian/CPython wall time (the goal); "
          "CPU ratio = the same for user+sys CPU time (steadier on a busy machine).")


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
    selected = [p for p in PROGRAMS if not args.programs or p[0] in args.programs]

    meta = {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "python": f"CPython {pyver}",
        "python_path": python,
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "bactrian": str(bactrian),
        "runs": args.runs,
    }

    rows, mismatches = [], []
    for name, goal, kind in selected:
        prog = PROGRAMS_DIR / f"{name}.py"
        py_cmd = [python, prog.name]
        bx_cmd = [str(bactrian), "run", prog.name]
        if not args.json:
            print(f"{name}: checking output...", file=sys.stderr, flush=True)
        mismatch = check_same_output(name, py_cmd, bx_cmd, env)
        row = {"program": name, "kind": kind, "goal": goal,
               "cpython_ms": [], "bactrian_ms": [],
               "cpython_cpu_ms": [], "bactrian_cpu_ms": [],
               "cpython_median_ms": None, "bactrian_median_ms": None,
               "ratio": None, "cpu_ratio": None, "result": "OUTPUT DIFFERS"}
        if mismatch is not None:
            mismatches.append(mismatch)
            report_mismatch(mismatch)
            rows.append(row)
            continue
        if not args.json:
            print(f"{name}: timing {args.runs}+{args.runs} runs...", file=sys.stderr, flush=True)
        for _ in range(args.runs):
            for who, cmd in (("cpython", py_cmd), ("bactrian", bx_cmd)):
                wall, cpu = time_once(cmd, env)
                row[f"{who}_ms"].append(wall)
                row[f"{who}_cpu_ms"].append(cpu)
        for who in ("cpython", "bactrian"):
            row[f"{who}_median_ms"] = statistics.median(row[f"{who}_ms"])
            row[f"{who}_median_cpu_ms"] = statistics.median(row[f"{who}_cpu_ms"])
        row["ratio"] = row["bactrian_median_ms"] / row["cpython_median_ms"]
        if row["cpython_median_cpu_ms"] > 0:
            row["cpu_ratio"] = row["bactrian_median_cpu_ms"] / row["cpython_median_cpu_ms"]
        row["result"] = "PASS" if row["ratio"] <= goal else "MISS"
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
