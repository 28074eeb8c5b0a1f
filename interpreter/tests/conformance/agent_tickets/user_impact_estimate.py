regions = {"us-east": 120000, "us-west": 80000, "eu": 95000, "apac": 40000}
affected = {"us-east": 0.35, "eu": 0.1}
impacted = {r: round(users * affected.get(r, 0)) for r, users in regions.items()}
for r, n in impacted.items():
    print(f"{r:<8}{n:>7,} of {regions[r]:>7,}")
total = sum(impacted.values())
print(f"total impacted {total:,} ({total / sum(regions.values()):.1%})")
