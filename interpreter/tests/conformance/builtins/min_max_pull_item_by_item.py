# min and max compare each item as it is pulled: an item that cannot be compared stops
# the pulling there, and a key function runs once per item, in order.
def seen(tag, x):
    print("pull", tag, x)
    return x
values = [3, 7, "x", 9]
try:
    print(max(seen("a", v) for v in values))
except TypeError as e:
    print("TypeError:", e)
try:
    print(min((seen("b", v) for v in [5, 2, None, 8]), key=lambda v: v))
except TypeError as e:
    print("TypeError:", e)
print(max((seen("c", w) for w in ["pear", "fig", "banana"]), key=len))
print(min(iter([]), default="empty"), max(range(0), default=None))
try:
    max(seen("d", v) for v in [])
except ValueError as e:
    print("ValueError:", e)
try:
    max(reverse=True)
except TypeError as e:
    print("TypeError:", e)
try:
    min(key=len)
except TypeError as e:
    print("TypeError:", e)
try:
    max(5)
except TypeError as e:
    print("TypeError:", e)
print(max(3, 1, 2), min("b", "a", key=str.upper), max([1, 2], key=None))
