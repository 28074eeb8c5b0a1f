for n in (0, 7, 255, -42, 4096):
    print(n, hex(n), oct(n), bin(n), f"{n:#x}", f"{n:#o}", f"{n:08b}", format(n, "X"))
print(chr(65), ord("é"), chr(0x1F600) == "\U0001F600", ascii("café"))
