commits = [
    "feat: add export button",
    "fix: crash on empty list",
    "chore: bump deps",
    "feat(api): pagination",
    "fix(ui): misaligned icon",
    "docs: readme typo",
]
sections = {"feat": "Features", "fix": "Bug fixes"}
out = {}
for c in commits:
    kind, _, msg = c.partition(": ")
    kind = kind.split("(")[0]
    if kind in sections:
        scope = c[c.find("(") + 1:c.find(")")] if "(" in c.split(":")[0] else ""
        out.setdefault(sections[kind], []).append(f"{msg}" + (f" [{scope}]" if scope else ""))
for title in ("Features", "Bug fixes"):
    print(f"## {title}")
    for item in out.get(title, []):
        print(f"- {item}")
