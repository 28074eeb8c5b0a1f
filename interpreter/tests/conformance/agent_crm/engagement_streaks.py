weeks = {"ana": "1101111", "ben": "0000011", "cy": "1111111", "dee": "1010101"}
def longest_run(s):
    best = cur = 0
    for ch in s:
        cur = cur + 1 if ch == "1" else 0
        best = max(best, cur)
    return best
for name, pattern in weeks.items():
    print(f"{name:<4}{pattern} active {pattern.count('1')}/7 streak {longest_run(pattern)}")
print("perfect:", [n for n, p in weeks.items() if "0" not in p])
