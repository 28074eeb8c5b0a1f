contacts = {"ana": "Ana Lima", "ben": None}
for key in ["ana", "ben"]:
    name = contacts[key]
    print(key, "->", name.upper())
