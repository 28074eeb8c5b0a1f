# A small plan function called 2*10^5 times.
def score(item, weight, bonus):
    base = item * weight + bonus
    if base % 5 == 0:
        return base // 5
    return base - (item >> 2)

def clamp(v, lo, hi):
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v

acc = 0
for i in range(100000):
    acc = clamp(acc + score(i, 3, i & 7), -1000000, 50000000)
    acc = (acc * 17 + 1) % 1000000007
print(f"acc={acc}")
