reviews = [("great!", 12, 2), ("too small", 30, 25), ("detailed review", 45, 3), ("meh", 0, 0), ("scam", 2, 40)]
def helpful_score(up, down):
    n = up + down
    return (up + 1) / (n + 2)
for text, up, down in sorted(reviews, key=lambda r: helpful_score(r[1], r[2]), reverse=True):
    print(f"{helpful_score(up, down):.3f} {up:>3}/{down:<3} {text}")
