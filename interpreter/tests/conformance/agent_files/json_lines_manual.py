lines = ['{"id": 1, "ok": true}', '{"id": 2, "ok": false}', "garbage", '{"id": 3, "ok": true}']
records = []
for n, line in enumerate(lines, 1):
    line = line.strip()
    if not (line.startswith("{") and line.endswith("}")):
        print("line %d: not an object" % n)
        continue
    rec = {}
    for pair in line[1:-1].split(","):
        k, v = pair.split(":")
        k, v = k.strip().strip('"'), v.strip()
        rec[k] = int(v) if v.isdigit() else v == "true"
    records.append(rec)
print(records)
print("ok ids:", [r["id"] for r in records if r["ok"]])
