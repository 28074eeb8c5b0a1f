def describe(event, type="meeting", format="{title} [{type}]"):
    return format.format(title=event, type=type)
print(describe("Sync"))
print(describe("Flight", type="travel"))
print(describe("Dentist", "personal", "{type}: {title}"))
def pick(list, id):
    return list[id]
print(pick(["a", "b", "c"], 1))
