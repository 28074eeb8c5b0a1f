perms = {"script.sh": 0o755, "secret.key": 0o600, "shared.txt": 0o664, "public": 0o777}
def rwx(mode):
    out = ""
    for shift in (6, 3, 0):
        bits = (mode >> shift) & 7
        out += ("r" if bits & 4 else "-") + ("w" if bits & 2 else "-") + ("x" if bits & 1 else "-")
    return out
for name, mode in perms.items():
    warn = " WORLD-WRITABLE" if mode & 0o002 else ""
    print(f"{oct(mode)[2:]:>4} {rwx(mode)} {name}{warn}")
