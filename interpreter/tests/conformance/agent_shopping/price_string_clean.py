listings = ["$1,299.00", "USD 45", "€ 30,50", "Free", "$19.99 - $24.99", "ask"]
def parse(s):
    if s.lower() == "free":
        return 0.0
    s = s.replace("USD", "").replace("$", "").replace("€", "").strip()
    if "-" in s:
        lo, hi = (parse(p) for p in s.split("-"))
        return (lo + hi) / 2
    if "," in s and "." not in s:
        s = s.replace(",", ".")
    s = s.replace(",", "")
    return float(s) if s.replace(".", "", 1).isdigit() else None
for l in listings:
    print(f"{l!r:<18} -> {parse(l)}")
