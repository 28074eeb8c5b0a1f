print(True > False, True >= 1, False < 1)
print(True + True > 1, sorted([True, False, True, 0, 1]))
print(max(True, 0), min(False, 1))
print(not (1 < 2), not 0 == 1)
