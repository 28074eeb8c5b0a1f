class ToolError(Exception):
    pass
class RateLimited(ToolError):
    pass
def retryable(exc_type):
    return issubclass(exc_type, (RateLimited, TimeoutError))
for t in (RateLimited, ToolError, TimeoutError, KeyError):
    print(t.__name__, retryable(t), issubclass(t, Exception))
