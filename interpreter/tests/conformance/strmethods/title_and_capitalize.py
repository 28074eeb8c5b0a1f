values = ["hello world", "they're bill's friends", "a1b2 c3", "HELLO", "", "  spaced  out ", "ǆungla ǳ", "o'neil mc-donald", "ß test"]
for s in values:
    print(repr(s.title()), repr(s.capitalize()), repr(s.swapcase()))
