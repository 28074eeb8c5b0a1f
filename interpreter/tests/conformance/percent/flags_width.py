values = [42, -42]
for fmt in ["%5d|", "%-5d|", "%05d|", "%+d|", "% d|", "%+5d|", "%-+5d|", "% 05d|", "%+05d|", "%-05d|"]:
    print(repr(fmt), repr(fmt % values[0]), repr(fmt % values[1]))
