rows = [("north", 10, 20, 30), ("south", 5, 5, 40), ("east", 0, 12, 7)]
for name, *months in rows:
    print(name, months, "total", sum(months), "best month", months.index(max(months)) + 1)
first, *middle, last = [r[0] for r in rows]
print(first, middle, last)
totals = [sum(col) for col in zip(*(r[1:] for r in rows))]
print("column totals:", totals)
