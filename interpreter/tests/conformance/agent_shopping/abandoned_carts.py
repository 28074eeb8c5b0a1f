carts = [
    {"user": "ana", "items": 3, "value": 120.0, "hours_idle": 30},
    {"user": "ben", "items": 1, "value": 15.0, "hours_idle": 2},
    {"user": "cy", "items": 5, "value": 340.5, "hours_idle": 72},
]
reminders = [c for c in carts if c["hours_idle"] >= 24]
for c in sorted(reminders, key=lambda c: -c["value"]):
    code = "COMEBACK15" if c["value"] > 200 else "COMEBACK5"
    print(f"email {c['user']}: {c['items']} items worth ${c['value']:.2f}, code {code}")
print(f"at-risk revenue: ${sum(c['value'] for c in reminders):,.2f}")
