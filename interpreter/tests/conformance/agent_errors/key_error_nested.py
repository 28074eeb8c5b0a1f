config = {"smtp": {"host": "mail.x.com", "port": 587}}
print("host:", config["smtp"]["host"])
print("port:", config["smtp"]["port"])
print("user:", config["smtp"]["user"])
