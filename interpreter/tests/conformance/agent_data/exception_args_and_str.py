class ToolFailure(Exception):
    pass
errors = [ValueError("bad value"), KeyError("missing"), ToolFailure("search", 503), RuntimeError(), IndexError("idx", 2)]
for e in errors:
    print(repr(str(e)), e.args, len(e.args))
try:
    raise ToolFailure("fetch", 429)
except Exception as e:
    tool, code = e.args
    print(f"{tool} failed with {code}", isinstance(e, ToolFailure), isinstance(e, Exception))
