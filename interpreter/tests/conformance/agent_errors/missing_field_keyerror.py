emails = [{"sender": "a@x.com", "subject": "Hi"}, {"sender": "b@y.com"}]
for e in emails:
    print("processing", e["sender"])
    print("subject:", e["subject"])
