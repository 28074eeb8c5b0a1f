birthdays = {"Ana": "03-14", "Ben": "11-02", "Cy": "03-02", "Dee": "07-30", "Eve": "03-28"}
month = "03"
this_month = sorted((md[3:], name) for name, md in birthdays.items() if md.startswith(month))
for day, name in this_month:
    suffix = "th" if 11 <= int(day) <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(int(day) % 10, "th")
    print(f"{name}: March {int(day)}{suffix}")
print(len(this_month), "birthdays in March")
