records = [{"name": "Widget", "price": 9.5, "qty": 3}, {"name": "Gizmo, large", "price": 120, "qty": 1}, {"name": "Nut", "price": 0.05, "qty": 500}]
cols = ["name", "price", "qty", "total"]
print(",".join(cols))
for r in records:
    r["total"] = round(r["price"] * r["qty"], 2)
    cells = []
    for c in cols:
        v = str(r[c])
        cells.append(f'"{v}"' if "," in v else v)
    print(",".join(cells))
print("grand total:", sum(r["total"] for r in records))
