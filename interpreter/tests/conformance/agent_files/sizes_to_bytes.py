specs = ["10KB", "1.5 MB", "700b", "2GB", "0.25kb", "12"]
units = {"b": 1, "kb": 1024, "mb": 1024 ** 2, "gb": 1024 ** 3}
def to_bytes(spec):
    s = spec.replace(" ", "").lower()
    num = s.rstrip("kmgb")
    unit = s[len(num):] or "b"
    return int(float(num) * units[unit])
for s in specs:
    print(f"{s!r:>9} = {to_bytes(s):>13,} bytes")
print("quota left:", 5 * 1024 ** 3 - sum(map(to_bytes, specs)))
