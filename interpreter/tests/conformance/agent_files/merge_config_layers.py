defaults = {"theme": "light", "font": 12, "autosave": True, "plugins": ["core"]}
user = {"font": 14, "plugins": ["core", "git"]}
project = {"theme": "dark", "autosave": False}
merged = dict(defaults)
for layer_name, layer in (("user", user), ("project", project)):
    for k, v in layer.items():
        if merged.get(k) != v:
            print(f"{layer_name} overrides {k}: {merged.get(k)!r} -> {v!r}")
        merged[k] = v
print(merged)
merged2 = {**defaults, **user, **project}
print(merged == merged2)
