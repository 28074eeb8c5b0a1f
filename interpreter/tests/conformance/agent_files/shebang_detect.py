files = {
    "run.sh": "#!/bin/bash\necho hi",
    "tool.py": "#!/usr/bin/env python3\nprint(1)",
    "lib.py": "def f():\n    pass",
    "x.pl": "#! /usr/bin/perl -w\nprint 1;",
}
for name, content in files.items():
    first = content.split("\n", 1)[0]
    if first.startswith("#!"):
        parts = first[2:].split()
        interp = parts[1] if parts[0].endswith("/env") else parts[0].rsplit("/", 1)[-1]
        print(f"{name:<8} executable via {interp}")
    else:
        print(f"{name:<8} no shebang")
