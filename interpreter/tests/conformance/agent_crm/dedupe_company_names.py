companies = ["Acme Inc.", "ACME, Inc", "acme incorporated", "Zen LLC", "Zen", "Orb Ltd", "Orb Limited"]
suffixes = ["incorporated", "inc", "llc", "ltd", "limited", "corp"]
def key(name):
    words = name.lower().replace(",", " ").replace(".", " ").split()
    while words and words[-1] in suffixes:
        words.pop()
    return " ".join(words)
groups = {}
for c in companies:
    groups.setdefault(key(c), []).append(c)
for k, names in groups.items():
    print(f"{k:<5} <- {names}")
