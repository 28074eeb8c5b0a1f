series = [3, 5, 9, 4, 2, 8, 12, 7, 6, 10]
ticks = "_.-~^"
lo, hi = min(series), max(series)
span = hi - lo or 1
line = "".join(ticks[(v - lo) * (len(ticks) - 1) // span] for v in series)
print(line)
print(f"min {lo} at {series.index(lo)}, max {hi} at {series.index(hi)}")
rising = sum(1 for a, b in zip(series, series[1:]) if b > a)
print(f"rising steps: {rising}/{len(series) - 1}")
