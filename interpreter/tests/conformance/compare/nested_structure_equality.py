a = {"users": [{"name": "x", "tags": ["a", "b"]}], "n": 1}
b = {"n": 1, "users": [{"tags": ["a", "b"], "name": "x"}]}
print(a == b)
b["users"][0]["tags"].append("c")
print(a == b)
print([[1, [2]], (3,)] == [[1, [2]], (3,)])
