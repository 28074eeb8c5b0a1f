data = {"a": [1, 2], "b": (3,), "c": {"x": None}}
print(f"{data}")
print(f"{data['a']} {data['b']} {data['c']}")
print(f"{list(data)} {len(data)}")
print(f"{sorted({3, 1, 2})}")
print(f"{[f'{i:02}' for i in range(3)]}")
