words = ["it's a dog's life", "o'neil", "hello-world", "UPPER lower", "3rd place", "mcdonald's"]
for w in words:
    print(f"{w.title()!r:22} {w.capitalize()!r:22} {w.swapcase()!r}")
