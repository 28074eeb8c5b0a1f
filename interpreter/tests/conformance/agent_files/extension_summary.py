names = ["a.py", "b.PY", "c.txt", "d", "e.tar.gz", "f.md", "g.txt", ".bashrc", "h.py"]
counts = {}
for n in names:
    base = n.lstrip(".")
    ext = base.rsplit(".", 1)[1].lower() if "." in base else "(none)"
    counts[ext] = counts.get(ext, 0) + 1
for ext, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"{ext:<7}{c}")
