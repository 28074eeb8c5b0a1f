flights = [{"price": 300, "stops": 2}, {"price": 250, "stops": 3}]
direct = [f for f in flights if f["stops"] == 0]
print("direct flights:", len(direct))
cheapest = min(direct, key=lambda f: f["price"])
print(cheapest)
