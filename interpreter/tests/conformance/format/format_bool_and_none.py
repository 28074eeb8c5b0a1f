print("{} {}".format(True, False))
print("{:>6}|{:<6}|".format(str(True), str(None)))
print("{:d}".format(True))
print("{!r}".format(None))
