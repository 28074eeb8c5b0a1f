slots = {"Mon": ["09-12", "15-18"], "Tue": [], "Wed": ["12-15"], "Thu": ["09-12", "12-15", "18-21"]}
prefer_evening = True
def start(slot):
    return int(slot.split("-")[0])
choice = None
for day, opts in slots.items():
    if not opts:
        continue
    pick = max(opts, key=start) if prefer_evening else min(opts, key=start)
    if choice is None or (prefer_evening and start(pick) > start(choice[1])):
        choice = (day, pick)
print("chosen:", choice)
print("days with slots:", [d for d, o in slots.items() if o])
