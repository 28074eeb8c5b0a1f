class ToolError(Exception):
    pass
class RateLimited(ToolError):
    pass
class NotFound(ToolError):
    pass
def fetch(url):
    if "missing" in url:
        raise NotFound(url)
    if "busy" in url:
        raise RateLimited(url)
    return "ok"
for url in ["/a", "/busy", "/missing"]:
    try:
        print(url, fetch(url))
    except RateLimited as e:
        print("retry later:", e)
print("unreachable after NotFound")
