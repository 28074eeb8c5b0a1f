def greet(name, greeting):
    return greeting + " " + name
print(greet("a", "hi"))
print(greet("b"))
