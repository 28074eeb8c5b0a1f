start_dow = 2  # Wednesday (0 = Monday)
days = 20
holidays = {5, 12}
working = []
for i in range(days):
    dow = (start_dow + i) % 7
    if dow < 5 and i not in holidays:
        working.append(i)
print("working days:", len(working))
print("first five offsets:", working[:5])
print("weekends skipped:", sum(1 for i in range(days) if (start_dow + i) % 7 >= 5))
