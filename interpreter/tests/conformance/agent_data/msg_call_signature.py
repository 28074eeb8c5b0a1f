def send(to, subject, body=""):
    return f"{to}:{subject}:{body}"
calls = [
    lambda: send("a@x"),
    lambda: send("a@x", "hi", "b", "extra"),
    lambda: send("a@x", "hi", cc="c@x"),
    lambda: send("a@x", subject="s", to="t"),
    lambda: send(),
]
for c in calls:
    try:
        print(c())
    except TypeError as e:
        print("TypeError:", e)
