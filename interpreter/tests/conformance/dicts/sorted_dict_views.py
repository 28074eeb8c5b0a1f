d = {"banana": 3, "apple": 5, "cherry": 1}
print(sorted(d))
print(sorted(d.items()))
print(sorted(d, key=d.get))
print(sorted(d.values(), reverse=True))
print(max(d, key=lambda k: d[k]), min(d.items(), key=lambda kv: kv[1]))
