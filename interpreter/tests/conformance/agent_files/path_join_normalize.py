def join(*parts):
    segs = []
    for p in parts:
        if p.startswith("/"):
            segs = []
        for s in p.split("/"):
            if s in ("", "."):
                continue
            if s == "..":
                if segs:
                    segs.pop()
            else:
                segs.append(s)
    return "/" + "/".join(segs)
print(join("/var", "log", "../lib/./db"))
print(join("/a/b", "/c", "d/"))
print(join("/x", "..", "..", "y"))
