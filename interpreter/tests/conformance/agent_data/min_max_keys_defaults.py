items = [{"n": "a", "v": 3}, {"n": "b", "v": 9}, {"n": "c", "v": 9}, {"n": "d", "v": 1}]
print(max(items, key=lambda i: i["v"])["n"], min(items, key=lambda i: i["v"])["n"])
print(max(3, 7, 5), min("banana", "apple", "cherry"), max("abc"), min([4, 2], default=0))
print(max([], default="empty"), max([[1, 2], [1, 3], [0, 9]]), min((2, "b"), (2, "a")))
print(sorted(items, key=lambda i: (-i["v"], i["n"]))[0]["n"], max(range(10), key=lambda x: x % 4))
