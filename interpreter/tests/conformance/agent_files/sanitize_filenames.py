names = ["report:final?.pdf", "  spaces  .txt", "con", "a/b\\c.txt", "normal_file.csv", "...hidden"]
bad = '<>:"/\\|?*'
reserved = {"con", "prn", "aux", "nul"}
def sanitize(n):
    out = "".join("_" if c in bad else c for c in n).strip().lstrip(".")
    if out.lower() in reserved:
        out = "_" + out
    return out or "unnamed"
for n in names:
    print(f"{n!r:<22}-> {sanitize(n)!r}")
