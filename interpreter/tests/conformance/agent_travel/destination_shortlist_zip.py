cities = ["Kyoto", "Lisbon", "Cusco", "Reykjavik"]
costs = [1800, 1400, 1600, 2500]
ratings = [9.4, 8.8, 9.1, 8.5]
ranked = sorted(zip(cities, costs, ratings), key=lambda t: t[2] / t[1], reverse=True)
for city, cost, rating in ranked:
    print(f"{city:<10}${cost:>5,} rating {rating} score {rating / cost * 1000:.2f}")
names, *_ = zip(*ranked)
print("order:", names)
