def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(-1)(1))
def multiplier(k):
    return lambda v: v * k
double = multiplier(2)
print(double(21), multiplier("ab")(2))
