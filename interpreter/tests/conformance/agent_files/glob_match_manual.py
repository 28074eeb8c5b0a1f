def match(pattern, name):
    if not pattern:
        return not name
    if pattern[0] == "*":
        return any(match(pattern[1:], name[i:]) for i in range(len(name) + 1))
    if name and (pattern[0] == "?" or pattern[0] == name[0]):
        return match(pattern[1:], name[1:])
    return False
files = ["main.py", "test_main.py", "setup.cfg", "a.py", "notes.txt", "test_io.py"]
for pat in ["*.py", "test_*.py", "?.py", "*.*g"]:
    print(pat, [f for f in files if match(pat, f)])
