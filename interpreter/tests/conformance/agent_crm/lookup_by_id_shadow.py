records = [{"id": 7, "name": "Ana"}, {"id": 9, "name": "Ben"}, {"id": 12, "name": "Cy"}]
def find(records, id):
    return next((r for r in records if r["id"] == id), None)
for id in (9, 10, 12):
    r = find(records, id)
    print(id, r["name"] if r else "not found")
input = {"id": 7}
print(find(records, input["id"]))
