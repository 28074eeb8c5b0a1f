titles = ["  how TO train your DRAGON ", "the lord of the rings", "a tale OF two cities", "rust: the BOOK"]
small = {"a", "an", "the", "of", "to", "in", "your"}
def clean(t):
    words = t.strip().lower().split()
    out = [w if i and w in small else w.capitalize() for i, w in enumerate(words)]
    return " ".join(out)
for t in titles:
    print(repr(t), "->", clean(t))
