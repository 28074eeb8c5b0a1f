def wrap(text, width=38):
    words, lines, line = text.split(), [], ""
    for w in words:
        if len(line) + len(w) + (1 if line else 0) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return lines
body = "Thanks for reaching out. We've identified the root cause of the sync delay and a fix will roll out tonight between 22:00 and 23:00 UTC."
for l in wrap(body):
    print("> " + l)
print(len(wrap(body, width=60)), "lines at width 60")
