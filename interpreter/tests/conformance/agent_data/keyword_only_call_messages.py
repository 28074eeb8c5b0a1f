def notify(user, channel, *, urgent=False, template):
    return f"{user}@{channel} urgent={urgent} tpl={template}"
print(notify("ana", "email", template="t1"))
attempts = [
    lambda: notify("ana", "sms", True, template="t2"),
    lambda: notify("ana", "sms"),
    lambda: notify("ana", template="t3"),
    lambda: notify("ana", "sms", template="t4", user="ben"),
]
for a in attempts:
    try:
        print(a())
    except TypeError as e:
        print("TypeError:", e)
