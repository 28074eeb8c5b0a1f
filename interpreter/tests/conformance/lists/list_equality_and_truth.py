print([] == [], [1] == [1], [1, 2] != [2, 1])
print(bool([]), bool([0]), bool([[]]))
xs = []
if not xs:
    print("empty")
xs.append(0)
if xs:
    print("non-empty", xs)
