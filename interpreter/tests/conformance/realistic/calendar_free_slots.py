busy = [(9, 10), (11, 12.5), (14, 15), (15, 16)]
day_start, day_end = 8, 18
free = []
cursor = day_start
for start, end in sorted(busy):
    if start > cursor:
        free.append((cursor, start))
    cursor = max(cursor, end)
if cursor < day_end:
    free.append((cursor, day_end))
for s, e in free:
    print(f"free {s:g}:00-{e:g}:00 ({e - s:g}h)")
longest = max(free, key=lambda slot: slot[1] - slot[0])
print("Longest free block starts at", longest[0])
