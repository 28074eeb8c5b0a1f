text = """name: deploy-bot
version: 3
enabled: yes
owners:
  - ana
  - ben
timeout: 2.5"""
config, current_list = {}, None
for line in text.splitlines():
    if line.startswith("  - "):
        config[current_list].append(line[4:])
        continue
    key, _, value = line.partition(":")
    value = value.strip()
    if not value:
        config[key] = []
        current_list = key
    elif value.isdigit():
        config[key] = int(value)
    elif value in ("yes", "no"):
        config[key] = value == "yes"
    else:
        try:
            config[key] = float(value)
        except ValueError:
            config[key] = value
print(config)
