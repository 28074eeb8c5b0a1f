calls = []
def check(n):
    calls.append(n)
    return n > 2
print(any(check(n) for n in [1, 2, 3, 4, 5]))
print(calls)
calls.clear()
print(all(check(n) for n in [3, 4, 1, 5]))
print(calls)
