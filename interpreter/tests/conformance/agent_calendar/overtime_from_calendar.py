days = {"Mon": [(9, 12), (13, 18)], "Tue": [(8, 12), (12.5, 19)], "Wed": [(10, 15)], "Thu": [(9, 12), (13, 17.5)]}
for day, blocks in days.items():
    hours = sum(e - s for s, e in blocks)
    extra = hours - 8
    flag = f"+{extra:g}h" if extra > 0 else ""
    print(f"{day}: {hours:>4g}h {flag}")
week = sum(e - s for blocks in days.values() for s, e in blocks)
print("week total: %gh" % week)
