files = [
    {"name": "a.txt", "content": "hello world"},
    {"name": "b.txt", "content": "other"},
    {"name": "copy_of_a.txt", "content": "hello world"},
    {"name": "c.txt", "content": "Hello World"},
    {"name": "a (2).txt", "content": "hello world"},
]
by_content = {}
for f in files:
    by_content.setdefault(f["content"], []).append(f["name"])
for content, names in by_content.items():
    if len(names) > 1:
        print(f"{len(names)} copies of {content!r}: {', '.join(names)}")
print("unique contents:", len(by_content))
