tickets = ["open", "closed", "open", "pending", "open", "closed"]
summary = {s: n for s in dict.fromkeys(tickets) if (n := tickets.count(s)) > 1}
print(summary)
if (open_n := summary.get("open", 0)) > 2:
    print(f"{open_n} open tickets: alert the lead")
