def make_counter():
    counts = {"n": 0}
    def bump():
        counts["n"] += 1
        return counts["n"]
    return bump
c = make_counter()
c()
c()
print(c())
other = make_counter()
print(other(), c())
