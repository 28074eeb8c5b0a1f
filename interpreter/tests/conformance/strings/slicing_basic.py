s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[:])
print(s[-3:], s[:-3], s[-5:-2])
print(s[5:2], s[100:], s[:100], s[-100:2])
print(s[3:3] == "", len(s[1:-1]))
