def load(tid):
    print("loading", tid)
    return {"id": tid, "title": "ticket %d" % tid}
ids = [11, 12, 13, 14]
owners = ["ana", "ben"]
for ticket, owner in zip(map(load, ids), owners):
    print(ticket["title"], "->", owner)
print("done")
