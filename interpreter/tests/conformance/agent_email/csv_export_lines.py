emails = [
    {"from": "a@x.com", "subject": "Hello, world", "date": "2024-01-02"},
    {"from": "b@y.com", "subject": 'Say "hi"', "date": "2024-01-03"},
    {"from": "c@z.com", "subject": "plain", "date": "2024-01-04"},
]
def csv_field(v):
    if any(c in v for c in ',"\n'):
        return '"' + v.replace('"', '""') + '"'
    return v
print("from,subject,date")
for e in emails:
    print(",".join(csv_field(e[k]) for k in ("from", "subject", "date")))
