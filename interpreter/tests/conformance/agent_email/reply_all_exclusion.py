me = "me@corp.com"
original = {"from": "Boss@corp.com", "to": ["me@corp.com", "pat@corp.com"], "cc": ["ME@corp.com", "hr@corp.com", "pat@corp.com"]}
recipients = [original["from"]] + original["to"] + original["cc"]
result = []
for r in recipients:
    key = r.lower()
    if key != me and key not in [x.lower() for x in result]:
        result.append(r)
print("Reply-all to:", ", ".join(result))
print("Dropped:", len(recipients) - len(result))
