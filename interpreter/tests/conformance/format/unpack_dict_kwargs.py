person = {"first": "Ada", "last": "Lovelace", "born": 1815}
print("{first} {last} ({born})".format(**person))
print("{last}, {first}".format(**person))
args = ["x", "y"]
print("{1}/{0}".format(*args))
