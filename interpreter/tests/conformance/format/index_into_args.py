data = ["zero", "one", "two"]
print("{0[1]} {0[2]}".format(data))
info = {"user": "kim", "id": 9}
print("{0[user]} #{0[id]}".format(info))
print("{d[user]} has id {d[id]}".format(d=info))
print("{0[0]}{1[0]}".format("ab", "cd"))
