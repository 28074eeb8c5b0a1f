xs = ["a", "b"]
xs.remove("a")
print(xs)
xs.remove("z")
