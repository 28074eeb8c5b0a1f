items = ["a", "bb", "ccc"]
print(len(items) * 2, len(items[0] + items[-1]))
print([len(i) for i in items], sum(len(i) for i in items))
if len(items) > 2:
    print("more than two")
print(len(str(len(items))))
