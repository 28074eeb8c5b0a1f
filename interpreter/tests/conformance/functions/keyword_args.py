def describe(name, age, city):
    return f"{name} ({age}) from {city}"
print(describe("Ann", 30, "Oslo"))
print(describe(city="Rome", name="Bo", age=41))
print(describe("Cy", city="Lima", age=22))
