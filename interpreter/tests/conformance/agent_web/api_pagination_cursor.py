data = ["item%02d" % i for i in range(1, 14)]
def fetch(cursor=0, limit=5):
    chunk = data[cursor:cursor + limit]
    nxt = cursor + limit if cursor + limit < len(data) else None
    return {"items": chunk, "next_cursor": nxt}
cursor, pages = 0, 0
names = []
while cursor is not None:
    resp = fetch(cursor, limit=5)
    pages += 1
    names += resp["items"]
    cursor = resp["next_cursor"]
print(pages, "pages,", len(names), "items, last:", names[-1])
