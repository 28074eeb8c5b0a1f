rows = ["12", "x", "7"]
total = 0
for r in rows:
    try:
        total += int(r)
    except ValueError as err:
        print("skipping", repr(r))
print("total", total)
print("last error was:", err)
