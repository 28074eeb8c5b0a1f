word = "planner"
for fmt in ["%10s|", "%-10s|", "%.3s|", "%10.3s|", "%-10.3s|", "%.0s|", "%010s|", "%.20s|"]:
    print(repr(fmt), repr(fmt % word))
print("%5r|%-8r|%.2r|" % ("a", "b", "c"))
print("%3s|" % "é✓")
