config = {"host": "x"}
for key in ["port", 3, ("a", 1), "", None]:
    try:
        config[key]
    except KeyError as e:
        print(repr(e), "|", e, "|", e.args)
