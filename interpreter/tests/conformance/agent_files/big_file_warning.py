uploads = [("a.zip", 9.5), ("b.mov", 120.25), ("c.pdf", 0.8), ("d.iso", 2048.0)]
limit_mb = 100
for name, mb in uploads:
    if mb > limit_mb:
        over = mb - limit_mb
        parts = -(-mb // limit_mb)
        print("%s too large by %.2f MB -> split into %d parts" % (name, over, parts))
ok = [n for n, mb in uploads if mb <= limit_mb]
print("uploading:", ok)
