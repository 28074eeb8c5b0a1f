orig = {"k": [1, 2], "n": 1}
shallow = orig.copy()
shallow["n"] = 2
shallow["k"].append(3)
print(orig)
print(shallow)
alias = orig
alias["new"] = True
print(orig)
