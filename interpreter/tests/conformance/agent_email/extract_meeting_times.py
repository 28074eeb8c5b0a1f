bodies = [
    "Let's meet at 14:30 tomorrow.",
    "No time mentioned here.",
    "Options: 09:00 or 16:45, your pick",
]
for b in bodies:
    times = []
    for token in b.replace(",", " ").replace(".", " ").split():
        if len(token) == 5 and token[2] == ":" and token[:2].isdigit() and token[3:].isdigit():
            times.append(token)
    if times:
        mins = [int(t[:2]) * 60 + int(t[3:]) for t in times]
        print(f"{b[:20]!r}: {times}, earliest {min(mins) // 60:02d}:{min(mins) % 60:02d}")
    else:
        print(f"{b[:20]!r}: none")
