rows = [("ana", 30), ("ben", 25), ("cy", 40, "extra")]
for name, age in rows:
    print(f"{name} is {age}")
