latencies = [120, 85, 97, 340, 101, 88, 92, 1500, 110, 95, 99, 105]
data = sorted(latencies)
def pct(p):
    k = (len(data) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)
for p in (50, 90, 95, 99):
    print(f"p{p}: {pct(p):.1f} ms")
print("max:", data[-1], "min:", data[0], "mean: %.1f" % (sum(data) / len(data)))
