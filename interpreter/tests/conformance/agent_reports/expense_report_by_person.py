rows = """ana,travel,450.00
ben,meals,32.50
ana,meals,18.20
cy,travel,1200.00
ben,travel,380.75
ana,software,99.00"""
report = {}
for line in rows.splitlines():
    who, cat, amt = line.split(",")
    report.setdefault(who, {}).setdefault(cat, 0.0)
    report[who][cat] += float(amt)
for who in sorted(report):
    cats = report[who]
    detail = ", ".join(f"{c} {v:.2f}" for c, v in sorted(cats.items()))
    print(f"{who}: {sum(cats.values()):8.2f} ({detail})")
