"""Run one program under pydantic-monty the way a host application would.

Usage: python monty_runner.py PROG.py   (with the venv's python that has pydantic-monty)

Prints the program's output on stdout, exactly as the program printed it, and
one line `monty-in-process-ms: X` on stderr: the time of the run alone (the
program's execution in a warm monty worker), without Python start-up, the import
of pydantic_monty or the worker's spawn. The process's whole wall time is what
bench/run.py times from outside.
"""

import sys
import time

import pydantic_monty


def main(path):
    with open(path, encoding="utf-8") as f:
        code = f.read()
    output = pydantic_monty.CollectString(max_bytes=None)
    with pydantic_monty.Monty(min_processes=1, max_processes=1) as pool:
        # CPython's plain `assert` message, not monty's pytest-style one.
        with pool.checkout(assert_message_annotations=False) as session:
            start = time.perf_counter()
            session.feed_run(code, print_callback=output)
            elapsed_ms = (time.perf_counter() - start) * 1000.0
    sys.stdout.write(output.output)
    sys.stdout.flush()
    print(f"monty-in-process-ms: {elapsed_ms:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
