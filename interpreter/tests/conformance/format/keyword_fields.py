print("{greeting}, {name}!".format(greeting="Hello", name="World"))
print("{a}{b}{a}".format(a="<", b="-"))
print("{x} and {0}".format("pos", x="kw"))
print("{name:>8}|{count:03}".format(name="bob", count=7))
