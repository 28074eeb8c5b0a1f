snippets = ["Price:\xa0$19.99", "Free\u2009shipping", "In\xa0stock\u3000today", "plain text"]
print(snippets)
for s in snippets:
    cleaned = " ".join(s.split())
    print(repr(s), "->", repr(cleaned), s.isprintable())
print([c for c in snippets[0] if not c.isprintable()])
