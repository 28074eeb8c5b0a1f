agenda = [("09:00", "Welcome", 10), ("09:10", "Roadmap", 35), ("09:45", "Break", 15), ("10:00", "Breakouts", 60)]
lines = []
for time, item, dur in agenda:
    dots = "." * (24 - len(item))
    lines.append(f"{time}  {item} {dots} {dur:>3} min")
print("\n".join(lines))
total = sum(d for *_, d in agenda)
print("Total: {} h {:02d} min".format(*divmod(total, 60)))
