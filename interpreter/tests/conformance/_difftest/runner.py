"""Running programs under CPython and under Bactrian, many per second.

CPython: one ``python3 -S`` worker (``PYTHONHASHSEED=0``, ``-X utf8``) forks a
child per program, so each program runs in a fresh interpreter state without
paying for interpreter start-up.  Bactrian: one ``run_plan --batch`` process
reads paths on stdin and answers with a JSON line each.

Both give an ``Outcome``: stdout, and the type name and message of the
uncaught exception (``None`` when the program finished).
"""

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
TIMEOUT_SECONDS = 5


class Outcome:
    __slots__ = ("stdout", "error_type", "error_message", "crash")

    def __init__(self, stdout, error_type=None, error_message=None, crash=None):
        self.stdout = stdout
        self.error_type = error_type
        self.error_message = error_message
        # a panic, a timeout or a dead worker: not a Python-level result
        self.crash = crash

    def __repr__(self):
        return "Outcome(%r, %r, %r, %r)" % (self.stdout[-200:], self.error_type,
                                            self.error_message, self.crash)


# The worker's own source: it reads a path per line and answers with a JSON line.
WORKER = r'''
import io, json, os, resource, signal, sys
TIMEOUT = int(sys.argv[1])
def run(path, out):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    buf = io.StringIO()
    sys.stdout = buf
    error = None
    try:
        code = compile(source, path, "exec")
        exec(code, {"__name__": "__main__", "__builtins__": __builtins__})
    except BaseException as e:
        error = [type(e).__name__, str(e)]
    sys.stdout = sys.__stdout__
    text = buf.getvalue()
    os.write(out, json.dumps({"stdout": text, "error": error}).encode() + b"\n")
for line in sys.stdin:
    path = line.strip()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        signal.alarm(TIMEOUT)
        # a program that asks for gigabytes gets a MemoryError, not the machine
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        try:
            run(path, w)
        finally:
            os._exit(0)
    os.close(w)
    with os.fdopen(r, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    if not data:
        data = json.dumps({"stdout": "", "error": None, "crash": "child died"}).encode() + b"\n"
    sys.stdout.write(data.decode())
    sys.stdout.flush()
'''


class LineWorker:
    """A long-lived process that answers one JSON line per path written to it."""

    def __init__(self, argv, env=None):
        self.argv = argv
        self.env = env
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=self.env, text=True,
                                     encoding="utf-8", bufsize=1)

    def ask(self, path):
        """The worker's JSON answer for ``path``, or None if it died or hung."""
        import select
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        try:
            self.proc.stdin.write(path + "\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            self.stop()
            return None
        ready, _, _ = select.select([self.proc.stdout], [], [], TIMEOUT_SECONDS + 2)
        if not ready:
            self.stop()
            return None
        line = self.proc.stdout.readline()
        if not line:
            self.stop()
            return None
        return json.loads(line)

    def stop(self):
        if self.proc is not None:
            try:
                self.proc.kill()
                self.proc.wait()
            except OSError:
                pass
            self.proc = None


def cpython_env(seed="0"):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = seed
    return env


class CPython:
    def __init__(self, python=sys.executable, seed="0"):
        self.worker = LineWorker([python, "-S", "-X", "utf8", "-c", WORKER, str(TIMEOUT_SECONDS)],
                                 cpython_env(seed))

    def run(self, path):
        answer = self.worker.ask(path)
        if answer is None:
            return Outcome("", crash="CPython timed out")
        error = answer.get("error")
        return Outcome(answer["stdout"], error and error[0], error and error[1],
                       answer.get("crash"))

    def close(self):
        self.worker.stop()


def default_binary():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target"))
    return os.path.join(target, "release", "examples", "run_plan")


class Bactrian:
    def __init__(self, binary=None):
        self.binary = binary or default_binary()
        if not os.path.exists(self.binary):
            sys.exit("difftest: no %s; build it with `cargo build --release -p "
                     "bactrian-interpreter --example run_plan`" % self.binary)
        self.worker = LineWorker([self.binary, "--batch"])

    def run(self, path):
        answer = self.worker.ask(path)
        if answer is None:
            return Outcome("", crash="Bactrian died or timed out")
        if answer.get("panic"):
            return Outcome(answer["stdout"], crash="panic: %s" % answer["panic"])
        error = answer.get("error")
        if error:
            return Outcome(answer["stdout"], error["type"], error["message"])
        return Outcome(answer["stdout"])

    def close(self):
        self.worker.stop()
