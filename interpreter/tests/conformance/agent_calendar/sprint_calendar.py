sprint_len = 14
start = 3
names = ["Apollo", "Borealis", "Comet", "Dawn"]
for i, name in enumerate(names):
    s = start + i * sprint_len
    e = s + sprint_len - 1
    print("Sprint %d %-9s days %3d-%3d (week %d)" % (i + 1, name, s, e, s // 7 + 1))
print("ends on day", start + len(names) * sprint_len - 1)
