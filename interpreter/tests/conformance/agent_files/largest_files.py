files = [
    {"name": "video.mp4", "size": 734003200},
    {"name": "notes.txt", "size": 2048},
    {"name": "backup.zip", "size": 1073741824},
    {"name": "photo.jpg", "size": 3145728},
    {"name": "empty.log", "size": 0},
]
def human(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return "%.1f %s" % (n, unit) if unit != "B" else "%d B" % n
        n /= 1024
for f in sorted(files, key=lambda f: f["size"], reverse=True)[:3]:
    print("%-11s %10s" % (f["name"], human(f["size"])))
print("empty files:", [f["name"] for f in files if not f["size"]])
