def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
def apply_all(fs, x):
    return [f(x) for f in fs]
print(apply_all([inc, dbl, str, abs], -3))
pipeline = [inc, dbl, inc]
v = 1
for f in pipeline:
    v = f(v)
print(v)
