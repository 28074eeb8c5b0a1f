customers = [
    {"name": "Acme", "last_login_days": 3, "seats_used": 45, "seats": 50},
    {"name": "Zen", "last_login_days": 40, "seats_used": 2, "seats": 20},
    {"name": "Orb", "last_login_days": 15, "seats_used": 9, "seats": 30},
    {"name": "Kite", "last_login_days": 61, "seats_used": 10, "seats": 10},
]
risky = []
for c in customers:
    reasons = []
    if c["last_login_days"] > 30:
        reasons.append("inactive %dd" % c["last_login_days"])
    if c["seats_used"] / c["seats"] < 0.35:
        reasons.append("low usage %.0f%%" % (100 * c["seats_used"] / c["seats"]))
    if reasons:
        risky.append((c["name"], reasons))
for name, reasons in risky:
    print(name + ": " + "; ".join(reasons))
