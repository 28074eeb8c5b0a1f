def make_multiplier(k):
    return lambda x: x * k
double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple(5), list(map(double, [1, 2])))
fns = [make_multiplier(i) for i in range(3)]
print([f(10) for f in fns])
compose = lambda f, g: lambda x: f(g(x))
print(compose(double, triple)(1), (lambda *a: sum(a))(1, 2, 3), (lambda **k: sorted(k))(b=1, a=2))
