w = "cat"
print(f"[{w:10}]")
print(f"[{w:<10}]")
print(f"[{w:>10}]")
print(f"[{w:^10}]")
print(f"[{w:^9}]")
print(f"[{42:10}] [{42:<10}] [{42:^10}]")
print(f"[{w:2}]")
