values = ["abc", "é", "ǅ", "a1", "ⅷ", "\u00a0", "\x1c", "\u200b", " \t\n", "", "\u2028", "\u00ad", "é\u0301", "日本"]
for s in values:
    print(repr(s), s.isalpha(), s.isspace(), s.isprintable(), s.isascii())
