# Found by _difftest: sorted() is stable, so ties keep the set's (CPython) order.
print(sorted({2, 4, 6, 8}, key=lambda x: x % 3))
print(sorted({10, 1, 100, 7}, key=lambda x: x % 2), min({9, 3, 6}, key=lambda x: x % 3))
