vals = [-1.5, 2.25, -3.75, 0.0]
print(max(vals, key=abs), min(vals, key=abs))
print(sorted(vals, key=abs, reverse=True))
print(abs(min(vals)), abs(max(vals)))
print(round(sum(vals) / len(vals), 3))
