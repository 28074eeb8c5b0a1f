inbox = ["m1", "m2", "m3", "m4", "m5", "m6"]
inbox[1:3] = ["M2-read", "M3-read"]
print(inbox)
inbox[-2:] = []
print(inbox)
inbox[0:0] = ["pinned"]
print(inbox)
del inbox[1:3]
print(inbox, len(inbox))
