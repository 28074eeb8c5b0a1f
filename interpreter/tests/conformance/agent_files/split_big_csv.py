rows = ["id,value"] + ["%d,%d" % (i, i * i) for i in range(1, 12)]
header, body = rows[0], rows[1:]
max_rows = 4
shards = []
for start in range(0, len(body), max_rows):
    shards.append([header] + body[start:start + max_rows])
for i, shard in enumerate(shards):
    print("part-%02d.csv: %d rows, first=%s last=%s" % (i, len(shard) - 1, shard[1], shard[-1]))
