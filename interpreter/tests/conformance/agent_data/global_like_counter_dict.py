stats = {"calls": 0, "errors": 0}
def call(tool, ok=True):
    stats["calls"] += 1
    if not ok:
        stats["errors"] += 1
        return None
    return f"{tool}:ok"
results = [call("a"), call("b", ok=False), call("c"), call("d", False)]
print(results, stats)
print(f"error rate {stats['errors'] / stats['calls']:.0%}")
