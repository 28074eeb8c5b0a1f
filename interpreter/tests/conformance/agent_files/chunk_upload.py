size = 10_500_000
chunk = 4 * 1024 * 1024
parts = []
offset = 0
while offset < size:
    length = min(chunk, size - offset)
    parts.append((offset, length))
    offset += length
for i, (o, l) in enumerate(parts, 1):
    print(f"part {i}: bytes {o}-{o + l - 1} ({l / 1024 / 1024:.2f} MiB)")
print("parts:", len(parts))
