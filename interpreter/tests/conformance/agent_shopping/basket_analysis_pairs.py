baskets = [["bread", "milk"], ["bread", "butter", "milk"], ["beer", "chips"], ["bread", "butter"], ["milk", "chips", "bread"]]
pairs = {}
for b in baskets:
    items = sorted(set(b))
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            key = (items[i], items[j])
            pairs[key] = pairs.get(key, 0) + 1
for (a, b), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:4]:
    print(f"{a} + {b}: {n}")
