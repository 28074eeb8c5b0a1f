headlines = [
    ("tech", "Chip maker beats estimates"),
    ("sports", "Local team wins cup"),
    ("tech", "New phone announced"),
    ("world", "Summit ends with accord"),
    ("tech", "Startup raises $40M"),
    ("sports", "Star striker injured"),
]
grouped = {}
for section, h in headlines:
    grouped.setdefault(section, []).append(h)
for section, hs in sorted(grouped.items(), key=lambda kv: -len(kv[1])):
    print(section.upper(), f"({len(hs)})")
    for h in hs:
        print("  -", h if len(h) <= 24 else h[:21] + "...")
