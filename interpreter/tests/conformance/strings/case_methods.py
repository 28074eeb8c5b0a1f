s = "hello World of PYTHON"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("it's a dog's life".title())
print("o'neil mcDONALD 3rd".title())
print("".upper(), "123abc".capitalize())
