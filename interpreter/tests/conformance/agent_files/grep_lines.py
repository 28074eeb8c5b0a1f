content = """def load(path):
    # TODO: handle missing files
    data = read(path)
    return parse(data)  # FIXME slow
def save(path, data):
    write(path, data)  # todo: atomic"""
for n, line in enumerate(content.splitlines(), 1):
    up = line.upper()
    for tag in ("TODO", "FIXME"):
        if tag in up:
            msg = line[up.index(tag) + len(tag):].lstrip(": ")
            print(f"{n:>3}: {tag} {msg}")
