raw_pairs = [[("a", 1), ("b", 2)], [("a", 1), ("b",)], ["ab", "cd"], [("k", "v", "x")]]
for pairs in raw_pairs:
    try:
        print(dict(pairs))
    except (ValueError, TypeError) as e:
        print("cannot build dict:", e)
