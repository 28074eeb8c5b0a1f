print(None == None, None != 0, None == False, None == "")
print([None] == [None], None in [0, False, None])
d = {"a": None}
print(d["a"] is None, d.get("b") is None, d.get("a", 1) is None)
