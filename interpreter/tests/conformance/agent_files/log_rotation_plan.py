logs = [("app.log", 120), ("app.log.1", 118), ("app.log.2", 95), ("app.log.3", 40), ("app.log.4", 12)]
keep = 3
names = [n for n, _ in logs]
to_delete = names[keep:]
renames = [(names[i], "app.log.%d" % (i + 1)) for i in range(keep - 1, -1, -1)]
for old, new in renames:
    print("mv %s %s" % (old, new))
for n in to_delete:
    print("rm", n)
print("freed: %d MB" % sum(s for n, s in logs if n in to_delete))
