pages = {
    1: {"items": ["a", "b", "c"], "next": 2},
    2: {"items": ["d", "e"], "next": 3},
    3: {"items": ["f"], "next": None},
}
collected = []
page = 1
calls = 0
while page is not None and calls < 10:
    resp = pages[page]
    calls += 1
    collected.extend(resp["items"])
    page = resp["next"]
print("fetched %d pages, %d items" % (calls, len(collected)))
print(collected)
