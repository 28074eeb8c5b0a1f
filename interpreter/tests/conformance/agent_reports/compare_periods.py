last = {"signups": 420, "churn": 31, "revenue": 18200.0, "tickets": 96}
this = {"signups": 515, "churn": 40, "revenue": 19950.5, "tickets": 71}
good_when_up = {"signups", "revenue"}
for k in last:
    a, b = last[k], this[k]
    change = (b - a) / a
    better = (change > 0) == (k in good_when_up)
    print(f"{k:<8}{a:>10}{b:>10}{change:>+9.1%} {'better' if better else 'worse'}")
