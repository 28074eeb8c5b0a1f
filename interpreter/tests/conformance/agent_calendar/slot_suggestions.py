free = [(9, 10.5), (11, 11.5), (13, 17)]
length = 1.0
suggestions = []
for s, e in free:
    t = s
    while t + length <= e:
        suggestions.append(t)
        t += 0.5
print("candidate starts:", suggestions)
fmt = lambda h: "%d:%02d" % (int(h), int(round((h % 1) * 60)))
print("first three:", [fmt(h) for h in suggestions[:3]])
print("afternoon count:", len([h for h in suggestions if h >= 12]))
