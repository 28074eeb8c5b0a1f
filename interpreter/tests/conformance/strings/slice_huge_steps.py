# Slices with steps near the 64-bit limits and beyond, of strings (ASCII and not), lists
# and tuples, read and assigned.
s = "hello world"
u = "héllo wörld"
xs = list(range(11))
for step in [9223372036854775807, -9223372036854775808, 2**70, -2**70, 3, -4]:
    print(repr(s[-3::step]), repr(u[2::step]), xs[4::step], tuple(xs)[-2::step])
    print(repr(s[:: step]), repr(u[::step]), xs[1:9:step])
ys = list(range(8))
ys[1::9223372036854775807] = ["a"]
print(ys)
del ys[-2::-9223372036854775808]
print(ys)
print(s[:20], s[3:1], s[-100:4], u[-3:], u[:0], repr(s[5:5]))
