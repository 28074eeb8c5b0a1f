n = 3 ** 50
print("{}".format(n))
print("{:,}".format(n))
print("{:x}".format(n))
print("{:.3e}".format(n))
