cookie = "session=abc123; theme=dark; lang=en-US; flags=a=1,b=2; empty="
jar = {}
for part in cookie.split(";"):
    name, _, value = part.strip().partition("=")
    jar[name] = value
print(jar)
print("theme is", jar.get("theme", "light"))
print("names:", sorted(jar))
