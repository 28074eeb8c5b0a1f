#!/usr/bin/env python3
"""What recording costs: each bench program under `bactrian run` with and without `--record`,
alternately in the same run, whole process start to exit. Prints the median times and the
overhead (goal: under 30% on loop-heavy programs). Also times `bactrian verify` of each record.

    cargo build --release && python3 bench/record_overhead.py [--runs N]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = ["plan50", "string_building", "dict_list", "loop_arith", "loop_calls", "comprehensions"]


def timed(cmd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {proc.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bactrian", default=os.path.join(ROOT, "target", "release", "bactrian"))
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    if not os.path.exists(args.bactrian):
        sys.exit(f"{args.bactrian} is missing: run `cargo build --release` first")
    print("| program | off ms | on ms | overhead | record nodes | verify ms |")
    print("|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for name in PROGRAMS:
            prog = os.path.join(ROOT, "bench", "programs", name + ".py")
            record = os.path.join(tmp, name + ".record")
            off, on = [], []
            for _ in range(args.runs):
                off.append(timed([args.bactrian, "run", prog]))
                on.append(timed([args.bactrian, "run", "--record", record, prog]))
            verify = timed([args.bactrian, "verify", record])
            with open(record) as f:
                nodes = sum(1 for _ in f) - 2
            m_off, m_on = statistics.median(off), statistics.median(on)
            print(f"| {name} | {m_off * 1000:.1f} | {m_on * 1000:.1f} | {100 * (m_on / m_off - 1):+.0f}% | {nodes} | {verify * 1000:.1f} |")


if __name__ == "__main__":
    main()
