config = {"host": "localhost"}
print(config["host"])
print(config.get("port", 8080))
print(config["port"])
