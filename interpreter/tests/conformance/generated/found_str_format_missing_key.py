# Found by _difftest: the KeyError of str.format for a missing name.
try:
    print("{a} {b}".format(a=1))
except KeyError as e:
    print(type(e), e, repr(e))
