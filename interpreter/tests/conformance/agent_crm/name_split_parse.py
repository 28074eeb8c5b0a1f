names = ["Dr. Jane A. Smith", "john doe", "María José García-López", "Prince", "Smith, Robert", "Mr. T"]
titles = {"dr.", "mr.", "mrs.", "ms."}
for raw in names:
    if "," in raw:
        last, first = [p.strip() for p in raw.split(",", 1)]
        parts = [first, last]
    else:
        parts = [p for p in raw.split() if p.lower() not in titles]
    first, last = parts[0], (parts[-1] if len(parts) > 1 else "")
    print(f"{raw!r:<28} first={first.title():<10} last={last.title()}")
