s = "naïve café — 日本語 🙂"
print(s)
print(len(s), len("🙂"), len("日本語"))
print(s[0:5], s[-1], s[11])
print(s.upper())
print("café".find("é"), "日本語"[::-1])
print("Straße".upper(), "ÉCOLE".lower())
