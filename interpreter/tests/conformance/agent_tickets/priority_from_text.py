texts = ["site down for all users!!!", "typo on about page", "checkout slow for some users", "data loss after update"]
rules = [(("down", "data loss", "security"), "P1"), (("slow", "some users"), "P2"), ((), "P3")]
for t in texts:
    prio = next(p for words, p in rules if not words or any(w in t for w in words))
    bangs = t.count("!")
    print(f"{prio} {'(!x' + str(bangs) + ')' if bangs else '':<6} {t}")
