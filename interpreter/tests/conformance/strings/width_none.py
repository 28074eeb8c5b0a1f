# A width, position or tab size given as None is a TypeError, as in CPython (None is not
# the same as leaving the argument out).
tries = [
    lambda: "abc".zfill(None),
    lambda: "a".center(None),
    lambda: "a".ljust(None, "x"),
    lambda: "a".rjust(None),
    lambda: [1].insert(None, 2),
    lambda: [1].pop(None),
    lambda: "a\tb".expandtabs(None),
    lambda: "a\tb".expandtabs(tabsize=None),
    lambda: "a b".split(None, None),
]
for attempt in tries:
    try:
        print(repr(attempt()))
    except TypeError as e:
        print("TypeError:", e)
print("abc".zfill(True), "a".center(False), [1, 2].pop(True), "a\tb".expandtabs(2))
