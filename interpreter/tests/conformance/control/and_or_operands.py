print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "default", "val" or "default")
print(None or [] or 0, None and 1)
print([] and "x", [1] and "x")
name = ""
display = name or "anonymous"
print(display)
print(0 or None, False or 0.0)
