items = ["12", "x3", "", "007", "4.5", " 8"]
for it in items:
    if it.isdigit():
        print(it, "->", int(it))
    else:
        print(it, "-> not a number")
