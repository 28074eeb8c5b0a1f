#!/usr/bin/env python3
"""Differential tester: random and mutated programs, CPython vs Bactrian.

    python3 difftest.py --seed 1 --count 500            # generated programs
    python3 difftest.py --seed 1 --count 500 --mutate   # mutants of the corpus
    python3 difftest.py --seed 7 --count 1 --show       # print program 0 of seed 7
    python3 difftest.py --seed 1 --count 300 --keep 50 --keep-dir ../generated

Each program runs under CPython (``python3 -S``, ``PYTHONHASHSEED=0``) and
under Bactrian (``run_plan --batch``, release build); stdout and the type of
the uncaught exception (and with ``--messages`` its message) are compared.
A differing program is reduced to a small reproduction (statements deleted
while the same difference persists) and written to ``--out``; the summary
groups the differences by their first differing line or exception types.
Programs whose output depends on the hash seed, that time out or that run
out of memory under CPython are skipped.  Seeds make every run reproducible:
program ``i`` of seed ``s`` is the same on every machine.
"""

import argparse
import collections
import os
import random
import re
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

import generate  # noqa: E402
import mutate  # noqa: E402
import reduce as reducer  # noqa: E402
import runner  # noqa: E402

CORPUS = os.path.dirname(HERE)


def corpus_programs():
    programs = []
    for category in sorted(os.listdir(CORPUS)):
        directory = os.path.join(CORPUS, category)
        if not os.path.isdir(directory) or category.startswith(("_", ".")):
            continue
        for name in sorted(os.listdir(directory)):
            if name.endswith(".py"):
                programs.append(os.path.join(directory, name))
    return programs


def program_source(seed, index, mode, corpus, uncaught_rate):
    """Program ``index`` of run ``seed``: its own RNG, so it can be rebuilt alone."""
    rng = random.Random("%s:%d:%s" % (seed, index, mode))
    if mode == "mutate":
        for _ in range(20):
            path = rng.choice(corpus)
            with open(path, encoding="utf-8") as f:
                mutant = mutate.mutate(f.read(), rng, rate=rng.choice([0.03, 0.06, 0.12]))
            if mutant:
                return mutant, os.path.relpath(path, CORPUS)
        return None, None
    return generate.generate(rng, uncaught=rng.random() < uncaught_rate), None


def signature(cp, bt, messages):
    """What differs between two outcomes, or None when they agree."""
    if bt.crash:
        return ("crash", bt.crash.splitlines()[0][:200], "")
    if cp.stdout != bt.stdout:
        exp, got = cp.stdout.split("\n"), bt.stdout.split("\n")
        for i in range(max(len(exp), len(got))):
            e = exp[i] if i < len(exp) else "<end of output>"
            g = got[i] if i < len(got) else "<end of output>"
            if e != g:
                # A side whose output ends here may have stopped on an uncaught exception:
                # that exception is the difference worth reading (and grouping by).
                cp_end = i >= len(exp) - 1 and cp.error_type
                bt_end = i >= len(got) - 1 and bt.error_type
                if cp_end or bt_end:
                    return ("stdout", e, g, ended(cp) if cp_end else None,
                            ended(bt) if bt_end else None)
                return ("stdout", e, g)
    if cp.error_type != bt.error_type:
        return ("error", cp.error_type, bt.error_type)
    if messages and cp.error_type and cp.error_message != bt.error_message:
        return ("message", cp.error_type, cp.error_message, bt.error_message)
    return None


def ended(outcome):
    """`Type: message` of the exception a run ended with."""
    if outcome.error_message:
        return "%s: %s" % (outcome.error_type, outcome.error_message.splitlines()[0][:150])
    return outcome.error_type


def describe(sig):
    kind = sig[0]
    if kind == "crash":
        return "Bactrian crashed: %s" % sig[1]
    if kind == "stdout":
        text = "first differing line: CPython %r, Bactrian %r" % (sig[1][:120], sig[2][:120])
        if len(sig) > 3:
            text += " (uncaught: CPython %s, Bactrian %s)" % (sig[3], sig[4])
        return text
    if kind == "error":
        return "uncaught exception: CPython %s, Bactrian %s" % (sig[1], sig[2])
    return "%s message: CPython %r, Bactrian %r" % (sig[1], sig[2][:120], sig[3][:120])


