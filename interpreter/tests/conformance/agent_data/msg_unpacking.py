rows = [("a", 1, 2), ("b",), "xy", 5]
for r in rows:
    try:
        name, value = r
        print("ok", name, value)
    except (ValueError, TypeError) as e:
        print("error:", e)
