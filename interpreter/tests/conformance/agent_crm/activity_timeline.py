events = [("2024-05-03 10:15", "email", "Sent proposal"), ("2024-05-01 09:00", "call", "Intro call"), ("2024-05-03 16:40", "note", "Asked about SSO"), ("2024-05-02 11:30", "meeting", "Demo")]
by_day = {}
for ts, kind, text in sorted(events):
    day, time = ts.split()
    by_day.setdefault(day, []).append(f"{time} [{kind}] {text}")
for day, items in by_day.items():
    print(day)
    for i in items:
        print("   " + i)
