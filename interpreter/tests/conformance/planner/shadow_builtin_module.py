print(max([3, 1, 2]))
results = [{"id": "a1", "score": 3}, {"id": "b2", "score": 5}]
max = None
for r in results:
    if max is None or r["score"] > max["score"]:
        max = r
print(max["id"])
input = "search query"
filter = [r for r in results if r["score"] > 3]
print(input.upper(), len(filter))
list = [1, 2]
print(list, sorted(list, reverse=True))
