report = """Steps to reproduce:
1. open settings
2. click export
Expected: file downloads
Actual: spinner forever
Version: 2.3.1
Browser: Firefox 125"""
fields, steps = {}, []
for line in report.splitlines():
    if line[:1].isdigit() and ". " in line:
        steps.append(line.split(". ", 1)[1])
    elif ": " in line:
        k, v = line.split(": ", 1)
        fields[k.lower()] = v
print("steps:", steps)
print(fields)
major, minor, patch = map(int, fields["version"].split("."))
print("affected by known bug:", (major, minor) == (2, 3) and patch < 2)
