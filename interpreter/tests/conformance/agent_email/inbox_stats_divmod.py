sizes = [734, 10240, 88, 4096, 65000, 1]
total = sum(sizes)
kb, rest = divmod(total, 1024)
print("total bytes:", total, "=", kb, "KB +", rest, "B")
print("mean: %.2f, min: %d, max: %d" % (total / len(sizes), min(sizes), max(sizes)))
small = sum(1 for s in sizes if s < 1024)
print(f"{small}/{len(sizes)} small ({small / len(sizes):.0%})")
