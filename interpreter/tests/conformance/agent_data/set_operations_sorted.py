a = {"ana", "ben", "cy", "dee"}
b = {"cy", "dee", "eve"}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a >= {"ana"}, {"cy"} <= b, a.isdisjoint({"zed"}), len(a.union(b, {"fay"})))
c = set()
c.add(3)
c.update([1, 2])
c.discard(9)
print(sorted(c), 2 in c, frozenset([1, 2]) == {1, 2})
