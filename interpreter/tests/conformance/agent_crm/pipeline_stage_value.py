deals = [("Acme", "proposal", 50000), ("Zen", "won", 12000), ("Orb", "lead", 8000), ("Kite", "proposal", 22000), ("Volt", "lost", 30000), ("Nimbus", "negotiation", 41000)]
prob = {"lead": 0.1, "proposal": 0.4, "negotiation": 0.7, "won": 1.0, "lost": 0.0}
stages = {}
for name, stage, value in deals:
    stages.setdefault(stage, []).append(value)
print("%-12s %3s %9s %10s" % ("stage", "n", "value", "weighted"))
for stage in ["lead", "proposal", "negotiation", "won", "lost"]:
    vals = stages.get(stage, [])
    print("%-12s %3d %9d %10.0f" % (stage, len(vals), sum(vals), sum(vals) * prob[stage]))
print("forecast: %.0f" % sum(v * prob[s] for _, s, v in deals))
