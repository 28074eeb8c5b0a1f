emails = [
    {"from": "promo@deals.biz", "subject": "WIN A FREE CRUISE!!!", "body": "Click now to claim your prize"},
    {"from": "boss@corp.com", "subject": "Agenda", "body": "See attached agenda for monday"},
    {"from": "noreply@lottery.win", "subject": "You are a winner", "body": "free money, act now!"},
]
keywords = {"free": 2, "win": 2, "click": 1, "prize": 3, "act now": 2}
for e in emails:
    text = (e["subject"] + " " + e["body"]).lower()
    score = sum(w for k, w in keywords.items() if k in text)
    score += text.count("!")
    if e["subject"].isupper():
        score += 2
    label = "SPAM" if score >= 5 else "ok"
    print(f"{e['from']:<22}{score:>3}  {label}")
