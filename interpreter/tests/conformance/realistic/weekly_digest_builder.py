items = [
    {"kind": "pr", "title": "Add caching layer", "author": "ana"},
    {"kind": "issue", "title": "Crash on empty input", "author": "raj"},
    {"kind": "pr", "title": "Fix typo in docs", "author": "lee"},
    {"kind": "release", "title": "v2.3.0", "author": "ana"},
    {"kind": "issue", "title": "Slow startup", "author": "ana"},
]
sections = {"release": "Releases", "pr": "Pull requests", "issue": "Issues"}
lines = ["# Weekly digest", ""]
for kind, heading in sections.items():
    entries = [i for i in items if i["kind"] == kind]
    if entries:
        lines.append(f"## {heading} ({len(entries)})")
        lines.extend(f"- {e['title']} (@{e['author']})" for e in entries)
        lines.append("")
authors = sorted({i["author"] for i in items})
lines.append("Contributors: " + ", ".join(authors))
print("\n".join(lines))
