def describe(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, (int, float)):
        return "number"
    if isinstance(x, str):
        return "string"
    if isinstance(x, (list, tuple, set)):
        return f"collection of {len(x)}"
    if isinstance(x, dict):
        return "mapping"
    return "other"
for v in [True, 3, 2.5, "s", [1, 2], (1,), {3}, {}, None]:
    print(repr(v), describe(v))
