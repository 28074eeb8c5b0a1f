class Timeout(Exception):
    pass
err = Timeout("tool call exceeded 30s")
calls = ["search", "fetch"]
for c in calls:
    print("calling", c)
    if c == "fetch":
        raise err
