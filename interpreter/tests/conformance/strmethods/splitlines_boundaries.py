s = "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l"
print(s.splitlines())
print(s.splitlines(True))
for t in ["a\n\nb\n", "", "\n", "\r\n\r", "no newline", "x\r"]:
    print(repr(t), t.splitlines(), t.splitlines(keepends=True))
