raw = ["10", "x", "30", "", "5.5", "7"]
total = 0
bad = []
for r in raw:
    try:
        total += int(r)
    except ValueError:
        bad.append(r)
        continue
    finally:
        pass
print(total, bad)
