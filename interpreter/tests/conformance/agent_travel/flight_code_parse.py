codes = ["UA123", "BA 0287", "dl45", "LH-400", "9W7", "XX"]
for raw in codes:
    c = raw.replace(" ", "").replace("-", "").upper()
    airline, number = c[:2], c[2:]
    if number.isdigit() and len(airline) == 2:
        print(f"{raw!r:<10} airline={airline} flight={int(number)}")
    else:
        print(f"{raw!r:<10} invalid")
