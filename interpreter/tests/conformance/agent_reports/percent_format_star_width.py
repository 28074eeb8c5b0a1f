rows = [("api", 1523, 0.9995), ("web", 88, 0.981), ("batch", 40211, 0.9)]
w = max(len(r[0]) for r in rows)
for name, reqs, up in rows:
    print("%-*s %*d %6.2f%% %s" % (w, name, 7, reqs, up * 100, "%.*f" % (1, up)))
print("%c%c%c" % (79, 75, "!"), "%x/%#X/%#o" % (255, 255, 8), "% d|%+d|%-4d|" % (5, 5, 5))
