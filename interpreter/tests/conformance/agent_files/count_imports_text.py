source = """import os
import sys, re
from collections import Counter
from os.path import join, exists
x = 1  # import nothing"""
modules = []
for line in source.splitlines():
    line = line.split("#")[0].strip()
    if line.startswith("import "):
        modules += [m.strip() for m in line[7:].split(",")]
    elif line.startswith("from "):
        modules.append(line.split()[1])
print(modules)
print(sorted(set(m.split(".")[0] for m in modules)))
