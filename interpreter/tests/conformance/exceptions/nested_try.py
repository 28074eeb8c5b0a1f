try:
    try:
        [][0]
    except KeyError:
        print("inner KeyError (wrong)")
    finally:
        print("inner finally")
except IndexError:
    print("outer IndexError")
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print("got", e)
