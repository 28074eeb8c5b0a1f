created = ["2024-05-06", "2024-05-06", "2024-05-07", "2024-05-09", "2024-05-11", "2024-05-13", "2024-05-13", "2024-05-13"]
names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
def weekday(date):
    d = int(date[8:])
    return (d - 6) % 7
counts = [0] * 7
for c in created:
    counts[weekday(c)] += 1
for name, n in zip(names, counts):
    print(name, "o" * n)
print("busiest:", names[counts.index(max(counts))])
