def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]
print(flatten([1, [2, [3, [4, [5]]]], [], [[6]]]))
def count_leaves(tree):
    if isinstance(tree, dict):
        return sum(count_leaves(v) for v in tree.values())
    return 1
print(count_leaves({"a": {"b": 1, "c": {"d": 2}}, "e": 3}))
