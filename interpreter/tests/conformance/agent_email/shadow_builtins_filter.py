def filter_emails(emails, type="all", max=2):
    list = []
    for e in emails:
        if type == "all" or e["type"] == type:
            list.append(e["subject"])
    return list[:max]
emails = [{"type": "work", "subject": "A"}, {"type": "home", "subject": "B"}, {"type": "work", "subject": "C"}, {"type": "work", "subject": "D"}]
print(filter_emails(emails))
print(filter_emails(emails, type="work", max=5))
print(filter_emails(emails, "home"))
print(max([1, 5, 3]))
