local = {"app.js": "v3", "style.css": "v1", "logo.png": "v1", "old.js": "v1"}
remote = {"app.js": "v4", "style.css": "v1", "logo.png": "v2", "new.js": "v1"}
upload = sorted(k for k in local if k not in remote or remote[k] != local[k])
download = sorted(k for k in remote if k not in local)
same = sorted(k for k in local if remote.get(k) == local[k])
print("upload:", upload)
print("download:", download)
print("unchanged:", same)
