csv_text = """first,last,email,score
Ana,Lima,ana@x.com,88
Ben,,ben@y.com,
,Ode,,42
Cy,Tan,cy@z.com,abc"""
header, *rows = csv_text.splitlines()
cols = header.split(",")
imported, errors = [], []
for n, row in enumerate(rows, 2):
    rec = dict(zip(cols, row.split(",")))
    if not rec["email"]:
        errors.append(f"row {n}: missing email")
        continue
    try:
        rec["score"] = int(rec["score"]) if rec["score"] else None
    except ValueError:
        errors.append(f"row {n}: bad score {rec['score']!r}")
        continue
    imported.append(rec)
print([(r["first"], r["score"]) for r in imported])
print("\n".join(errors))
