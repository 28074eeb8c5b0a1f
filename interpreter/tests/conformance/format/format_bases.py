print("{:x} {:X} {:o} {:b}".format(3054, 3054, 8, 5))
print("{:#x} {:#o} {:#b}".format(255, 8, 5))
print("{:06b} {:#06x}".format(5, 255))
print("{0:d} {0:x} {0:o} {0:b}".format(42))
