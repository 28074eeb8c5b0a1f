class InvalidRecord(Exception):
    pass
record = {"name": "", "email": "bad", "age": -3}
problems = []
if not record["name"]:
    problems.append("name is empty")
if "@" not in record["email"]:
    problems.append("email has no @")
if record["age"] < 0:
    problems.append("age is negative")
print("\n".join(problems))
if problems:
    raise InvalidRecord("; ".join(problems))
