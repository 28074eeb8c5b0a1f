words = ["ß", "Straße", "ǅungla", "ǆ", "ﬁx", "ﬃ", "İstanbul", "ΣΑΣ", "ŉ", "ᾳ", "ǈ"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.casefold()))
    print("  ", repr(w.title()), repr(w.capitalize()), repr(w.swapcase()))
print("ß".upper() == "SS", "ß".casefold() == "ss", "Straße".casefold() == "STRASSE".casefold())
