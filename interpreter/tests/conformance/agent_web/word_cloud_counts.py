snippets = ["Python is great for data", "Rust is great for speed", "Data and speed: python or rust?", "Great tools"]
stop = {"is", "for", "and", "or"}
counts = {}
for s in snippets:
    for w in s.lower().replace(":", " ").replace("?", " ").split():
        if w not in stop:
            counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(" ".join(f"{w}({n})" for w, n in top if n > 1))
print("singletons:", sorted(w for w, n in counts.items() if n == 1))
