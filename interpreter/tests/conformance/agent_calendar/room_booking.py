rooms = {"A": 4, "B": 8, "C": 12}
requests = [("offsite prep", 10), ("1:1", 2), ("team sync", 7), ("all hands", 40), ("interview", 3)]
taken = set()
for title, size in sorted(requests, key=lambda r: -r[1]):
    room = next((r for r, cap in sorted(rooms.items(), key=lambda kv: kv[1]) if cap >= size and r not in taken), None)
    if room:
        taken.add(room)
    print("%-13s (%2d) -> %s" % (title, size, room or "no room"))
