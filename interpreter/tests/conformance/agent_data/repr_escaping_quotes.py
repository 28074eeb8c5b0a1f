values = ["it's", 'say "hi"', "both ' and \"", "tab\there", "back\\slash", "newline\nx", "unicode é", ""]
for v in values:
    print(repr(v))
print(values[:3])
print({"k'ey": "v\"al"})
