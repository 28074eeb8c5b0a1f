flags = [True, False, True, True, None, 0, 1, "", "x"]
print(sum(1 for f in flags if f), sum(bool(f) for f in flags), True + True, True * 3)
print([bool(f) for f in flags])
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]))
print(int(True), str(False), not None, None or "default", 0 or [] or "last", "a" and "b")
