def parse_date(s):
    y, m, d = s.split("-")
    return int(y), int(m), int(d)
for s in ["2024-05-01", "2024/05/02"]:
    try:
        try:
            print(parse_date(s))
        except ValueError:
            print("bad date, trying slash format")
            y, m, d = s.split("/")
            print((int(y), int(m), int(d)))
    finally:
        print("done with", s)
print(parse_date("May 3"))
