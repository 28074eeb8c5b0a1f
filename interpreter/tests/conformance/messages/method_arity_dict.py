# dict methods called with too few or too many arguments: CPython's wording
# depends on how each method is declared (no arguments, exactly one, a range).
calls = {
    'dict.clear': lambda *a: {"k": 1}.clear(*a),
    'dict.copy': lambda *a: {"k": 1}.copy(*a),
    'dict.get': lambda *a: {"k": 1}.get(*a),
    'dict.items': lambda *a: {"k": 1}.items(*a),
    'dict.keys': lambda *a: {"k": 1}.keys(*a),
    'dict.pop': lambda *a: {"k": 1}.pop(*a),
    'dict.popitem': lambda *a: {"k": 1}.popitem(*a),
    'dict.setdefault': lambda *a: {"k": 1}.setdefault(*a),
    'dict.update': lambda *a: {"k": 1}.update(*a),
    'dict.values': lambda *a: {"k": 1}.values(*a),
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
