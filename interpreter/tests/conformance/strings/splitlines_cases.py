text = "line one\nline two\r\nline three\n\nlast"
print(text.splitlines())
print("trailing\n".splitlines(), "".splitlines())
print("a\nb".splitlines(True))
print(len("x\ny\nz".splitlines()))
