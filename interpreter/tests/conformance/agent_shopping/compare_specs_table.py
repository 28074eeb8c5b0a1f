phones = {"Alpha": {"ram": 8, "storage": 128, "battery": 4500}, "Beta": {"ram": 12, "storage": 256, "battery": 4000}, "Gamma": {"ram": 8, "storage": 512, "battery": 5000}}
specs = ["ram", "storage", "battery"]
print(f"{'':<8}" + "".join(f"{s:>9}" for s in specs))
for name, s in phones.items():
    print(f"{name:<8}" + "".join(f"{s[k]:>9}" for k in specs))
winners = {k: max(phones, key=lambda p: phones[p][k]) for k in specs}
print(winners)
