class Cancelled(Exception):
    pass
steps = ["reserve", "pay", "confirm"]
for s in steps:
    if s == "confirm":
        raise Cancelled
    print("done:", s)
