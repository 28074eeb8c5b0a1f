print("{{}}".format())
print("{{{}}}".format("x"))
print("{{name}} = {name}".format(name="val"))
print("a {{ b }} c".format())
