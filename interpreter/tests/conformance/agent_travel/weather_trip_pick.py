destinations = {"Lisbon": [24, 26, 25, 23], "Oslo": [14, 12, 15, 13], "Athens": [31, 33, 34, 32], "Rome": [27, 28, 26, 29]}
ideal = 25
scores = {}
for city, temps in destinations.items():
    avg = sum(temps) / len(temps)
    scores[city] = abs(avg - ideal)
    print(f"{city:<7} avg {avg:4.1f}C  off by {scores[city]:.2f}")
print("pick:", min(scores, key=scores.get))
