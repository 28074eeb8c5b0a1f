expenses = [
    {"who": "ana", "amount": 45.0, "receipt": True},
    {"who": "ben", "amount": 820.0, "receipt": True},
    {"who": "cy", "amount": 30.0, "receipt": False},
    {"who": "ana", "amount": 1500.0, "receipt": True},
]
def decide(e, limit=500):
    if not e["receipt"]:
        return "rejected (no receipt)"
    if e["amount"] > limit:
        return "needs manager"
    return "auto-approved"
for e in expenses:
    print("%-4s %8.2f  %s" % (e["who"], e["amount"], decide(e)))
print("with limit 1000:", [decide(e, limit=1000) for e in expenses if e["who"] == "ben"])
