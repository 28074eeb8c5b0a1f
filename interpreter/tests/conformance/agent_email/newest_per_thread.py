msgs = [
    {"thread": "t1", "date": "2024-03-01", "body": "first"},
    {"thread": "t2", "date": "2024-03-04", "body": "hello"},
    {"thread": "t1", "date": "2024-03-05", "body": "second"},
    {"thread": "t2", "date": "2024-03-02", "body": "older"},
    {"thread": "t3", "date": "2024-02-28", "body": "solo"},
]
latest = {}
for m in msgs:
    cur = latest.get(m["thread"])
    if cur is None or m["date"] > cur["date"]:
        latest[m["thread"]] = m
for thread in sorted(latest):
    m = latest[thread]
    print(f"{thread}: {m['date']} {m['body']}")
