accounts = {"Acme": {"logins": 120, "tickets": 2, "nps": 9}, "Zen": {"logins": 5, "tickets": 11, "nps": 3}, "Orb": {"logins": 60, "tickets": 4, "nps": 7}}
def health(a):
    points = 0
    points += 2 if a["logins"] > 50 else (1 if a["logins"] > 10 else 0)
    points += 0 if a["tickets"] > 8 else 1
    points += 2 if a["nps"] >= 9 else (1 if a["nps"] >= 7 else 0)
    return ["critical", "at risk", "at risk", "ok", "good", "great"][points]
for name, a in accounts.items():
    print(f"{name}: {health(a)} ({a['logins']} logins, {a['tickets']} tickets, nps {a['nps']})")
