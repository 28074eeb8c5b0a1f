flags = {"read": 1, "write": 2, "exec": 4, "hidden": 8}
files = {"a": 3, "b": 12, "c": 0, "d": 15}
for name, mask in files.items():
    on = [f for f, bit in flags.items() if mask & bit]
    print(name, format(mask, "04b"), on or ["none"])
print("writable:", [n for n, m in files.items() if m & flags["write"]])
