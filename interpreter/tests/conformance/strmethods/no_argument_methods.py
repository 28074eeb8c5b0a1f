cases = [lambda: "abc".isdigit(1), lambda: "abc".upper(1), lambda: "abc".title(1, 2), lambda: "abc".lower(x=1),
         lambda: "a".isascii(1), lambda: "a".casefold(None)]
for case in cases:
    try:
        print(case())
    except TypeError as e:
        print(e)
