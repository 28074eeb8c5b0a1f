candidates = ["jane.doe@example.com", "bad@", "@nouser.com", "two@@at.com", "ok_name@sub.domain.org", "no-dot@localhost", "sp ace@x.com"]
def is_valid(addr):
    if addr.count("@") != 1 or " " in addr:
        return False
    user, domain = addr.split("@")
    if not user or "." not in domain:
        return False
    return all(part for part in domain.split("."))
valid = [c for c in candidates if is_valid(c)]
invalid = [c for c in candidates if not is_valid(c)]
print("valid:", valid)
print("invalid:", len(invalid))
for c in invalid:
    print("  rejected %r" % c)
