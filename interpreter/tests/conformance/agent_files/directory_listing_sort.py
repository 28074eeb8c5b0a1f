entries = [("docs", "dir", 0), ("zeta.txt", "file", 120), ("Alpha.md", "file", 3000), ("build", "dir", 0), ("beta.py", "file", 45)]
ordered = sorted(entries, key=lambda e: (e[1] != "dir", e[0].lower()))
for name, kind, size in ordered:
    if kind == "dir":
        print(f"{name + '/':<12}{'<DIR>':>8}")
    else:
        print(f"{name:<12}{size:>8}")
print(sum(1 for e in entries if e[1] == "file"), "files,", sum(e[2] for e in entries), "bytes")
