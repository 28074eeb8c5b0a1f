files = ["a.py", "b.txt", "c.py", "d.md", "e.PY"]
py = list(filter(lambda f: f.lower().endswith(".py"), files))
print(py)
sizes = list(map(len, files))
print(sizes)
print(list(zip(files, sizes))[:2])
print(sorted(files, key=str.lower, reverse=True))
print(any(f.endswith(".md") for f in files), all("." in f for f in files))
