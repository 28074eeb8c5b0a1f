stock = [
    {"sku": "A-100", "name": "Widget", "qty": 12, "min": 20, "lead_days": 5},
    {"sku": "B-200", "name": "Gadget", "qty": 150, "min": 50, "lead_days": 10},
    {"sku": "C-300", "name": "Doohickey", "qty": 0, "min": 10, "lead_days": 2},
]
reorder = [s for s in stock if s["qty"] < s["min"]]
print("Reorder list (%d items)" % len(reorder))
for s in sorted(reorder, key=lambda s: s["qty"]):
    need = s["min"] * 2 - s["qty"]
    urgency = "URGENT" if s["qty"] == 0 else "soon"
    print("  {sku} {name:<10} order {need:>3} ({urgency}, {lead_days}d lead)".format(need=need, urgency=urgency, **s))
