reservations = [("r1", "ana", 5, 10), ("r2", "ben", 2, 35), ("r3", "cy", 1, 14), ("r4", "dee", 3, 16)]
timeout = 15
released = 0
for rid, who, qty, age in reservations:
    if age > timeout:
        released += qty
        print(f"release {rid} ({who}, {qty} units, {age} min)")
print("units back in stock:", released)
print("kept:", [r[0] for r in reservations if r[3] <= timeout])
