words = ["alpha", "beta", "gamma"]
print(", ".join(words))
print("".join(words))
print("-".join("abc"))
print(" | ".join([]))
print("\n".join(["line1", "line2"]))
print(", ".join(str(n) for n in [1, 2, 3]))
