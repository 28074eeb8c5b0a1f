doc = """# Guide
intro text
## Install
#### From source
## Usage
text
#### CLI flags
## FAQ"""
for line in doc.splitlines():
    if line.startswith("#"):
        level = len(line) - len(line.lstrip("#"))
        title = line[level:].strip()
        anchor = title.lower().replace(" ", "-")
        print("  " * (level - 1) + f"- [{title}](#{anchor})")