def _normalize(text):
    """A line with its numbers and quoted parts collapsed, for grouping."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'S'", str(text))
    return re.sub(r"\d+", "N", text)[:70]


def group_key(sig):
    """Differences that are probably the same bug.

    When one side printed a caught exception, that line names the problem
    and the other side's line (whatever the program printed) is left out.
    """
    if sig[0] == "stdout" and len(sig) > 3:
        return ("stdout-uncaught", _normalize(sig[3]), _normalize(sig[4]))
    if sig[0] == "stdout":
        exc_like = [line for line in sig[1:3] if "<class '" in line or "Error" in line]
        if exc_like:
            return ("stdout-exception", _normalize(exc_like[-1]))
    return tuple(_normalize(part) for part in sig)


class Session:
    def __init__(self, args):
        self.args = args
        self.cpython = runner.CPython()
        self.cpython_other_seed = runner.CPython(seed="1")
        self.bactrian = runner.Bactrian(args.binary)
        self.scratch = tempfile.mkdtemp(prefix="difftest-")
        self.counter = 0

    def write(self, source):
        self.counter += 1
        path = os.path.join(self.scratch, "p%d.py" % (self.counter % 50))
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        return path

    def compare(self, source):
        """(CPython outcome, Bactrian outcome, signature or None); None when unusable."""
        path = self.write(source)
        cp = self.cpython.run(path)
        if cp.crash or cp.error_type in ("MemoryError", "RecursionError", "SystemExit",
                                         "KeyboardInterrupt"):
            return None
        bt = self.bactrian.run(path)
        return cp, bt, signature(cp, bt, self.args.messages)

    def hash_independent(self, source, cp):
        other = self.cpython_other_seed.run(self.write(source))
        return other.stdout == cp.stdout and other.error_type == cp.error_type

    def reduce(self, source, sig):
        def keeps(candidate):
            result = self.compare(candidate)
            return result is not None and result[2] == sig
        return reducer.reduce_source(source, keeps, self.args.max_checks)

    def close(self):
        self.cpython.close()
        self.cpython_other_seed.close()
        self.bactrian.close()


def check_corpus(args):
    """Runs every corpus program under Bactrian against its stored expectations."""
    known = set()
    with open(os.path.join(CORPUS, "known_failures.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                known.add(line)
    bactrian = runner.Bactrian(args.binary)
    failures, fixed, count = [], [], 0
    try:
        for path in corpus_programs():
            rel = os.path.relpath(path, CORPUS)
            with open(path[:-3] + ".out", encoding="utf-8") as f:
                want_out = f.read()
            err_path = path[:-3] + ".err"
            want_err = None
            if os.path.exists(err_path):
                with open(err_path, encoding="utf-8") as f:
                    want_err = f.read().strip()
            got = bactrian.run(path)
            count += 1
            same = not got.crash and got.stdout == want_out and got.error_type == want_err
            if rel in known:
                if same:
                    fixed.append(rel)
            elif not same:
                failures.append("%s: %s" % (rel, describe(signature(
                    runner.Outcome(want_out, want_err), got, False) or ("error", want_err,
                                                                    got.error_type))))
    finally:
        bactrian.close()
    for line in failures:
        print(line)
    for rel in fixed:
        print("%s: conforms now; remove it from known_failures.txt" % rel)
    print("checked %d corpus programs: %d differ, %d known failures conform now"
          % (count, len(failures), len(fixed)))
    return 1 if failures or fixed else 0


def keepable(source, cp, category_errors):
    """A passing program fit for the corpus: 3-40 lines, lint-clean, prints something."""
    import regen
    if regen.lint(source):
        return False
    if not cp.stdout:
        return False
    return (cp.error_type is not None) == category_errors


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", default="1", help="run seed (any string)")
    parser.add_argument("--count", type=int, default=200, help="programs to try")
    parser.add_argument("--start", type=int, default=0, help="index of the first program")
    parser.add_argument("--mutate", action="store_true",
                        help="mutate corpus programs instead of generating new ones")
    parser.add_argument("--uncaught-rate", type=float, default=0.1,
                        help="share of generated programs ending in an uncaught exception")
    parser.add_argument("--messages", action="store_true",
                        help="also compare the message of an uncaught exception")
    parser.add_argument("--out", default=None,
                        help="directory for reduced reproductions (default /tmp/difftest-SEED)")
    parser.add_argument("--reduce-per-group", type=int, default=2,
                        help="differences reduced per group (the others are only counted)")
    parser.add_argument("--max-checks", type=int, default=400,
                        help="most runs spent reducing one program")
    parser.add_argument("--binary", default=None, help="run_plan binary (release build)")
    parser.add_argument("--show", action="store_true",
                        help="print the programs instead of running them")
    parser.add_argument("--keep", type=int, default=0,
                        help="copy up to N passing programs into --keep-dir")
    parser.add_argument("--keep-dir", default=os.path.join(CORPUS, "generated"))
    parser.add_argument("--keep-errors-dir", default=os.path.join(CORPUS, "generated_errors"),
                        help="where kept programs that end in an uncaught exception go")
    parser.add_argument("--handler", choices=sorted(generate.HANDLER_STYLES), default="type",
                        help="how generated handlers print the exception (name: "
                        "type(e).__name__)")
    parser.add_argument("--check-corpus", action="store_true",
                        help="only run the corpus under Bactrian against its .out/.err files "
                        "(a release-build preview of the conformance test)")
    parser.add_argument("--without", default="",
                        help="comma-separated generator features to leave out: %s"
                        % ", ".join(generate.FEATURES))
    args = parser.parse_args(argv)
    generate.disabled = {f for f in args.without.split(",") if f}
    unknown = generate.disabled - set(generate.FEATURES)
    if unknown:
        parser.error("unknown feature(s): %s" % ", ".join(sorted(unknown)))
    generate.handler_print = generate.HANDLER_STYLES[args.handler]

    if args.check_corpus:
        return check_corpus(args)
    mode = "mutate" if args.mutate else "generate"
    corpus = corpus_programs() if args.mutate else []
    if args.show:
        for i in range(args.start, args.start + args.count):
            source, origin = program_source(args.seed, i, mode, corpus, args.uncaught_rate)
            print("# program %d of seed %s%s" % (i, args.seed,
                                                 " (mutant of %s)" % origin if origin else ""))
            print(source)
        return 0

    out = args.out or os.path.join(tempfile.gettempdir(), "difftest-%s" % args.seed)
    os.makedirs(out, exist_ok=True)
    session = Session(args)
    groups = collections.OrderedDict()
    stats = collections.Counter()
    kept = 0
    started = time.monotonic()
    try:
        for i in range(args.start, args.start + args.count):
            source, origin = program_source(args.seed, i, mode, corpus, args.uncaught_rate)
            if source is None:
                continue
            result = session.compare(source)
            if result is None:
                stats["skipped (CPython crashed, timed out or ran out of memory)"] += 1
                continue
            cp, bt, sig = result
            if sig is None:
                stats["agree"] += 1
                if args.keep and kept < args.keep and not args.mutate:
                    errors = cp.error_type is not None
                    text = "# Generated by _difftest/difftest.py --seed %s: program %d.\n%s" % (
                        args.seed, i, source)
                    if keepable(text, cp, errors) and session.hash_independent(source, cp):
                        directory = args.keep_errors_dir if errors else args.keep_dir
                        os.makedirs(directory, exist_ok=True)
                        name = "gen_%s_%04d.py" % (args.seed, i)
                        with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
                            f.write(text)
                        kept += 1
                continue
            if not session.hash_independent(source, cp):
                stats["skipped (output depends on the hash seed)"] += 1
                continue
            stats["differ"] += 1
            key = group_key(sig)
            group = groups.setdefault(key, {"sig": sig, "programs": [], "reduced": []})
            group["programs"].append(i)
            if len(group["reduced"]) < args.reduce_per_group:
                small = session.reduce(source, sig)
                name = "seed%s_%04d" % (args.seed, i)
                with open(os.path.join(out, name + ".orig.py"), "w", encoding="utf-8") as f:
                    f.write(source)
                with open(os.path.join(out, name + ".py"), "w", encoding="utf-8") as f:
                    f.write(small)
                group["reduced"].append((name, small))
            if args.count <= 20 or stats["differ"] % 10 == 1:
                print("program %d: %s%s" % (i, describe(sig),
                                            " (mutant of %s)" % origin if origin else ""),
                      file=sys.stderr)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
    finally:
        session.close()

    elapsed = time.monotonic() - started
    lines = ["difftest seed=%s mode=%s programs %d..%d: %s in %.1fs" % (
        args.seed, mode, args.start, args.start + args.count - 1,
        ", ".join("%d %s" % (n, what) for what, n in sorted(stats.items())), elapsed)]
    if kept:
        lines.append("kept %d passing programs" % kept)
    ranked = sorted(groups.values(), key=lambda g: -len(g["programs"]))
    for group in ranked:
        lines.append("")
        lines.append("%d program(s): %s" % (len(group["programs"]), describe(group["sig"])))
        lines.append("  programs: %s" % ", ".join(map(str, group["programs"][:12])))
        for name, small in group["reduced"][:1]:
            lines.append("  reduced (%s/%s.py):" % (out, name))
            lines.extend("    " + line for line in small.rstrip("\n").split("\n")[:15])
    summary = "\n".join(lines) + "\n"
    with open(os.path.join(out, "summary.txt"), "w", encoding="utf-8") as f:
        f.write(summary)
    print(summary, end="")
    return 1 if groups else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
