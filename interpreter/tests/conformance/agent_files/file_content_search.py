files = {"a.txt": "alpha beta\ngamma", "b.txt": "beta beta\ndelta", "c.txt": "epsilon"}
needle = "beta"
hits = {name: text.count(needle) for name, text in files.items() if needle in text}
print(hits)
for name in sorted(hits, key=hits.get, reverse=True):
    lines = [i for i, l in enumerate(files[name].splitlines(), 1) if needle in l]
    print(f"{name}: lines {lines}")
print("no match:", [n for n in files if n not in hits])
