values = ["_a1", "1a", "é", "a-b", "", "℘", "·a", "a·", "class", "日本", "a b", "_", "__x__", "x²"]
for s in values:
    print(repr(s), s.isidentifier())
