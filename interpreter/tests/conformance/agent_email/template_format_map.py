template = "Hello {name}, your ticket {ticket} is {status}."
rows = [
    {"name": "Ivy", "ticket": 101, "status": "open"},
    {"name": "Jo", "ticket": 102, "status": "closed"},
]
for r in rows:
    print(template.format(**r))
    print(template.format_map(r).upper())
