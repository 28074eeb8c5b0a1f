t = ("a", "b", "c", "d", "e")
print(t[0], t[-1], t[1:3], t[::-1], t[::2])
print(t[10:], t[:0])
print(len(t), "c" in t, "z" not in t)
