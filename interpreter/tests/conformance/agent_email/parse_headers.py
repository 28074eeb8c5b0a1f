raw = """From: Dana Scully <dana@fbi.gov>
To: fox@fbi.gov
Subject: Case file 1013
Date: 2024-05-03
X-Priority: 1"""
headers = {}
for line in raw.splitlines():
    key, sep, value = line.partition(": ")
    if sep:
        headers[key.lower()] = value
name, _, rest = headers["from"].partition(" <")
print("Sender name:", name)
print("Sender email:", rest.rstrip(">"))
print("Priority high?", headers.get("x-priority") == "1")
print("Keys:", ", ".join(sorted(headers)))
