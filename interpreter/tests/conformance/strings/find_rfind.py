s = "hello world, hello moon"
print(s.find("hello"), s.rfind("hello"))
print(s.find("xyz"), s.rfind("xyz"))
print(s.find("o", 5), s.find("o", 5, 7), s.rfind("o", 0, 10))
print(s.find(""), s.rfind(""))
print("ababab".find("bab"), "ababab".rfind("bab"))
