name = "Ada"
age = 36
print(f"{name} is {age} years old")
print(f"{name}{age}", f"", f"plain")
print(f"{{braces}} and {name}")
print(f"{{{age}}}")
