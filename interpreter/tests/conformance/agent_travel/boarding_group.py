passengers = [("ana", "gold", False), ("ben", "none", True), ("cy", "silver", False), ("dee", "none", False), ("eve", "gold", True), ("fay", "none", False)]
def group(status, needs_help):
    if needs_help:
        return 0
    return {"gold": 1, "silver": 2}.get(status, 3)
order = sorted(passengers, key=lambda p: (group(p[1], p[2]), p[0]))
for g in range(4):
    names = [p[0] for p in order if group(p[1], p[2]) == g]
    if names:
        print("group %d: %s" % (g, ", ".join(names)))
