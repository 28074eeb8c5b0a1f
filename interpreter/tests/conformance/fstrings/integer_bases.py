n = 255
print(f"{n:x} {n:X} {n:o} {n:b}")
print(f"{n:#x} {n:#X} {n:#o} {n:#b}")
print(f"{n:08b} {n:#010x} {n:>8x}")
print(f"{-n:x} {-n:#b}")
print(f"{0:x} {1:b} {2 ** 40:x}")
print(f"{n:d} {n:5d} {n:<5d}|")
