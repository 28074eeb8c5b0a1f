items = ["x", "y"]
print(list(enumerate(items)))
print(list(enumerate(items, start=5)))
for idx, item in enumerate(items, 1):
    print(f"{idx}: {item}")
