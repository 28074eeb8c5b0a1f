def read_rows():
    return iter([("ana", 3), ("ben", 5), ("cy", 7)])
rows = read_rows()
header = next(rows)
print("header:", header)
print("rest:", list(rows))
print("again:", list(rows))
it = iter([1, 2, 3, 4])
print(list(zip(it, it)))
