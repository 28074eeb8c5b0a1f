vals = ["  padded  ", "xxhixx", "\t\ntabs\n", "--==title==--", "www.example.com"]
for v in vals:
    print(repr(v.strip()), repr(v.strip("x")), repr(v.lstrip(" \t-=")), repr(v.rstrip("=-")))
print("www.example.com".lstrip("w."), "www.example.com".removeprefix("www."))
