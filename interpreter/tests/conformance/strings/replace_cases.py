s = "the cat sat on the mat"
print(s.replace("at", "og"))
print(s.replace("the", "a", 1))
print(s.replace("xyz", "!"))
print("aaaa".replace("aa", "b"))
print("abc".replace("", "-"))
print(s.replace(" ", ""))
