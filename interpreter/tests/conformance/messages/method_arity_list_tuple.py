# list, tuple methods called with too few or too many arguments: CPython's wording
# depends on how each method is declared (no arguments, exactly one, a range).
calls = {
    'list.append': lambda *a: [3, 1].append(*a),
    'list.clear': lambda *a: [3, 1].clear(*a),
    'list.copy': lambda *a: [3, 1].copy(*a),
    'list.count': lambda *a: [3, 1].count(*a),
    'list.extend': lambda *a: [3, 1].extend(*a),
    'list.index': lambda *a: [3, 1].index(*a),
    'list.insert': lambda *a: [3, 1].insert(*a),
    'list.pop': lambda *a: [3, 1].pop(*a),
    'list.remove': lambda *a: [3, 1].remove(*a),
    'list.reverse': lambda *a: [3, 1].reverse(*a),
    'list.sort': lambda *a: [3, 1].sort(*a),
    'tuple.count': lambda *a: (1, 2).count(*a),
    'tuple.index': lambda *a: (1, 2).index(*a),
}
for name, call in calls.items():
    for args in [(), (1,), (1, 2), (1, 2, 3)]:
        try:
            call(*args)
        except TypeError as e:
            if 'argument' in str(e):
                print(name, len(args), e)
        except Exception:
            pass
