title = "report"
point = (1, 2)
for action in ("str", "tuple"):
    try:
        if action == "str":
            title[0] = "R"
        else:
            point[0] = 5
    except TypeError as e:
        print(action, "->", e)
print(title.capitalize(), (5,) + point[1:])
