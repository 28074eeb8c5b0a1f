def outer(x):
    y = x * 2
    def inner(z):
        return x + y + z
    return inner(1)
print(outer(5))
def make_report(items):
    prefix = "- "
    def fmt(item):
        return prefix + item.upper()
    return "\n".join(fmt(i) for i in items)
print(make_report(["a", "b"]))
