# Keys the sort compares natively (ints, strings, tuples of them) and the ones it must
# leave to Python's comparison: equal keys keep their order (reverse too), tuples of
# different lengths, kinds that differ by position, and mixed kinds that raise.
recs = [{"id": i, "n": (i * 37) % 11, "who": "abcde"[(i * 7) % 5]} for i in range(150)]
print([r["id"] for r in sorted(recs, key=lambda r: (-r["n"], r["id"]))][:20])
print([r["id"] for r in sorted(recs, key=lambda r: r["n"])][:20])
print([r["id"] for r in sorted(recs, key=lambda r: r["n"], reverse=True)][:20])
print([r["id"] for r in sorted(recs, key=lambda r: (r["who"], -r["n"]), reverse=True)][:20])
print([r["id"] for r in sorted(recs[:10], key=lambda r: (r["n"], r["who"]))])
print(sorted([(1, 2), (1,), (0, 5, 1), (1, 2, 0), ()]))
print(sorted(["b", "a", "é", "Z", "", "ab", "\u00e9a", "aa"]))
print(sorted(["x", "y"] * 40, reverse=True)[:3], sorted([3, 1, 2] * 30)[:5])
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")], reverse=True))
print(sorted([True, 2, 0, False, -1]))
print(sorted([(1, True), (1, 0), (0, 2)]))
print(sorted([2 ** 70, 5, -(2 ** 64), 0]))
xs = [("b", 1), ("a", 2), ("b", 0)] * 30
xs.sort(key=lambda t: t[0])
print(xs[:4], xs[-2:])
for bad in ([(1, "a"), ("b", 2)], [1, "a"], [(1,), 2], [[1], (1,)]):
    try:
        print(sorted(bad))
    except TypeError as e:
        print("TypeError:", e)
try:
    print(sorted([(1, "a")] * 70 + [(1, 2)]))
except TypeError as e:
    print("TypeError:", e)
