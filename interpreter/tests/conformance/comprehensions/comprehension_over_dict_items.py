scores = {"amy": 82, "bob": 95, "cat": 67, "dan": 95}
passed = [name for name, s in scores.items() if s >= 70]
print(passed)
top = max(scores.values())
print([n for n, s in scores.items() if s == top])
print({n: ("pass" if s >= 70 else "fail") for n, s in scores.items()})
print(sorted(scores, key=lambda n: (-scores[n], n)))
