raw = {"id": "4512", "priority": 2, "tags": "billing,urgent", "cc": ["a@x.com"], "due": None}
clean = {}
for k, v in raw.items():
    if isinstance(v, str) and v.isdigit():
        clean[k] = int(v)
    elif isinstance(v, str) and "," in v:
        clean[k] = [p.strip() for p in v.split(",")]
    elif isinstance(v, list):
        clean[k] = list(v)
    elif v is None:
        continue
    else:
        clean[k] = v
print(clean)
print(sorted(str(type(v)) for v in clean.values()))
