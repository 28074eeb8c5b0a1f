def clean(s):
    return s.strip().lower()
raw = ["  Alice ", "BOB", " carol", "", "   "]
cleaned = [clean(s) for s in raw if clean(s)]
print(cleaned)
print([f"{i}:{name}" for i, name in enumerate(cleaned, 1)])
print({name: len(name) for name in cleaned})
