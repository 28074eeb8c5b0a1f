managers = {"ana": "ben", "ben": "cy", "cy": "ana"}
def top_of(person, depth=0):
    if depth > 50:
        raise RecursionError("management chain loops at " + person)
    boss = managers.get(person)
    return person if boss is None else top_of(boss, depth + 1)
print("checking chain")
print(top_of("ana"))
