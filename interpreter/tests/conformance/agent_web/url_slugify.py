titles = ["Hello, World!", "  Rust & Python: A Comparison  ", "10 Tips for C++", "Café déjà vu"]
def slugify(t):
    out = []
    for ch in t.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")
for t in titles:
    print(f"{t.strip()!r:36} -> {slugify(t)}")
