attempts = [
    ("%s owes %s", ("Ana",)),
    ("%s owes", ("Ana", 12)),
    ("%d items", ("many",)),
    ("%(name)s owes %(amount).2f", {"name": "Ben"}),
    ("%q", (1,)),
]
for fmt, args in attempts:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(f"{fmt!r}: {type(e).__name__}: {e}")
print("%s" % ((1, 2),), "%s" % [1, 2], "%d%%" % 7.9, "%.3s|" % "abcdef", "%r" % "it's")
