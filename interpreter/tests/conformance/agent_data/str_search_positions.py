text = "error: disk full; error: retry; warning: slow; error: done"
positions = []
start = 0
while True:
    i = text.find("error", start)
    if i < 0:
        break
    positions.append(i)
    start = i + 1
print(positions, text.count("error"), text.count("error", 10))
print(text.rfind("error"), text.rindex("warning"), text.find("error", 20, 40))
print(text.index("retry"), text.startswith("warn", 32), text.endswith("done"))
