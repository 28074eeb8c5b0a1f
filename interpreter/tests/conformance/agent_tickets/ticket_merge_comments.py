t1 = {"id": 1, "comments": [("09:00", "ana", "first report"), ("09:30", "agent", "looking")]}
t2 = {"id": 2, "comments": [("09:10", "ben", "same issue here"), ("10:00", "agent", "linked to #1")]}
merged = sorted(t1["comments"] + t2["comments"])
for time, who, text in merged:
    print(f"[{time}] {who:<5} {text}")
participants = sorted({who for _, who, _ in merged if who != "agent"})
print("notify:", participants)
