s = {4, 9, 1, 7}
print(min(s), max(s), sum(s), len(s))
print(sorted(s, reverse=True))
print(max({"pear", "fig", "apple"}, key=len))
print(any(x > 8 for x in s), all(x > 0 for x in s))
