query = "cheap flights paris"
synonyms = {"cheap": ["budget", "low-cost"], "flights": ["airfare"], "paris": []}
expansions = [[w] + synonyms.get(w, []) for w in query.split()]
combos = [[]]
for options in expansions:
    combos = [c + [o] for c in combos for o in options]
for c in combos:
    print(" ".join(c))
print(len(combos), "queries")
