name, n, ratio = "ana", 7, 0.4567
print("{0} has {1} items ({2:.1%})".format(name, n, ratio))
print("{name:>6}|{n:<4}|{ratio:^10.3f}|".format(name=name, n=n, ratio=ratio))
print(f"{name!r} {name.upper()!s:>5} {n:+d} {n:#06x} {ratio:e}")
print("{:,}".format(1234567), "{:_}".format(1234567), f"{1234567.891:,.1f}", f"{0.5:.0f}", f"{1.5:.0f}", f"{2.5:.0f}")
print("{{literal}} {}".format("x"), f"{{x}} {n * 2}", "{:>{w}}".format("r", w=4))
