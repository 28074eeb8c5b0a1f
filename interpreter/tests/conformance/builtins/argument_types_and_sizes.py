# Found by the differential tester: pow's three-argument type errors, str methods called
# through the type on other types, splitlines' keepends as an int, int()'s digit limit
# counting only the leading digits, and a range too long to list.
tries = [lambda: pow(2, None, 10), lambda: pow(2.0, 3, 5), lambda: pow(2, 3.0, 5), lambda: pow("a", 2, 3), lambda: pow(2, 3, "x"), lambda: pow(None, None, None),
         lambda: list(map(str.strip, ["a ", 7])), lambda: str.upper(5), lambda: str.split(None), lambda: str.join(",", ["a"]), lambda: str.replace(1, "a", "b"),
         lambda: "a\nb".splitlines(None), lambda: "a\nb".splitlines(1.0), lambda: "a\nb".splitlines(2), lambda: "a\nb".splitlines(keepends="x"),
         lambda: int("ß" + "2" * 4301), lambda: len(str(int("2" * 4301 + "ß"))), lambda: int("_1"), lambda: int(" " + "1" * 4301 + " "),
         lambda: list(range(10 ** 20)), lambda: list(range(-7, 2 ** 63)), lambda: len(range(10 ** 20))]
for f in tries:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, str(e)[:90])
f = dict.fromkeys
print(f(["a", "b"], 0))
g = str.lower
print(list(map(g, ["A", "B"])), sorted(["b", "A"], key=str.lower))
try:
    g()
except TypeError as e:
    print(e)
