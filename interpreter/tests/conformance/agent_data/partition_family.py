lines = ["key=value=more", "novalue", "=empty", "trailing="]
for l in lines:
    print(repr(l.partition("=")), repr(l.rpartition("=")))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a b  c".split(), " a b ".rsplit(None, 1))
