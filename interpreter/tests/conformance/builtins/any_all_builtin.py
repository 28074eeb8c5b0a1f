print(any([0, "", None]), any([0, "x"]), any([]))
print(all([1, "a", [0]]), all([1, 0]), all([]))
print(any({}), all({}), any({"k": 0}))
print(all(c.isalpha() for c in "abc"), any(c.isdigit() for c in "abc"))
