def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Ben", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
