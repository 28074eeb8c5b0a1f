sections = {
    "Summary": "All systems nominal.",
    "Risks": ["vendor delay", "hiring freeze"],
    "Next steps": ["finalize budget", "ship v2", "retro"],
    "Notes": "",
}
parts = []
for title, content in sections.items():
    if not content:
        continue
    if isinstance(content, list):
        body = "\n".join(f"  {i}. {c}" for i, c in enumerate(content, 1))
    else:
        body = "  " + content
    parts.append(f"{title.upper()}\n{body}")
print("\n\n".join(parts))
