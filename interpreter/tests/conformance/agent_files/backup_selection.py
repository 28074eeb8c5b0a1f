files = [("db.sqlite", "2024-05-03", 500), ("notes.md", "2024-04-01", 2), ("photos.zip", "2024-05-02", 2048), ("cache.tmp", "2024-05-03", 300), ("thesis.docx", "2024-05-01", 8)]
last_backup = "2024-05-01"
excluded_ext = (".tmp", ".cache")
selected = [f for f in files if f[1] > last_backup and not f[0].endswith(excluded_ext)]
for name, date, mb in selected:
    print(f"backup {name} (modified {date}, {mb} MB)")
print("total: %d MB, skipped %d" % (sum(f[2] for f in selected), len(files) - len(selected)))
