tool_results = {"cc": None, "to": ["a@x.com", "b@x.com"], "count": 7}
for key in ("to", "cc"):
    try:
        print(key, "->", ", ".join(tool_results[key]))
    except TypeError as e:
        print(key, "->", e)
attempts = [lambda: list(reversed(tool_results["count"])), lambda: divmod(tool_results["count"], "2"), lambda: "abcdef"[1:"3"]]
for a in attempts:
    try:
        print(a())
    except TypeError as e:
        print("TypeError:", e)
