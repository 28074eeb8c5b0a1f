files = ["IMG_0001.JPG", "IMG_0002.jpg", "Screenshot 2024-05-03.png", "IMG_0010.JPG", "notes.TXT"]
plan = []
photo_n = 0
for f in sorted(files):
    stem, ext = f.rsplit(".", 1)
    ext = ext.lower()
    if stem.startswith("IMG_"):
        photo_n += 1
        new = "photo_%03d.%s" % (photo_n, ext)
    else:
        new = stem.lower().replace(" ", "_") + "." + ext
    if new != f:
        plan.append((f, new))
for old, new in plan:
    print(f"{old:<26} -> {new}")
