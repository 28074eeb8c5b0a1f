class ToolFailure(Exception):
    """A tool returned something unusable."""

class NotFound(ToolFailure):
    pass

class RateLimited(ToolFailure):
    pass

def lookup(users, name):
    for u in users:
        if u["name"] == name:
            return u
    raise NotFound(f"no user named {name!r}")

users = [{"name": "ada", "email": "ada@example.com"}]
for who in ["ada", "bob"]:
    try:
        print(lookup(users, who)["email"])
    except ToolFailure as e:
        print(type(e).__name__, "-", e, "|", repr(e), e.args)
        print(isinstance(e, NotFound), isinstance(e, RateLimited), isinstance(e, Exception))
try:
    raise RateLimited
except (NotFound, RateLimited) as e:
    print("caught", type(e).__name__, repr(e), str(e) == "")
print(NotFound, NotFound.__name__, type(NotFound("x")) == NotFound)
