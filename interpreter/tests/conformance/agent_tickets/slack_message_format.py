incident = {"title": "Checkout errors", "sev": 2, "owner": "@ana", "started": "14:02", "impact": ["EU users", "mobile app"]}
lines = [
    f":rotating_light: *SEV{incident['sev']}* {incident['title']}",
    f"Owner: {incident['owner']} | Started: {incident['started']} UTC",
    "Impact: " + ", ".join(incident["impact"]),
]
msg = "\n".join(lines)
print(msg)
print(len(msg.splitlines()), "lines,", len(msg), "chars")
