people = [{"n": "x", "age": 30}, {"n": "y", "age": 25}, {"n": "z", "age": 35}]
people.sort(key=lambda p: p["age"])
print([p["n"] for p in people])
oldest = max(people, key=lambda p: p["age"])
print(oldest)
people[0]["age"] += 1
print(people[0])
