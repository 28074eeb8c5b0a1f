template = "{name:<10} {score:>5.1f}"
rows = [{"name": "alice", "score": 91.25}, {"name": "bob", "score": 78.0}]
for r in rows:
    print(template.format(name=r["name"], score=r["score"]))
header = "{:<10} {:>5}".format("name", "score")
print(header)
