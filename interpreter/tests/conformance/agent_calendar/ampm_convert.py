times = ["00:15", "09:30", "12:00", "12:45", "18:05", "23:59"]
def to_12h(t):
    h, m = map(int, t.split(":"))
    suffix = "AM" if h < 12 else "PM"
    h = h % 12 or 12
    return f"{h}:{m:02d} {suffix}"
for t in times:
    print(t, "->", to_12h(t))
print([to_12h(t) for t in times if t >= "12:00"])
