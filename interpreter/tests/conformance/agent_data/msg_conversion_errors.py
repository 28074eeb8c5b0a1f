bad = [("int", "12a"), ("int", "4.5"), ("float", "1,5"), ("int", ""), ("int", None), ("float", [1])]
for kind, v in bad:
    try:
        print(int(v) if kind == "int" else float(v))
    except (ValueError, TypeError) as e:
        print(f"{kind}({v!r}): {type(e) is ValueError} {e}")
