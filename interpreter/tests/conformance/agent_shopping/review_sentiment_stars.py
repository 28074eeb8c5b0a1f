reviews = [(5, "love it"), (1, "broke after a week"), (4, "good value"), (3, "ok"), (5, "perfect"), (2, "meh")]
hist = {s: 0 for s in range(5, 0, -1)}
for stars, _ in reviews:
    hist[stars] += 1
for stars, n in hist.items():
    print(f"{stars}* {'=' * (n * 4):<8} {n}")
avg = sum(s for s, _ in reviews) / len(reviews)
print(f"average {avg:.2f}, positive {sum(s >= 4 for s, _ in reviews)}/{len(reviews)}")
