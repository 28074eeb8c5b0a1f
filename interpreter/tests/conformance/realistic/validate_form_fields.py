submissions = [
    {"name": "Ann", "email": "ann@example.com", "age": "34"},
    {"name": "", "email": "bo@example", "age": "x"},
    {"name": "Cy", "email": "cy@example.org", "age": "-3"},
]
def validate(s):
    problems = []
    if not s["name"].strip():
        problems.append("name is required")
    local, _, domain = s["email"].partition("@")
    if not local or "." not in domain:
        problems.append("email is invalid")
    if not s["age"].lstrip("-").isdigit():
        problems.append("age must be a number")
    elif int(s["age"]) < 0:
        problems.append("age must be positive")
    return problems
for i, s in enumerate(submissions):
    issues = validate(s)
    print(f"#{i}: {'OK' if not issues else '; '.join(issues)}")
