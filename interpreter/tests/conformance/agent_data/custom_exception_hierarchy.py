class ToolError(Exception):
    pass
class RateLimited(ToolError):
    pass
class BadInput(ValueError):
    pass
class Empty(LookupError):
    pass
errors = [ToolError("x"), RateLimited("slow", 30), BadInput(), Empty("k"), ToolError()]
for e in errors:
    print(type(e).__name__, repr(e), str(e), e.args, isinstance(e, ToolError), isinstance(e, ValueError), isinstance(e, Exception))
try:
    raise RateLimited("search", 429)
except ToolError as e:
    print("caught by base:", type(e).__name__, e)
try:
    raise BadInput("n/a")
except ValueError as e:
    print("caught as ValueError:", repr(e))
try:
    raise Empty
except LookupError as e:
    print("class raised:", repr(e), repr(str(e)))
try:
    try:
        {}["x"]
    except KeyError as e:
        raise ToolError("lookup failed") from e
except ToolError as e:
    print(e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise BadInput("during handling")
except BadInput as e:
    print(repr(e))
print(ToolError.__name__, "")
e = ToolError("a", "b")
print(e.args[1], len(e.args), f"{e}", "%s" % "x" if False else "", str(ToolError(None)), str(ToolError([1, 2])))
