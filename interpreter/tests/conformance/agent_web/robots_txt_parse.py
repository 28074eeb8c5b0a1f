robots = """User-agent: *
Disallow: /admin
Disallow: /private/
Allow: /private/public
# comment line
User-agent: badbot
Disallow: /"""
rules = {}
agent = None
for line in robots.splitlines():
    line = line.split("#")[0].strip()
    if not line:
        continue
    key, value = [p.strip() for p in line.split(":", 1)]
    if key.lower() == "user-agent":
        agent = value
        rules.setdefault(agent, [])
    else:
        rules[agent].append((key.lower(), value))
for path in ["/admin/x", "/private/public/a", "/private/b", "/blog"]:
    match = max((r for r in rules["*"] if path.startswith(r[1])), key=lambda r: len(r[1]), default=("allow", ""))
    print(path, match[0])
