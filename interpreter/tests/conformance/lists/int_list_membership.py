# Membership in lists of ints, by equality: other numbers equal to an int are found too.
ids = [3, 1, 4, 1, 5, 9, 2, 6]
print(4 in ids, 7 in ids, 7 not in ids, -1 in ids, 2 ** 70 in ids)
print(4.0 in ids, 4.5 in ids, True in ids, False in ids, "4" in ids, None in ids)
ids.append("x")
print("x" in ids, 9 in ids, 10 in ids)
seen = []
for n in [5, 3, 5, 8, 3, 1]:
    if n not in seen:
        seen.append(n)
print(seen, [n for n in range(10) if n in seen], 0 in [], [] in [[]], 1 in [[1]])
