replies = {
    "reset": "Hi {name}, use the reset link sent to {email}.",
    "refund": "Hi {name}, your refund of {amount:.2f} is on its way.",
}
tickets = [("reset", {"name": "Ana", "email": "a@x.com"}), ("refund", {"name": "Ben", "amount": 19.5}), ("refund", {"name": "Cy"})]
for kind, data in tickets:
    try:
        print(replies[kind].format(**data))
    except KeyError as e:
        print(f"cannot fill {kind!r}: missing {e}")
