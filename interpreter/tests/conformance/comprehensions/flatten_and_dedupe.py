tags = [["python", "rust"], ["rust", "go"], [], ["python"]]
flat = [t for group in tags for t in group]
print(flat)
print(sorted(set(flat)))
unique = []
[unique.append(t) for t in flat if t not in unique]
print(unique)
