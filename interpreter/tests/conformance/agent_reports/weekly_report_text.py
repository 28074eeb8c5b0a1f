stats = {"closed": 14, "opened": 9, "reopened": 2, "p1": 1}
net = stats["closed"] - stats["opened"]
lines = [
    "Weekly ticket report",
    "=" * 20,
    "Closed: %(closed)d, opened: %(opened)d, reopened: %(reopened)d" % stats,
    "Backlog %s by %d" % ("shrank" if net > 0 else "grew", abs(net)),
]
if stats["p1"]:
    lines.append("ATTENTION: %d P1 incident%s" % (stats["p1"], "" if stats["p1"] == 1 else "s"))
print("\n".join(lines))
