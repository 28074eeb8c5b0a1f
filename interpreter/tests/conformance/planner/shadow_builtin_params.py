def describe(id, type, format="short"):
    if format == "short":
        return f"{type}#{id}"
    return f"{type} number {id}"

records = [{"id": 7, "type": "invoice"}, {"id": 9, "type": "receipt"}]
for r in records:
    print(describe(r["id"], r["type"]))
    print(describe(id=r["id"], type=r["type"], format="long"))

def total(items, sum=0):
    for x in items:
        sum += x
    return sum

print(total([1, 2, 3]), total([4], sum=10))
print(sum([1, 2, 3]), type(3).__name__)
