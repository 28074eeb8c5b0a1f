post_a = ["python", "rust", "web"]
post_b = ["rust", "systems", "python", "cli"]
common = set(post_a) & set(post_b)
only_a = set(post_a) - set(post_b)
print("common:", ", ".join(sorted(common)))
print("only a:", ", ".join(sorted(only_a)))
print("all:", len(set(post_a) | set(post_b)))
