flights = [
    {"carrier": "TAP", "price": 389.0, "stops": 0, "depart": "07:40"},
    {"carrier": "Iberia", "price": 312.5, "stops": 1, "depart": "11:15"},
    {"carrier": "Lufthansa", "price": 455.0, "stops": 1, "depart": "06:05"},
    {"carrier": "easyJet", "price": 129.99, "stops": 0, "depart": "21:50"},
]
budget = 400
ok = [f for f in flights if f["price"] <= budget and f["depart"] >= "07:00"]
ok.sort(key=lambda f: (f["stops"], f["price"]))
for f in ok:
    print(f"{f['carrier']:<10} {f['price']:>7.2f} EUR  {f['stops']} stop(s)  dep {f['depart']}")
cheapest = min(flights, key=lambda f: f["price"])
print(f"Cheapest overall: {cheapest['carrier']} at {cheapest['price']:.2f}")
