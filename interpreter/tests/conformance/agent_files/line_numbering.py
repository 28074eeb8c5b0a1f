text = "first\n\nthird line\n    indented\nlast"
width = len(str(len(text.splitlines())))
for n, line in enumerate(text.splitlines(), 1):
    marker = "" if line.strip() else " (blank)"
    print(f"{n:>{width}} | {line}{marker}")
indents = [len(l) - len(l.lstrip()) for l in text.splitlines() if l.strip()]
print("max indent:", max(indents))
