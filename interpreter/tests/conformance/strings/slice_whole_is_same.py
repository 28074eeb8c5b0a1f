# A slice covering the whole string is the string itself, as in CPython; any other is new.
s = "héllo wörld"
t = "plain"
print(s[:20] is s, s[:] is s, s[0:] is s, s[::1] is s, s[:5], s[:-1], s[-3:], s[::2], s[::-1])
print(t[:20] is t, t[:5] is t, t[:4], t[1:] is t, t[0:100] is t, t[5:], t[-100:] is t)
