d = {}
d["ok"] = 1
print(d)
d[["list", "key"]] = 2
