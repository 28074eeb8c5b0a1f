samples = {"a.txt": "plain ascii text", "b.txt": "café au lait", "c.txt": "naïve résumé", "d.txt": "東京"}
for name, text in samples.items():
    non_ascii = [c for c in text if ord(c) > 127]
    kind = "ascii" if not non_ascii else ("latin" if all(ord(c) < 256 for c in non_ascii) else "unicode")
    print(f"{name} {kind:<7} len={len(text)} non-ascii={len(non_ascii)} max={max(map(ord, text))}")
