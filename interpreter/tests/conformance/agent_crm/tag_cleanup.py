raw_tags = ["VIP", " vip", "enterprise", "Enterprise ", "trial", "TRIAL", "", "partner", "vip!"]
clean = []
for t in raw_tags:
    t = t.strip().lower().rstrip("!")
    if t and t not in clean:
        clean.append(t)
print(clean)
mapping = {t: t.strip().lower().rstrip("!") for t in raw_tags if t.strip()}
print(len(mapping), "raw variants map to", len(set(mapping.values())), "tags")
