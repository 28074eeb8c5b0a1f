meetings = [("Standup", 15), ("Planning", 90), ("1:1", 30), ("Standup", 15), ("All hands", 60), ("1:1", 30), ("Standup", 15)]
total = sum(d for _, d in meetings)
hours, minutes = divmod(total, 60)
print(f"total {total} min = {hours}h {minutes}m")
kinds = {}
for title, d in meetings:
    kinds[title] = kinds.get(title, 0) + d
for title, d in sorted(kinds.items(), key=lambda kv: -kv[1]):
    print(f"  {title:<10}{d:>4} min {d / total:>6.1%}")
print("average length: %.1f" % (total / len(meetings)))
