monthly = {"Jan": 10, "Feb": 12, "Mar": 9, "Apr": 15, "May": 14, "Jun": 20, "Jul": 18, "Aug": 11, "Sep": 13}
names = list(monthly)
quarters = {f"Q{i // 3 + 1}": sum(monthly[m] for m in names[i:i + 3]) for i in range(0, len(names), 3)}
print(quarters)
best = {q: max(names[i * 3:i * 3 + 3], key=monthly.get) for i, q in enumerate(quarters)}
print(best)
