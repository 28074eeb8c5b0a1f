results = {"query": "rare thing", "items": []}
print("searching for", results["query"])
print("found", len(results["items"]), "items")
top = results["items"][0]
print("top:", top)
