contacts = [{"name": "Lee, Ann", "email": "ann@x.com", "tags": ["vip", "eu"]}, {"name": "Bo", "email": "bo@y.com", "tags": []}]
def cell(v):
    s = ";".join(v) if isinstance(v, list) else str(v)
    return '"%s"' % s if "," in s else s
cols = ("name", "email", "tags")
print(",".join(cols))
for c in contacts:
    print(",".join(cell(c[k]) for k in cols))
