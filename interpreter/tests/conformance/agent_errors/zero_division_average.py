scores = {"math": [90, 80], "art": []}
for subject, s in scores.items():
    avg = sum(s) / len(s)
    print(f"{subject}: {avg:.1f}")
