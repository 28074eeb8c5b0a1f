for day, month in [(1, 2), (15, 11), (31, 12)]:
    print("{:02d}/{:02d}/2024".format(day, month))
print("{:0>5}".format("7"))
print("{:05.1f}".format(9.96))
