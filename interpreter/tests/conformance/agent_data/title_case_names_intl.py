names = ["josé garcía", "ÅSA LINDSTRÖM", "o'brien-smith", "straße müller", "ΣΟΦΙΑ ΠΑΠΑΣ", "ǆuro"]
for n in names:
    print(f"{n!r:>18} -> {n.title()!r:18} {n.capitalize()!r}")
