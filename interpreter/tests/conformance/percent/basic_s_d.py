name = "Ada"
count = 3
print("hello %s" % name)
print("%s has %d messages" % (name, count))
print("%d%%" % 50)
print("%s" % [1, 2])
print("%s" % ((1, 2),))
print("%s|%r" % ("it's", "it's"))
print("%s %s %s" % (None, True, 1.5))
