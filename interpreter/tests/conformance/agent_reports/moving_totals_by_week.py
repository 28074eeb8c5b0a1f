daily = [5, 3, 8, 2, 0, 1, 4, 7, 7, 2, 9, 1, 0, 3, 6]
weeks = [daily[i:i + 7] for i in range(0, len(daily), 7)]
for n, w in enumerate(weeks, 1):
    label = "week %d%s" % (n, " (partial)" if len(w) < 7 else "")
    print("%-18s total %3d avg %4.1f max %d" % (label, sum(w), sum(w) / len(w), max(w)))
