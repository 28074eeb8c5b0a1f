s = "abcdefghij"
print(s[::2], s[1::2], s[::3])
print(s[::-1], s[::-2], s[-2::-3])
print(s[7:2:-1], s[2:7:-1], s[8:1:-2])
print("racecar"[::-1] == "racecar", "hello"[::-1])
