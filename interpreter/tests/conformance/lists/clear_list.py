xs = [1, 2, 3]
alias = xs
xs.clear()
print(xs, alias, len(alias))
xs.append("new")
print(alias)
