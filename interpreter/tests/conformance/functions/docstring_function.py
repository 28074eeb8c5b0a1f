def documented(a, b):
    """Return the sum of a and b.

    The docstring must not be printed or change the result.
    """
    return a + b
print(documented(2, 3))
def only_doc():
    "single line doc"
print(only_doc())
