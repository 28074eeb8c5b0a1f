rows = ["id=1", "id=2", "id=three"]
ids = []
for r in rows:
    ids.append(int(r.split("=")[1]))
    print("ids so far:", ids)
