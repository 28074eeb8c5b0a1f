rows = [("Service", "Uptime", "Incidents"), ("api", "99.95%", 2), ("web", "99.99%", 0), ("batch", "98.10%", 7)]
widths = [max(len(str(r[i])) for r in rows) for i in range(3)]
def fmt(row):
    return "| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |"
print(fmt(rows[0]))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in rows[1:]:
    print(fmt(r))
