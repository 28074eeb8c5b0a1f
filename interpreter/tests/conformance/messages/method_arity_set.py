# set, frozenset methods called with too few or too many arguments: CPython's wording
# depends on how each method is declared (no arguments, exactly one, a range).
calls = {
    'set.add': lambda *a: {1, 2}.add(*a),
    'set.clear': lambda *a: {1, 2}.clear(*a),
    'set.copy': lambda *a: {1, 2}.copy(*a),
    'set.difference': lambda *a: {1, 2}.difference(*a),
    'set.difference_update': lambda *a: {1, 2}.difference_update(*a),
    'set.discard': lambda *a: {1, 2}.discard(*a),
    'set.intersection': lambda *a: {1, 2}.intersection(*a),
    'set.intersection_update': lambda *a: {1, 2}.intersection_update(*a),
    'set.isdisjoint': lambda *a: {1, 2}.isdisjoint(*a),
    'set.issubset': lambda *a: {1, 2}.issubset(*a),
    'set.issuperset': lambda *a: {1, 2}.issuperset(*a),
    'set.pop': lambda *a: {1, 2}.pop(*a),
    'set.remove': lambda *a: {1, 2}.remove(*a),
    'set.symmetric_difference': lambda *a: {1, 2}.symmetric_difference(*a),
    'set.symmetric_difference_update': lambda *a: {1, 2}.symmetric_difference_update(*a),
    'set.union': lambda *a: {1, 2}.union(*a),
    'set.update': lambda *a: {1, 2}.update(*a),
    'frozenset.copy': lambda *a: frozenset({1}).copy(*a),
    'frozenset.difference': lambda *a: frozenset({1}).difference(*a),
    'frozenset.intersection': lambda *a: frozenset({1}).intersection(*a),
    'frozenset.isdisjoint': lambda *a: frozenset({1}).isdisjoint(*a),
    'frozenset.issubset': lambda *a: frozenset({1}).issubset(*a),
    'frozenset.issuperset': lambda *a: frozenset({1}).issuperset(*a),
    'frozenset.symmetric_difference': lambda *a: frozenset({1}).symmetric_difference(*a),
    'frozenset.union': lambda *a: frozenset({1}).union(*a),
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
