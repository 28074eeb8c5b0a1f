pending = {"t1": "open", "t2": "open"}
print(pending.pop("t1"))
print(pending)
print(pending.pop("t9"))
