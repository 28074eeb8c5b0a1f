rule = "every Mon,Wed,Fri at 07:30"
_, days_part, _, time_part = rule.split(" ")
days = days_part.split(",")
order = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
per_week = len(days)
print(f"{per_week} sessions/week at {time_part}")
gaps = [(order.index(b) - order.index(a)) % 7 for a, b in zip(days, days[1:] + days[:1])]
print("gaps between sessions (days):", gaps)
print("rest days:", [d for d in order if d not in days])
