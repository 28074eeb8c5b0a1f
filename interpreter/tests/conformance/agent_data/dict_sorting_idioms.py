scores = {"ana": 88, "ben": 95, "cy": 88, "dee": 70}
by_value = dict(sorted(scores.items(), key=lambda kv: kv[1], reverse=True))
print(by_value)
print(sorted(scores, key=scores.get))
print(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:2])
print(list(scores.items())[0], next(iter(scores)), list(scores.values())[-1])
inverted = {}
for k, v in scores.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
