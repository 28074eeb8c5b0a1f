paths = ["/home/ana/docs/report.final.pdf", "relative/file.txt", "/etc/hosts", "C:/Users/bob/x.tar.gz", "noext"]
for p in paths:
    head, _, tail = p.rpartition("/")
    stem, dot, ext = tail.rpartition(".")
    if not dot:
        stem, ext = tail, ""
    print(f"dir={head or '.':<16} name={tail:<17} stem={stem:<13} ext={ext}")
