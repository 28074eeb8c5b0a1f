keys = ["name", "age", "city"]
values = ["Ann", 31, "Oslo"]
person = dict(zip(keys, values))
print(person)
for k, v in zip(person.keys(), person.values()):
    print(k, "->", v)
print(list(zip(*person.items())))
