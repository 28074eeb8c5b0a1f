names = ["Straße", "STRASSE", "strasse", "Strasse"]
print([n.lower() for n in names])
print([n.casefold() for n in names])
print(len({n.casefold() for n in names}), len({n.lower() for n in names}))
