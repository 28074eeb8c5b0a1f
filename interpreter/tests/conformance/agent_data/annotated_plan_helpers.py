def total_by(items: list[dict], key: str = "amount", limit: int | None = None) -> dict[str, float]:
    """Sum one field over tool results."""
    total: float = 0.0
    seen: list[str] = []
    for it in items[:limit]:
        total += it.get(key, 0)
        seen.append(it["id"])
    return {"total": total, "n": float(len(seen))}
results: list[dict] = [{"id": "a", "amount": 5}, {"id": "b", "amount": 7.5}, {"id": "c"}]
pending: int
print(total_by(results), total_by(results, limit=1))
x = 1_000_000; y = 0x1F; z = 0b101
label = ("part one "
         "part two")
print(x, y, z, label, 1 + \
    2)
