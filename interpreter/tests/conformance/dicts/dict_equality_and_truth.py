print({} == {}, {"a": 1} == {"a": 1}, {"a": 1} != {"a": 2})
print(bool({}), bool({"": 0}))
d = {}
if not d:
    print("empty dict")
print({"a": 1, "b": 2} == {"b": 2, "a": 1})
