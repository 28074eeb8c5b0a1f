trains = [("IC 101", "08:05", "10:40", 49.9), ("RE 7", "08:20", "12:15", 19.5), ("ICE 3", "09:00", "10:55", 79.0), ("IC 105", "10:05", "12:40", 39.9)]
def minutes(t):
    h, m = map(int, t.split(":"))
    return h * 60 + m
must_arrive = "12:30"
ok = [t for t in trains if minutes(t[2]) <= minutes(must_arrive)]
for name, dep, arr, price in ok:
    dur = minutes(arr) - minutes(dep)
    print(f"{name:<7}{dep}-{arr} {dur // 60}h{dur % 60:02d} EUR {price:5.2f} ({price / dur * 60:.2f}/h)")
fastest = min(ok, key=lambda t: minutes(t[2]) - minutes(t[1]))
print("fastest:", fastest[0])
