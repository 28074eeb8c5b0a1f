inbox = ["m1", "m2"]
ops = [
    lambda: inbox.index("m9"),
    lambda: inbox.remove("m9"),
    lambda: inbox[7],
    lambda: inbox["m1"],
    lambda: inbox.pop(5),
    lambda: [].pop(),
]
for op in ops:
    try:
        op()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e) is ValueError, type(e) is IndexError, "|", e)
