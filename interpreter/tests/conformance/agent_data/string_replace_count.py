template = "a-b-c-d-e"
print(template.replace("-", "+"), template.replace("-", "", 2), template.replace("", "|")[:9])
print(template.count("-"), "aaaa".count("aa"), "aaaa".replace("aa", "b"))
print("Hello".replace("l", "L", 1), "x".replace("y", "z"), "mississippi".replace("ss", "SS"))
