a = "Hello"
b = "hello"
print(a == b, a.lower() == b, a.upper() == b.upper())
print(a < b, a.upper() < b)
print("straße".upper() == "STRASSE", "STRASSE".lower())
print(sorted(["b", "B", "a", "A"], key=lambda s: s.lower()))
