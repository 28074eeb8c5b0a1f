forecast = [
    {"day": "Mon", "high": 21.4, "low": 12.0, "rain_mm": 0.0},
    {"day": "Tue", "high": 18.9, "low": 11.2, "rain_mm": 5.4},
    {"day": "Wed", "high": 24.1, "low": 14.8, "rain_mm": 0.2},
    {"day": "Thu", "high": 16.0, "low": 9.5, "rain_mm": 12.8},
]
for f in forecast:
    icon = "rain" if f["rain_mm"] > 1 else "dry"
    print("%s %5.1f/%4.1fC %-4s %4.1fmm" % (f["day"], f["high"], f["low"], icon, f["rain_mm"]))
warmest = max(forecast, key=lambda f: f["high"])
print("warmest: %(day)s (%(high).1f)" % warmest)
print("rain days:", [f["day"] for f in forecast if f["rain_mm"] > 1])
