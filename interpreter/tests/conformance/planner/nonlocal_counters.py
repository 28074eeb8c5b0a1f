def summarize(messages):
    unread = 0
    senders = []
    def visit(m):
        nonlocal unread
        if not m["read"]:
            unread += 1
        if m["from"] not in senders:
            senders.append(m["from"])
    for m in messages:
        visit(m)
    return unread, senders

msgs = [{"from": "a", "read": False}, {"from": "b", "read": True}, {"from": "a", "read": False}]
print(summarize(msgs))

def make_counter(start=0):
    count = start
    def bump(step=1):
        nonlocal count
        count += step
        return count
    def peek():
        return count
    return bump, peek

bump, peek = make_counter(10)
bump(); bump(5)
print(peek(), bump(0))

def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
    middle()
    return x
print(outer())
