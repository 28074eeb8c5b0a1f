titles = ["  login broken ", "BILLING issue", "feature: export"]
print(list(map(str.strip, titles)))
print([str.upper(t.strip()) for t in titles])
print(sorted(titles, key=str.lower))
counts = {"open": 3}
print(dict.get(counts, "open"), dict.get(counts, "closed", 0))
print(str.join("-", ["a", "b", "c"]), str.replace("a.b.c", ".", "/"))
