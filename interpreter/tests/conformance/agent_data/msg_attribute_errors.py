values = [5, "text", [1], {"a": 1}, (1,), 2.5]
for v in values:
    try:
        v.append(1)
        print("appended", v)
    except AttributeError as e:
        print(e)
