history = {"AAPL": (170.0, 189.5), "NFLX": (610.0, 580.25), "KO": (60.0, 60.0)}
for sym, (old, new) in history.items():
    change = (new - old) / old
    arrow = "^" if change > 0 else ("v" if change < 0 else "=")
    print(f"{sym:<5}{old:>8.2f}{new:>8.2f} {arrow} {change:+.2%}")
movers = [s for s, (o, n) in history.items() if abs(n - o) / o > 0.05]
print("movers:", movers)
