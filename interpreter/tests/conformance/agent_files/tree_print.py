tree = {"src": {"main.rs": 120, "lib": {"a.rs": 40, "b.rs": 65}}, "README.md": 12, "tests": {"t.rs": 30}}
def show(node, indent=0):
    total = 0
    for name in sorted(node):
        value = node[name]
        if isinstance(value, dict):
            print("  " * indent + name + "/")
            total += show(value, indent + 1)
        else:
            print("  " * indent + f"{name} ({value} lines)")
            total += value
    return total
print("total lines:", show(tree))
