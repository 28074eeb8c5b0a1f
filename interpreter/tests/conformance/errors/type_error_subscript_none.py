def find(xs, target):
    for x in xs:
        if x == target:
            return {"value": x}
print(find([1, 2], 2)["value"])
print(find([1, 2], 3)["value"])
