# Found by _difftest: a precision in an integer format spec is a ValueError.
for spec in [".3", "10.2", ".0"]:
    try:
        print(format(7, spec))
    except ValueError as e:
        print(type(e), e)
print(format(7, "5"), format(7.0, ".3"))
