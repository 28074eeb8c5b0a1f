files = ["report.PDF", "photo.jpeg", "archive.tar.gz", "README", "data.csv", "script.min.js"]
types = {"pdf": "application/pdf", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gz": "application/gzip", "csv": "text/csv", "js": "text/javascript"}
for f in files:
    ext = f.rsplit(".", 1)[1].lower() if "." in f else ""
    print(f"{f:<15} {types.get(ext, 'application/octet-stream')}")
