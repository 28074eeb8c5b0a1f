# dict(...) and d.update(...) from pairs: the item that is not a pair is named by index.
sources = [[("a", 1), ("b",)], [1], ["abc"], ["ab", "cd"], [{"k": 1, "j": 2}], [[1, 2], (3, 4)]]
for src in sources:
    try:
        print(dict(src))
    except (TypeError, ValueError) as e:
        print(type(e), e)
    d = {"z": 0}
    try:
        d.update(src)
        print(d)
    except (TypeError, ValueError) as e:
        print(type(e), e, d)
