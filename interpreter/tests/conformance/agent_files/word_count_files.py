files = {"intro.md": "Welcome to the project.\nRead the docs.", "api.md": "GET /items returns items.\n\nPOST /items creates one.", "empty.md": ""}
print("%-9s %5s %5s %5s" % ("file", "lines", "words", "chars"))
tot = [0, 0, 0]
for name, text in files.items():
    counts = [len(text.splitlines()), len(text.split()), len(text)]
    tot = [a + b for a, b in zip(tot, counts)]
    print("%-9s %5d %5d %5d" % (name, *counts))
print("%-9s %5d %5d %5d" % ("total", *tot))
