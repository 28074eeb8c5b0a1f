content = """[server]
host = 0.0.0.0
port = 8080
; comment
[database]
url = postgres://db:5432/app
pool = 10

[features]
beta = true"""
config, section = {}, None
for raw in content.splitlines():
    line = raw.strip()
    if not line or line.startswith((";", "#")):
        continue
    if line.startswith("[") and line.endswith("]"):
        section = config.setdefault(line[1:-1], {})
    else:
        key, _, value = line.partition("=")
        section[key.strip()] = value.strip()
print(config["server"]["port"], int(config["database"]["pool"]) * 2)
print(config["features"].get("beta") == "true", sorted(config))
