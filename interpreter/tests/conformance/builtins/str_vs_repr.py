s = "text"
print(str(s), repr(s))
print(str([s]), repr([s]))
print(f"{s} {s!r}", "{} {!r}".format(s, s))
print(str(1.10), repr(1.10))
print(str(None), repr(None))
