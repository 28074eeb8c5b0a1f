a = {1, 2, 3}
b = a.copy()
b.add(4)
print(sorted(a), sorted(b))
alias = a
alias.clear()
print(a, len(a), sorted(b))
