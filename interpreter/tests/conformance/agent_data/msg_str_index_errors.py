s = "invoice-2024"
for action in ("index", "int-index", "float-index", "ord", "chr"):
    try:
        if action == "index":
            s.index("x")
        elif action == "int-index":
            s[99]
        elif action == "float-index":
            s[1.5]
        elif action == "ord":
            ord("ab")
        else:
            chr(-1)
    except (ValueError, IndexError, TypeError) as e:
        print(action, "->", e)
