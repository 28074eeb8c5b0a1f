ids = ["1", "2", "x", "4"]
for raw in ids:
    print(int(raw))
