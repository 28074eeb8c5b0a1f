template = "%-10s %5d %8.2f"
rows = [("apples", 3, 1.5), ("pears", 12, 0.25), ("kiwis", 100, 10.0)]
for row in rows:
    print(template % row)
line = "total:"
line += " %d items" % sum(r[1] for r in rows)
print(line)
s = "%s"
s %= "x"
print(s)
