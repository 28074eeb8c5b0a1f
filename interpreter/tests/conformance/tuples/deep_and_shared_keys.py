# Tuples nested deep (far past the recursion limit) and shared many times over are keys
# like any other.
deep = ()
for _ in range(5000):
    deep = (deep,)
d = {deep: 1}
print(len(d), deep in d, (deep,) in d)
shallow = ()
for _ in range(50):
    shallow = (shallow, 1)
print(len({shallow: 1, (1, 2): 2}))
shared = (1,)
for _ in range(12):
    shared = (shared, shared)
d = {shared: "x"}
print(len(d), d[shared], (shared[0], shared[1]) in d)
try:
    print(repr(deep)[:10])
except RecursionError as e:
    print("RecursionError:", e)
