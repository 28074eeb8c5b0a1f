hotels = [
    {"name": "Grand", "stars": 5, "price": 420, "rating": 9.1, "distance_km": 0.5},
    {"name": "Budget Inn", "stars": 2, "price": 85, "rating": 6.8, "distance_km": 4.0},
    {"name": "Central", "stars": 4, "price": 210, "rating": 8.7, "distance_km": 0.9},
    {"name": "Riverside", "stars": 3, "price": 140, "rating": 8.9, "distance_km": 2.2},
]
max_price, min_rating = 250, 8.0
ok = [h for h in hotels if h["price"] <= max_price and h["rating"] >= min_rating]
for h in sorted(ok, key=lambda h: h["price"] / h["rating"]):
    value = h["rating"] / h["price"] * 100
    print("{name:<10} {stars}* ${price:<4} {rating} ({distance_km} km)".format(**h), f"value={value:.2f}")
print("filtered out:", [h["name"] for h in hotels if h not in ok])
