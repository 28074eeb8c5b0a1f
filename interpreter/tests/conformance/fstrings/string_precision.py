s = "truncate me"
print(f"[{s:.5}]")
print(f"[{s:10.3}]")
print(f"[{s:>10.4}]")
print(f"[{s:.0}]")
print(f"[{s:.50}]")
