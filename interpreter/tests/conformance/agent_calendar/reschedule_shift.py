events = [["Review", 13, 14], ["Call", 14, 15], ["Gym", 18, 19]]
delay = 1.5
for e in events:
    if e[1] >= 14:
        e[1] += delay
        e[2] += delay
for title, s, e in events:
    sh, sm = int(s), int((s - int(s)) * 60)
    eh, em = int(e), int((e - int(e)) * 60)
    print(f"{title:<7}{sh:02d}:{sm:02d}-{eh:02d}:{em:02d}")
print("late events:", [t for t, _, e in events if e > 18])
