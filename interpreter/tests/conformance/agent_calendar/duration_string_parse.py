durations = ["1h30m", "45m", "2h", "1h 5m", "90", "3h15m"]
def parse(s):
    s = s.replace(" ", "")
    if s.isdigit():
        return int(s)
    total, num = 0, ""
    for ch in s:
        if ch.isdigit():
            num += ch
        elif ch == "h":
            total, num = total + int(num) * 60, ""
        elif ch == "m":
            total, num = total + int(num), ""
    return total
parsed = [parse(d) for d in durations]
print(list(zip(durations, parsed)))
print("sum: %dh%02dm" % divmod(sum(parsed), 60))
