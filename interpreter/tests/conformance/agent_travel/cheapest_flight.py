flights = [
    {"airline": "AirOne", "from": "SFO", "to": "JFK", "price": 389.0, "stops": 0, "depart": "07:15"},
    {"airline": "SkyBud", "from": "SFO", "to": "JFK", "price": 249.5, "stops": 2, "depart": "05:40"},
    {"airline": "JetCo", "from": "SFO", "to": "JFK", "price": 301.0, "stops": 1, "depart": "10:05"},
    {"airline": "AirOne", "from": "SFO", "to": "BOS", "price": 199.0, "stops": 0, "depart": "09:00"},
]
options = [f for f in flights if f["to"] == "JFK" and f["stops"] <= 1]
best = min(options, key=lambda f: f["price"])
print("best: %(airline)s at %(depart)s for $%(price).2f" % best)
for f in sorted(options, key=lambda f: (f["stops"], f["price"])):
    print(f"{f['airline']:<7}{f['stops']} stop(s) ${f['price']:>7.2f}")
