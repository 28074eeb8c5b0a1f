responses = [("index.html", 5321), ("bundle.js", 1048576 * 2.5), ("video.mp4", 734003200), ("favicon.ico", 318)]
def human(n):
    units = ["B", "KiB", "MiB", "GiB"]
    i = 0
    while n >= 1024 and i < len(units) - 1:
        n /= 1024
        i += 1
    return f"{n:.0f} {units[i]}" if i == 0 else f"{n:.1f} {units[i]}"
for name, size in responses:
    print(f"{name:<12}{human(size):>10}")
