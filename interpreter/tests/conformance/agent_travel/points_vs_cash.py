options = [("flight A", 420.0, 35000), ("flight B", 189.0, 20000), ("hotel", 860.0, 60000), ("car", 240.0, 30000)]
threshold = 1.2
for name, cash, points in options:
    cpp = cash / points * 100
    choice = "use points" if cpp >= threshold else "pay cash"
    print(f"{name:<9} ${cash:>7.2f} or {points:>6,} pts = {cpp:.2f} c/pt -> {choice}")
