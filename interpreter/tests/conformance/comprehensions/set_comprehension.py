print(sorted({x % 5 for x in range(100)}))
print(sorted({w.lower() for w in ["A", "a", "B", "b", "c"]}))
print(len({(x, y) for x in range(3) for y in range(3)}))
print({c for c in "zzz"})
