stocks = [{"sym": "A", "pe": 22.5}, {"sym": "B", "pe": 8.1}, {"sym": "C", "pe": 41.0}, {"sym": "D", "pe": 15.3}]
cheap = min(stocks, key=lambda s: s["pe"])
rich = max(stocks, key=lambda s: s["pe"])
print("cheapest:", cheap["sym"], cheap["pe"])
print("richest:", rich["sym"], rich["pe"])
print(max(s["pe"] for s in stocks) - min(s["pe"] for s in stocks))
print(sorted(s["sym"] for s in stocks if 10 < s["pe"] < 30))
print(max([], default="none"), min([3, 1, 2], default=0))
