pages = [
    {"items": [{"id": 1}, {"id": 2}], "next": 2},
    {"items": [{"id": 3}, {"id": 2}], "next": 3},
    {"items": [{"id": 4}], "next": None},
]
collected = []
seen = set()
page_no = 1
while page_no is not None:
    page = pages[page_no - 1]
    for item in page["items"]:
        if item["id"] not in seen:
            seen.add(item["id"])
            collected.append(item["id"])
    page_no = page["next"]
print("ids:", collected)
print(f"{len(collected)} unique from {sum(len(p['items']) for p in pages)} items")
