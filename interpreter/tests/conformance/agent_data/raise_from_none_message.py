class ConfigError(Exception):
    pass
def get(cfg, key):
    try:
        return cfg[key]
    except KeyError:
        raise ConfigError(f"missing setting {key!r}") from None
cfg = {"host": "x"}
for k in ("host", "port"):
    try:
        print(k, "=", get(cfg, k))
    except ConfigError as e:
        print("error:", e, "| args:", e.args)
