words = ["pear", "fig", "banana", "kiwi"]
print(min(len(w) for w in words), max(len(w) for w in words))
print(sorted(w.upper() for w in words))
print(sorted((len(w), w) for w in words))
print(max((w for w in words if "i" in w), key=len))
print(min((n for n in [] if n), default="empty"))
