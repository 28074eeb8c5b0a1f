s = "hello"
t = s.upper()
print(s, t)
s2 = s
s += " world"
print(s, s2)
print(s.replace("l", "L"), s)
print(s[:1].upper() + s[1:])
