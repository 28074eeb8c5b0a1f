word = "Zoë"
print("{!r} {!s} {!a}".format(word, word, word))
print("{0!r:>8}|{0!a:<10}|{0!s:^7}|".format(word))
print("{!a}".format(["ñ", 1]))
print("{0[0]!r}".format(["x"]))
print(f"{word!a} {word!r:>7}")
print(ascii("é ü 😀"), ascii([1, "ñ"]), ascii("plain"), ascii(1.5))
