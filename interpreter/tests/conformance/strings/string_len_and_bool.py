for s in ["", " ", "0", "False", "abc"]:
    print(repr(s), len(s), bool(s))
if not "":
    print("empty is falsy")
print("a" or "b", "" or "b", "a" and "b", "" and "b")
