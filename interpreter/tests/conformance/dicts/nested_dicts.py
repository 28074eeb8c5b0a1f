config = {"db": {"host": "h", "port": 1}, "flags": {"debug": False}}
print(config["db"]["port"])
config["db"]["port"] = 5432
config["flags"]["verbose"] = True
print(config)
print(config.get("cache", {}).get("size", 0))
print(len(config), len(config["flags"]))
