rules = {("US", "FR"): "none", ("US", "CN"): "visa", ("IN", "FR"): "visa", ("IN", "TH"): "on arrival", ("FR", "US"): "esta"}
trips = [("ana", "US", "FR"), ("raj", "IN", "TH"), ("li", "US", "CN"), ("marie", "FR", "US"), ("bob", "US", "BR")]
for name, passport, dest in trips:
    req = rules.get((passport, dest), "check embassy")
    print(f"{name:<6}{passport}->{dest}: {req}")
needs_action = [n for n, p, d in trips if rules.get((p, d), "check embassy") not in ("none",)]
print("action needed:", needs_action)
