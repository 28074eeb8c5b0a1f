def log_step(tag, x):
    print(tag, x)
    return x
raw = ['10', '20', 'x', '40']
try:
    numbers = (log_step('parse', repr(r)) for r in raw[:2])
    doubled = (log_step('double', n * 2) for n in numbers)
    print(sum(doubled))
except TypeError as e:
    print("TypeError:", e)
print(sum(x * 2 for x in range(5)), sum([[1], [2]], []), sum((1.5, 2), 3))
try:
    sum(iter([1, 2, "a", print("never")]))
except TypeError as e:
    print("TypeError:", e)
