reps = {"ana": (120000, 100000), "ben": (64000, 90000), "cy": (90000, 90000), "dee": (15500, 50000)}
for name, (closed, quota) in sorted(reps.items(), key=lambda kv: kv[1][0] / kv[1][1], reverse=True):
    pct = closed / quota
    badge = "*" if pct >= 1 else " "
    print("%s %-4s %6.1f%%  %8s / %s" % (badge, name, pct * 100, f"{closed:,}", f"{quota:,}"))
team = sum(c for c, _ in reps.values()) / sum(q for _, q in reps.values())
print("team attainment: {:.1%}".format(team))
