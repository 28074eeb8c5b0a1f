before = {"standup": "09:00", "review": "14:00", "lunch": "12:00"}
after = {"standup": "09:30", "lunch": "12:00", "retro": "16:00"}
print(sorted(after.keys() - before.keys()), sorted(before.keys() - after.keys()))
print(sorted(before.keys() & after.keys()), sorted(before.keys() ^ after.keys()))
print(sorted(before.keys() | ["extra"]), sorted(["x", "lunch"] & after.keys()))
changed = sorted(k for k, _ in before.items() - after.items())
print(changed, type(before.keys() | after.keys()).__name__)
try:
    before.values() | after.values()
except TypeError as e:
    print("TypeError:", e)
