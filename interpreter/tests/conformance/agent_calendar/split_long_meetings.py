meetings = [("Workshop", 0, 240), ("Review", 300, 360), ("Training", 400, 580)]
max_block = 90
split = []
for title, start, end in meetings:
    part = 1
    while start < end:
        stop = min(start + max_block, end)
        split.append((f"{title} #{part}", start, stop))
        start, part = stop, part + 1
for t, s, e in split:
    print(f"{t:<12}{s:>4}{e:>5}")
print(len(split), "blocks")
