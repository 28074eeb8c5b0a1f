slots = ["09:00", "09:30", "10:00", "11:00", "11:30", "14:00"]
def m(t):
    return int(t[:2]) * 60 + int(t[3:])
runs = [[slots[0]]]
for prev, cur in zip(slots, slots[1:]):
    if m(cur) - m(prev) == 30:
        runs[-1].append(cur)
    else:
        runs.append([cur])
for r in runs:
    end = m(r[-1]) + 30
    print(f"{r[0]}-{end // 60:02d}:{end % 60:02d} ({len(r)} slots)")
