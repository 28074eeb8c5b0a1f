timesheet = {"ana": [8, 8, 9, 10, 8], "ben": [8, 8, 8, 8, 8, 6], "cy": [12, 12, 11]}
rate = {"ana": 30, "ben": 25, "cy": 40}
for name, hours in timesheet.items():
    total = sum(hours)
    regular = min(total, 40)
    overtime = max(total - 40, 0)
    pay = regular * rate[name] + overtime * rate[name] * 1.5
    print(f"{name:<4} {total:>3}h ({overtime}h OT) ${pay:,.2f}")
print("payroll:", sum(sum(h) for h in timesheet.values()), "hours")
