scores = [("ana", 98), ("ben", 95), ("cy", 98), ("dee", 90), ("eve", 95), ("fay", 80)]
ranked = sorted(scores, key=lambda s: -s[1])
rank = 0
prev = None
for i, (name, s) in enumerate(ranked, 1):
    if s != prev:
        rank = i
        prev = s
    if rank > 3:
        break
    print(f"#{rank} {name} {s}")
