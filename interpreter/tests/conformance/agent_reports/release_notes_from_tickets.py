tickets = [("BUG-12", "bug", "Login fails on Safari"), ("FEAT-3", "feature", "Dark mode"), ("BUG-15", "bug", "Typo on pricing page"), ("FEAT-9", "feature", "CSV export"), ("OPS-2", "ops", "Rotate keys")]
groups = {}
for key, kind, title in tickets:
    groups.setdefault(kind, []).append(f"{title} ({key})")
order = ["feature", "bug"]
for kind in order + sorted(k for k in groups if k not in order):
    items = groups.get(kind, [])
    print(f"{kind.title()}s:" if kind != "ops" else "Operations:")
    for it in items:
        print("  *", it)
