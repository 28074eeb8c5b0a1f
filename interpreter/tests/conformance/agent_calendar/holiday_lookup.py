holidays = {"01-01": "New Year", "07-04": "Independence Day", "12-25": "Christmas"}
requests = ["2024-07-04", "2024-07-05", "2025-01-01", "2024-12-24"]
for r in requests:
    name = holidays.get(r[5:])
    if name:
        print(r, "is", name, "- office closed")
    else:
        print(r, "normal day")
print(sum(1 for r in requests if r[5:] in holidays), "closures")
