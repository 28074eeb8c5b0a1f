print(format(True), format(True, ""), f"{False}")
print(format(True, "5"), format(True, "d"), format(False, ".1f"), format(True, "x"), repr(format(True, "c")))
print(f"{True:>6}|{True:<6}|{True:06}")
for spec in ["s", "5.5.5"]:
    try:
        print(format(True, spec))
    except ValueError as e:
        print(e)
