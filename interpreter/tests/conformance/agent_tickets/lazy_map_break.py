calls = []
def fetch(tid):
    calls.append(tid)
    return {"id": tid, "status": "open" if tid % 2 else "closed"}
for ticket in map(fetch, [1, 2, 3, 4, 5]):
    if ticket["status"] == "closed":
        print("first closed:", ticket["id"])
        break
print("fetched:", calls)
