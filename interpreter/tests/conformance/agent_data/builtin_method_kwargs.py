line = "name: Ana Lima: admin"
print(line.split(":", maxsplit=1), line.rsplit(maxsplit=1), line.split(sep=": "))
print("a\nb\n".splitlines(keepends=True), int("ff", base=16), int("101", base=2))
print(round(3.14159, ndigits=2), sorted([3, 1, 2], reverse=True), max([1, 5, 3], default=0))
items = ["b", "a"]
items.sort(reverse=True)
print(items, sum([1, 2], start=10), list(enumerate("xy", start=1)))
print("x", "y", sep="-", end="!\n")
print(dict.fromkeys(["a"], 0) if False else {"a": 0}.get("b", "none"))
