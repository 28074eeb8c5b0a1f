records = [{"id": 1, "meta": {"tags": ["a"]}}, {"id": 2}, {"id": 3, "meta": {}}]
for r in records:
    tags = r.get("meta", {}).get("tags", [])
    print(r["id"], tags, len(tags))
print([r["id"] for r in records if "meta" in r])
