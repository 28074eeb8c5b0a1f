data = {"name": "Zoë", "tags": ["a", "ü"], "n": 1}
print("%r" % (data,))
print("%a" % (data,))
print("%a|%10a|%-6a|" % ("é", "ñ", "x"))
print("%a" % "emoji 😀 and ☃")
print("%r %a" % (1.5, None))
