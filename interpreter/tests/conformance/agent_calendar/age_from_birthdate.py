people = [("Ana", "1990-06-15"), ("Ben", "2001-12-31"), ("Cy", "1985-01-01")]
today = (2024, 6, 14)
for name, bd in people:
    y, m, d = map(int, bd.split("-"))
    age = today[0] - y - ((today[1], today[2]) < (m, d))
    print(f"{name}: {age}")
oldest = min(people, key=lambda p: p[1])
print("oldest:", oldest[0])
