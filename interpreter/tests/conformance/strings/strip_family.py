s = "  \t padded text \n "
print("[" + s.strip() + "]")
print("[" + s.lstrip() + "]")
print("[" + s.rstrip() + "]")
print("xxhixyx".strip("xy"), "--a--".lstrip("-"), "--a--".rstrip("-"))
print("www.example.com".strip("cmowz."))
print("[" + "   ".strip() + "]")
