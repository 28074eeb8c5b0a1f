raw = "  Hello, World!  "
print(raw.strip().lower().replace(",", "").split())
print("-".join(raw.split()).upper())
print(raw.strip()[::-1].title())
print("a b c".replace(" ", "").upper().zfill(6))
