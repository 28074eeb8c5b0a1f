counts = {"open": 12, "closed": 7}
ratio = counts["open"] / sum(counts.values())
print(f"{ratio:.3}", f"{counts['open']:.1f}", f"{counts['open']:5d}")
for spec in (".3", ".0", "5.2"):
    try:
        print(spec, "->", format(counts["closed"], spec))
    except ValueError as e:
        print(spec, "->", e)
