bank = {"t1": 100.0, "t2": -45.5, "t3": 12.0, "t5": 7.0}
books = {"t1": 100.0, "t2": -45.0, "t4": 30.0, "t5": 7.0}
for tid in sorted(bank.keys() | books.keys()):
    b, k = bank.get(tid), books.get(tid)
    if b is None:
        print(tid, "missing at bank")
    elif k is None:
        print(tid, "missing in books")
    elif b != k:
        print(tid, "mismatch %.2f vs %.2f" % (b, k))
print("matched:", sorted(t for t in bank if books.get(t) == bank[t]))
