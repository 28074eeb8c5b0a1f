envelopes = {"food": 400, "fun": 150, "gas": 200}
spending = [("food", 120), ("fun", 90), ("gas", 60), ("fun", 75), ("food", 300), ("gas", 30)]
for cat, amt in spending:
    before = envelopes[cat]
    envelopes[cat] -= amt
    if envelopes[cat] < 0 <= before:
        print(f"{cat} envelope overdrawn by {-envelopes[cat]}")
remaining = {k: v for k, v in envelopes.items() if v > 0}
print("remaining:", remaining)
print("short:", sorted(k for k, v in envelopes.items() if v < 0))
