errors = []
for thunk in [lambda: int("x"), lambda: [][1], lambda: {}["k"], lambda: 1 / 0, lambda: None.x]:
    try:
        thunk()
    except Exception as e:
        errors.append(type(e))
for e in errors:
    print(e)
