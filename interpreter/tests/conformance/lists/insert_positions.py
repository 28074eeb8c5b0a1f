xs = ["b", "d"]
xs.insert(0, "a")
xs.insert(2, "c")
xs.insert(100, "e")
xs.insert(-1, "x")
print(xs)
xs.insert(-100, "start")
print(xs)
