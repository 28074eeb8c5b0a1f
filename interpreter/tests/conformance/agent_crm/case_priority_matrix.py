cases = [("C1", "high", "low"), ("C2", "low", "high"), ("C3", "high", "high"), ("C4", "low", "low"), ("C5", "medium", "high")]
levels = {"low": 1, "medium": 2, "high": 3}
def priority(impact, urgency):
    score = levels[impact] * levels[urgency]
    return "P1" if score >= 9 else "P2" if score >= 6 else "P3" if score >= 3 else "P4"
for cid, impact, urgency in sorted(cases, key=lambda c: -levels[c[1]] * levels[c[2]]):
    print(cid, impact.ljust(6), urgency.ljust(6), priority(impact, urgency))
