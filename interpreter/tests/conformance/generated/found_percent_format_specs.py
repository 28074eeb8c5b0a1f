# Found by _difftest: %-formatting with conversion flags, widths and tuples.
print("<%05d>" % 5, "<%+d>" % -7, "<%x>" % 255, "<%X>" % 255, "<%o>" % 8)
print("<%.2f>" % 0.5, "<%8.3f|>" % 2.675, "<%e>" % 1234.5, "<%g>" % 0.0001)
print("%s and %d" % (-1.5, 9), "<%-10s|>" % "ab", "<%.2s>" % "xyz", "<%r>" % "q")
print("<%c>" % 65, "<%i>" % 3, "<%5.1s>" % "0x1F", "<%a>" % "é")
