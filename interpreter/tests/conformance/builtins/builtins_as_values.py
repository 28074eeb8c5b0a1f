funcs = [len, str, sorted, bool, list]
print([f([3, -1]) for f in funcs])
print(sorted(["b", "A", "c"], key=str.lower))
converters = {"i": int, "f": float, "s": str}
print([converters[k]("7") for k in "ifs"])
to_int = int
print(to_int("42") + 1)
