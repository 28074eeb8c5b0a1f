# Shift counts at the edges: negative, zero operands, counts past an index-sized integer.
cases = [
    (1, 10**20), (0, 10**20), (-5, 3), (7, 0), (1, 64), (-1, 70),
]
for x, n in cases:
    try:
        print(x, "<<", n, "=", x << n)
    except (OverflowError, ValueError) as e:
        print(x, "<<", n, type(e).__name__, e)
    print(x, ">>", n, "=", x >> n)
for x, n in [(1, -1), (0, -1)]:
    for op in ("<<", ">>"):
        try:
            print(x << n if op == "<<" else x >> n)
        except ValueError as e:
            print(op, "ValueError", e)
