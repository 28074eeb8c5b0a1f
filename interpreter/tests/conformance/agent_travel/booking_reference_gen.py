names = ["Smith", "O'Neil", "Lee", "Van Der Berg"]
refs = []
for i, name in enumerate(names):
    letters = "".join(ch for ch in name.upper() if ch.isalpha())[:3].ljust(3, "X")
    code = "%s%03d" % (letters, (i + 1) * 37 % 1000)
    refs.append(code)
print(refs)
print(all(len(r) == 6 for r in refs))
