def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
def power(base, exp):
    return 1 if exp == 0 else base * power(base, exp - 1)
print(power(2, 20), power(3, 0))
