body = """Sounds good.
> When works for you?
>> Can we meet?
>>> Hi there
> Also, bring slides"""
depths = {}
for line in body.splitlines():
    depth = len(line) - len(line.lstrip(">"))
    depths.setdefault(depth, []).append(line.lstrip("> "))
for d in sorted(depths):
    print(d, depths[d])
print("max depth:", max(depths))
