s = "it's"
n = None
print(f"{s!r} {s!s} {s}")
print(f"{n!r} {n}")
print(f"{[1, 'a']!r}")
print(f"{'x'!r:>6}|{'y'!s:>3}|")
print(f"{3.0!r} {'é'!r}")
