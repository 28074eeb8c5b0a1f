emails = [("zoe", "2024-01-02"), ("amy", "2024-01-03"), ("bob", "2024-01-02"), ("amy", "2024-01-01")]
by_date = sorted(emails, key=lambda e: e[1])
print(by_date)
by_sender_then_date = sorted(by_date, key=lambda e: e[0])
print(by_sender_then_date)
print(sorted(emails, reverse=True)[:2])
