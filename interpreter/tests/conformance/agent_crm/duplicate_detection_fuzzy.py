names = ["Jon Smith", "John Smith", "Jane Doe", "Jane Do", "Alan Turing"]
def similarity(a, b):
    a, b = a.lower(), b.lower()
    common = sum(1 for x, y in zip(a, b) if x == y)
    return common / max(len(a), len(b))
pairs = []
for i in range(len(names)):
    for j in range(i + 1, len(names)):
        s = similarity(names[i], names[j])
        if s > 0.7:
            pairs.append((round(s, 2), names[i], names[j]))
for s, a, b in sorted(pairs, reverse=True):
    print(f"{s:.2f}  {a} ~ {b}")
