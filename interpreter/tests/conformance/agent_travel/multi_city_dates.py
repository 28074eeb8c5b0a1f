start = (2024, 6, 28)
plan = [("Rome", 3), ("Florence", 2), ("Venice", 4)]
month_len = {6: 30, 7: 31}
y, m, d = start
for city, nights in plan:
    arrive = (m, d)
    d += nights
    while d > month_len[m]:
        d -= month_len[m]
        m += 1
    print("%-8s %02d/%02d -> %02d/%02d (%d nights)" % (city, arrive[0], arrive[1], m, d, nights))
print("home on %d-%02d-%02d" % (y, m, d))
