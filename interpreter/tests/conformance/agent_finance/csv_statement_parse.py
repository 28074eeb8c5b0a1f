statement = """date,description,amount
2024-04-01,PAYROLL ACME,2500.00
2024-04-03,GROCERY MART,-86.45
2024-04-03,COFFEE HOUSE,-4.25
2024-04-07,ELECTRIC CO,-112.30
bad line
2024-04-09,REFUND SHOP,15.00"""
rows = []
for line in statement.splitlines()[1:]:
    parts = line.split(",")
    if len(parts) != 3:
        print("skipping:", line)
        continue
    rows.append((parts[0], parts[1].title(), float(parts[2])))
income = sum(a for _, _, a in rows if a > 0)
spend = -sum(a for _, _, a in rows if a < 0)
print(f"{len(rows)} rows, income {income:.2f}, spend {spend:.2f}, net {income - spend:+.2f}")
