first_dow = 4  # month starts on Friday (0 = Monday)
ndays = 30
print(" ".join(d[:2] for d in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]))
cells = ["  "] * first_dow + ["%2d" % d for d in range(1, ndays + 1)]
for i in range(0, len(cells), 7):
    print(" ".join(cells[i:i + 7]))
