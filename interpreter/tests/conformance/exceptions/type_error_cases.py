cases = [lambda: 1 + "a", lambda: "a" + 1, lambda: len(5), lambda: "a" < 1, lambda: [] * [], lambda: None + 1, lambda: {}[[]]]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except TypeError:
        print(i, "TypeError")
try:
    1 + "a"
except TypeError as e:
    print(e)
