def check_age(age):
    if age < 0:
        raise ValueError("age must be non-negative")
    return age
try:
    check_age(5)
    check_age(-1)
except ValueError as e:
    print("error:", e)
    print(str(e), repr(e))
