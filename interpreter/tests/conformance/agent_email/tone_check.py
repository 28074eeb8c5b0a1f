drafts = ["URGENT: need this NOW", "Could you please take a look when you have time?", "why is this STILL broken???"]
def shouting(text):
    words = [w for w in text.split() if w.isalpha()]
    caps = sum(1 for w in words if w.isupper() and len(w) > 1)
    return caps / len(words) if words else 0.0
for d in drafts:
    ratio = shouting(d)
    polite = any(p in d.lower() for p in ("please", "thank"))
    print("%-48s caps=%3.0f%% polite=%s" % (d, ratio * 100, polite))
