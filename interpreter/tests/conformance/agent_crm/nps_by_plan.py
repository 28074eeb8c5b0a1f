responses = [("pro", 9), ("free", 4), ("pro", 10), ("team", 7), ("free", 8), ("team", 9), ("pro", 6), ("free", 10)]
plans = {}
for plan, score in responses:
    plans.setdefault(plan, []).append(score)
for plan, scores in sorted(plans.items()):
    p = sum(s >= 9 for s in scores)
    d = sum(s <= 6 for s in scores)
    nps = 100 * (p - d) / len(scores)
    print("%-5s n=%d nps=%+.0f avg=%.1f" % (plan, len(scores), nps, sum(scores) / len(scores)))
