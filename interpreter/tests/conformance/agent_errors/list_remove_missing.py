inbox = ["m1", "m2", "m3"]
for mid in ["m2", "m5"]:
    inbox.remove(mid)
    print("removed", mid, "left", inbox)
