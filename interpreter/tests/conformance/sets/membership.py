allowed = {"read", "write"}
for perm in ["read", "exec", "write", "admin"]:
    print(perm, perm in allowed, perm not in allowed)
print(1 in {1.0}, True in {1})
