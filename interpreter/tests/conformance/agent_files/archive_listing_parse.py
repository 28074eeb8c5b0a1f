listing = """-rw-r--r-- ana 1024 2024-05-01 docs/readme.md
drwxr-xr-x ana    0 2024-05-01 docs/
-rw-r--r-- ben 20480 2024-04-20 src/main.c
-rwxr-xr-x ben 8192 2024-04-21 bin/tool"""
entries = []
for line in listing.splitlines():
    perm, owner, size, date, path = line.split()
    entries.append({"perm": perm, "owner": owner, "size": int(size), "date": date, "path": path})
files = [e for e in entries if not e["perm"].startswith("d")]
print("files:", [e["path"] for e in files])
print("executables:", [e["path"] for e in files if "x" in e["perm"][1:4]])
print("by owner:", {o: sum(e["size"] for e in files if e["owner"] == o) for o in ("ana", "ben")})
