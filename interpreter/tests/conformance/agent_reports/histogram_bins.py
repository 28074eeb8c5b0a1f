values = [2.3, 4.7, 1.1, 9.8, 5.5, 6.2, 3.3, 7.7, 8.1, 5.0, 0.4, 4.4]
lo, hi, n = 0, 10, 5
width = (hi - lo) / n
bins = [0] * n
for v in values:
    idx = min(int((v - lo) / width), n - 1)
    bins[idx] += 1
for i, c in enumerate(bins):
    a = lo + i * width
    print("[%4.1f, %4.1f) %s" % (a, a + width, "o" * c))
