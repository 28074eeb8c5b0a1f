results = [
    {"name": "Paris, France", "lat": 48.8566, "lon": 2.3522, "confidence": 0.97},
    {"name": "Paris, Texas", "lat": 33.6609, "lon": -95.5555, "confidence": 0.61},
    {"name": "Paris, Ontario", "lat": 43.1940, "lon": -80.3845, "confidence": 0.44},
]
best = max(results, key=lambda r: r["confidence"])
def fmt(lat, lon):
    return "%.3f%s %.3f%s" % (abs(lat), "N" if lat >= 0 else "S", abs(lon), "E" if lon >= 0 else "W")
print("best:", best["name"], fmt(best["lat"], best["lon"]))
for r in results[1:]:
    print("  alt:", r["name"].split(", ")[1], fmt(r["lat"], r["lon"]), "%.0f%%" % (r["confidence"] * 100))
