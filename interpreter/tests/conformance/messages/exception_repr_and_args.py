for e in [ValueError("x"), ValueError(), ValueError("x", 2), StopIteration(), StopIteration(1),
          TypeError(None), Exception("a", [1]), IndexError(""), RuntimeError("it's"), ZeroDivisionError(0)]:
    print(repr(e), "|", str(e), "|", e.args)
try:
    raise ValueError("bad", 42)
except ValueError as e:
    print(str(e), e.args[1])
