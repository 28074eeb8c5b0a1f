files = [
    {"path": "src/main.rs", "bytes": 10240},
    {"path": "src/lib.rs", "bytes": 2048},
    {"path": "README.md", "bytes": 900},
    {"path": "assets/logo.png", "bytes": 1572864},
    {"path": "src/util/mod.rs", "bytes": 512},
]
def human(n):
    for unit in ["B", "KB", "MB"]:
        if n < 1024:
            return f"{n:.1f}{unit}" if unit != "B" else f"{n}{unit}"
        n = n / 1024
    return f"{n:.1f}GB"
for f in sorted(files, key=lambda f: f["bytes"], reverse=True):
    print(f"{human(f['bytes']):>8}  {f['path']}")
by_ext = {}
for f in files:
    ext = f["path"].rsplit(".", 1)[-1]
    by_ext[ext] = by_ext.get(ext, 0) + 1
print(by_ext)
