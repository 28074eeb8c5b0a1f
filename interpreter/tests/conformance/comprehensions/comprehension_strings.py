text = "The quick brown fox jumps over the lazy dog"
print([w for w in text.split() if len(w) > 4])
print("".join(c for c in text if c.isupper()))
print(sum(1 for c in text.lower() if c in "aeiou"))
print({c: text.lower().count(c) for c in "aeo"})
