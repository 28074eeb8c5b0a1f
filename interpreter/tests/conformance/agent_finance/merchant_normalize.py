raw = ["AMZN Mktp US*2K4", "Amazon.com*AB12", "STARBUCKS #1234", "Starbucks Store 99", "UBER *TRIP", "Shell Oil 5521"]
aliases = {"amzn": "Amazon", "amazon": "Amazon", "starbucks": "Starbucks", "uber": "Uber"}
def normalize(name):
    key = name.lower().replace("*", " ").replace(".", " ").split()[0]
    return aliases.get(key, name.split()[0].title())
counts = {}
for r in raw:
    n = normalize(r)
    counts[n] = counts.get(n, 0) + 1
print(counts)
