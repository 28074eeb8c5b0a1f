content = "Hello World 2024! Tabs\tand\nnewlines."
kinds = {"upper": str.isupper, "lower": str.islower, "digit": str.isdigit, "space": str.isspace}
counts = {name: sum(1 for c in content if test(c)) for name, test in kinds.items()}
counts["other"] = len(content) - sum(counts.values())
print(counts)
print("".join(c for c in content if c.isalpha())[:12])
