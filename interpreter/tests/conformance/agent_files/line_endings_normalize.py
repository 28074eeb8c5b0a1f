raw = "first line\r\nsecond line\rthird line\nfourth\r\n"
normalized = raw.replace("\r\n", "\n").replace("\r", "\n")
lines = normalized.split("\n")
print(len(lines), "parts;", repr(lines[-1]))
for i, l in enumerate(l for l in lines if l):
    print(i, l.upper())
print(repr(raw.splitlines()[:2]), len(raw.splitlines()))
