airports = {"SFO": "San Francisco", "JFK": "New York", "LHR": "London", "NRT": "Tokyo", "CDG": "Paris"}
queries = ["sfo", "London", "tok", "XYZ", "paris"]
for q in queries:
    hit = airports.get(q.upper())
    if hit:
        print(f"{q!r}: {q.upper()} = {hit}")
        continue
    matches = [code for code, city in airports.items() if city.lower().startswith(q.lower())]
    print(f"{q!r}: {matches if matches else 'no match'}")
