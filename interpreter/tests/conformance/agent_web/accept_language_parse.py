header = "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5"
langs = []
for part in header.split(","):
    part = part.strip()
    if ";q=" in part:
        lang, q = part.split(";q=")
        langs.append((lang, float(q)))
    else:
        langs.append((part, 1.0))
langs.sort(key=lambda lq: lq[1], reverse=True)
supported = ["en", "de"]
choice = next((l for l, _ in langs if l in supported), "en")
print(langs)
print("serve:", choice)
