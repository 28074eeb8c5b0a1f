# join reads lists and tuples in place and anything else by iterating it; the errors name
# the first item that is not a str.
print("-".join(("a", "b", "c")), "/".join({"x": 1, "y": 2}), "".join(reversed("abc")))
print(repr(", ".join([])), repr("ab".join(["only"])), "<>".join(["", "", ""]))
print("".join(map(str, [1, 2, 3])), "+".join(s.upper() for s in ["p", "q"]))
for bad in [[1, 2], ["a", 2, "c"], ("a", None), ["a", ["b"]], "x y".split() + [3.5]]:
    try:
        ",".join(bad)
    except TypeError as e:
        print("TypeError:", e)
for bad in [5, None, 2.5]:
    try:
        ",".join(bad)
    except TypeError as e:
        print("TypeError:", e)
words = ["a", "b"]
words.append("c")
words[0] = "z"
print(" ".join(words), len("\n".join(words * 1000)), "".join(sorted({"q", "p"})))
