print(list(), dict(), set(), tuple())
print(list("ab"), list((1, 2)), list({"x": 1}), list(range(2)))
print(dict(a=1), dict([("b", 2)]), dict({"c": 3}))
print(sorted(set([2, 1, 2])), tuple([1, 2]), tuple("hi"))
original = [1, 2]
copied = list(original)
copied.append(3)
print(original, copied)
