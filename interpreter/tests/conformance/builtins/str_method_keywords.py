# str methods and named arguments: only split, rsplit, splitlines and expandtabs take them
# (CPython's messages for the rest, and for too many, unknown or too large ones).
calls = [lambda: "abc".strip(x=1), lambda: "abc".lstrip(x=1), lambda: "abc".replace("a", "b", count=1), lambda: "abc".center(5, fillchar="*"),
         lambda: "abc".zfill(width=5), lambda: "abc".count("a", x=1), lambda: "abc".find(sub="a"), lambda: "abc".index("a", start=0),
         lambda: "abc".startswith(prefix="a"), lambda: "abc".endswith("c", end=2), lambda: "a:b".partition(sep=":"), lambda: ",".join(iterable=["a"]),
         lambda: "abc".upper(x=1), lambda: "abc".title(1), lambda: "abc".isdigit(1), lambda: "a".casefold(None), lambda: "abc".strip(1, 2, x=1),
         lambda: "{a}".format_map(mapping={}), lambda: "abc".removeprefix(prefix="a"), lambda: str.maketrans(x="y"),
         lambda: "a b".split(sep=" ", maxsplit=1), lambda: "a\tb".expandtabs(tabsize=2), lambda: "a\nb".splitlines(keepends=True),
         lambda: "a b".rsplit(maxsplit=1), lambda: "a b".split(x=1), lambda: "a\nb".splitlines(2 ** 40), lambda: "a\tb".expandtabs(2 ** 40)]
for call in calls:
    try:
        print(call())
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
