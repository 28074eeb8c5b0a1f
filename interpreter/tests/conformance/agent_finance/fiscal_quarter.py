dates = ["2024-01-15", "2024-04-01", "2024-07-31", "2024-10-02", "2024-12-31", "2024-03-31"]
amounts = [100, 250, 75, 300, 20, 55]
quarters = {}
for date, amt in zip(dates, amounts):
    month = int(date[5:7])
    q = "Q%d" % ((month - 1) // 3 + 1)
    quarters[q] = quarters.get(q, 0) + amt
for q in sorted(quarters):
    print(q, quarters[q])
best = max(quarters.items(), key=lambda kv: kv[1])
print("best quarter: %s (%d)" % best)
