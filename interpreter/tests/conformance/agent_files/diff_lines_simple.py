old = ["alpha", "beta", "gamma", "delta"]
new = ["alpha", "gamma", "delta", "epsilon", "beta2"]
removed = [l for l in old if l not in new]
added = [l for l in new if l not in old]
for l in old:
    print(("- " if l in removed else "  ") + l)
for l in added:
    print("+ " + l)
print(f"{len(added)} added, {len(removed)} removed")
