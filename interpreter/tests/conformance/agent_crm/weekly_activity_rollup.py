activities = [("ana", "call", 3), ("ana", "email", 14), ("ben", "call", 7), ("ben", "meeting", 2), ("cy", "email", 30), ("ana", "meeting", 4)]
kinds = sorted({k for _, k, _ in activities})
reps = sorted({r for r, _, _ in activities})
table = {(r, k): n for r, k, n in activities}
print("rep  " + "".join(f"{k:>9}" for k in kinds) + f"{'total':>7}")
for r in reps:
    row = [table.get((r, k), 0) for k in kinds]
    print(f"{r:<5}" + "".join(f"{v:>9}" for v in row) + f"{sum(row):>7}")
