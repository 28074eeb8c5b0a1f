class ServiceError(Exception):
    ...

class Throttled(ServiceError, ):
    """Too many requests."""

def call(kind):
    if kind == "timeout":
        raise TimeoutError("tool timed out after 30s")
    if kind == "refused":
        raise ConnectionError("connection refused")
    if kind == "missing":
        raise FileNotFoundError("no such report")
    if kind == "throttled":
        raise Throttled("retry later")
    return "ok"

for kind in ["ok", "timeout", "refused", "missing", "throttled"]:
    try:
        print(kind, call(kind))
    except OSError as e:
        print(kind, "OSError family:", type(e).__name__, e)
    except ServiceError as e:
        print(kind, "service:", type(e).__name__, e)
print(issubclass(TimeoutError, OSError), issubclass(KeyError, LookupError))
print(issubclass(Throttled, ServiceError), issubclass(Throttled, (ValueError, Exception)))
print(issubclass(bool, int), issubclass(int, bool), issubclass(ServiceError, Throttled))
def todo():
    ...
print(todo())
