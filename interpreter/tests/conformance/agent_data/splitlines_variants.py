text = "line1\nline2\r\nline3\n\nline5"
print(text.splitlines())
print(text.splitlines(True))
print(text.split("\n"))
print([l for l in text.splitlines() if l])
