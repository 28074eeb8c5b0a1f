# Substring search at its edges: overlapping candidates, needles longer than 8 bytes,
# non-ASCII text, counts and maxsplit, and the unchanged string returned as itself.
s = "aaaa-aaaaaaaaaaaaaaaaaaa-ééé-naïve café"
print(s.count("aa"), s.count("aaaaaaaaa"), s.count("é"), s.count("é", 30))
print(s.replace("aa", "b"), s.replace("aaaaaaaaa", "<9>", 1))
print(s.replace("é", "e"), s.replace("ï", "i").replace("-", "", 2))
print(s.find("aaaaaaaaaa"), s.find("café"), s.index("é"), s.find("é", 29))
print(s.split("aa"), s.split("-", 2), s.split("é", 1))
print("  a b  c ".split(), "  a b  c ".split(None, 1), "  a b  c ".rsplit(None, 1))
print(" \u3000x\u2003y ".split(), "x\ty\n z".rsplit(maxsplit=1), "   ".split(None, 0))
line = "00012;alice;commented on;issue-123"
print(line.replace(" zz", "") is line, line.strip() is line, line.rstrip("x") is line)
print(line.replace("issue-", "#"), line.replace(";", "", 0) is line, "".replace("", "x"))
t = " x "
print(t.strip() is t, "x".lstrip() == "x", "abcabc".replace("c", "", -1))
